import { TokenSchema } from '@clantrader/core';
import { ApiError, apiJson } from '$lib/server/api';
import { UserIdSchema } from '$lib/server/api-schemas';
import type { PageServerLoad } from './$types';

export type VerifyState = 'success' | 'expired' | 'used' | 'invalid' | 'error';

const STATES: Record<string, VerifyState> = {
  'auth.token_expired': 'expired',
  'auth.token_used': 'used',
  'auth.token_invalid': 'invalid',
  'validation.failed': 'invalid',
};

/**
 * Opening the mailed link confirms the address. It is a one-shot POST to the API; opening
 * it again shows "already used", which still tells the user to log in.
 */
export const load: PageServerLoad = async (event) => {
  const token = TokenSchema.safeParse({ token: event.url.searchParams.get('token') ?? '' });
  if (!token.success) return { state: 'invalid' as VerifyState };
  try {
    await apiJson(event, '/auth/verify-email', UserIdSchema, { method: 'POST', json: token.data, token: null });
    return { state: 'success' as VerifyState };
  } catch (error) {
    if (error instanceof ApiError) return { state: STATES[error.code] ?? ('error' as VerifyState) };
    console.error('[web] verify-email failed', error);
    return { state: 'error' as VerifyState };
  }
};
