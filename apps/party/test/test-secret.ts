/** The AUTH_SECRET the test servers run with; never used outside tests. */
export const TEST_AUTH_SECRET = 'test-only-auth-secret-0123456789abcdef';
