import { issueTicket } from '$lib/chat/chat-api.server';
import type { RequestHandler } from './$types';

/** A fresh room ticket for the subscriber chat socket, asked for on every (re)connect. */
export const POST: RequestHandler = (event) => issueTicket(event, 'subs', event.params.clanId.toLowerCase());
