/** The AUTH_SECRET the test servers run with; never used outside tests. */
export const TEST_AUTH_SECRET = 'test-only-auth-secret-0123456789abcdef';

/** The ROOM_CONTROL_SECRET of the test room worker (eviction requests). */
export const TEST_ROOM_CONTROL_SECRET = 'test-only-room-control-secret-0123456789';
