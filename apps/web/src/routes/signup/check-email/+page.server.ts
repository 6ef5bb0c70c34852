import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ devOutbox: env.DEV_OUTBOX === '1' });
