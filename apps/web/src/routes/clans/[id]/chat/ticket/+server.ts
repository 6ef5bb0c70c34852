import { issueTicket } from '$lib/chat/chat-api.server';
import type { RequestHandler } from './$types';

/** A fresh room ticket for the clan chat socket, asked for on every (re)connect. */
export const POST: RequestHandler = (event) => issueTicket(event, 'clan', event.params.id.toLowerCase());
