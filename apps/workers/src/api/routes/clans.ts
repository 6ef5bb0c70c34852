import { clans, DomainError } from '@clantrader/core';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { jsonBody, queryParams, readPathId } from '../validate';

/** Invite tokens are the TokenVault's URL-safe 256-bit strings. */
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Clans (docs/clans.md): create, search, profile, membership, roles, invite links, join
 * requests and the free-agent market. Path ids that are not UUIDs are simply not found, so
 * they never reach SQL. Every rule lives in core; this file only parses and maps.
 */
export function clanRoutes(deps: ApiDeps) {
  const session = requireSession(deps);
  const d = deps.clans;
  return new Hono<ApiEnv>()
    .post('/clans', session, jsonBody(clans.CreateClanSchema), async (c) => {
      const clan = await clans.createClan(d, { userId: c.get('user').id, input: c.req.valid('json') });
      c.header('location', `/api/v1/clans/${clan.id}`);
      return c.json(await clans.getClanProfile(d, clan.id), 201);
    })
    .get('/clans', queryParams(clans.ClanSearchSchema), async (c) => {
      return c.json(await clans.searchClans(d, c.req.valid('query')));
    })
    .get('/clans/:id', async (c) => c.json(await clans.getClanProfile(d, clanId(c.req.param('id')))))
    .patch('/clans/:id', session, jsonBody(clans.UpdateClanSchema), async (c) => {
      const id = clanId(c.req.param('id'));
      await clans.updateClan(d, { userId: c.get('user').id, clanId: id, patch: c.req.valid('json') });
      return c.json(await clans.getClanProfile(d, id));
    })
    .delete('/clans/:id', session, async (c) => {
      await clans.disbandClan(d, { userId: c.get('user').id, clanId: clanId(c.req.param('id')) });
      return c.body(null, 204);
    })
    .get('/me/clan', session, async (c) => c.json(await clans.getMyClan(d, c.get('user').id)))
    .post('/clans/:id/join', session, jsonBody(clans.JoinRequestInputSchema), async (c) => {
      const body = c.req.valid('json');
      const outcome = await clans.joinClan(d, {
        userId: c.get('user').id,
        clanId: clanId(c.req.param('id')),
        message: body.message,
      });
      return c.json(outcome, outcome.status === 'joined' ? 200 : 202);
    })
    .get('/clans/:id/join-request', session, async (c) => {
      const command = { userId: c.get('user').id, clanId: clanId(c.req.param('id')) };
      return c.json({ request: await clans.getMyJoinRequest(d, command) });
    })
    .delete('/clans/:id/join-request', session, async (c) => {
      await clans.cancelMyJoinRequest(d, { userId: c.get('user').id, clanId: clanId(c.req.param('id')) });
      return c.body(null, 204);
    })
    .get('/me/join-requests', session, async (c) => {
      return c.json({ items: await clans.listMyJoinRequests(d, c.get('user').id) });
    })
    .post('/clans/:id/leave', session, async (c) => {
      return c.json(await clans.leaveClan(d, { userId: c.get('user').id, clanId: clanId(c.req.param('id')) }));
    })
    .post('/clans/:id/transfer', session, jsonBody(clans.TransferSchema), async (c) => {
      const command = { userId: c.get('user').id, clanId: clanId(c.req.param('id')) };
      await clans.transferLeadership(d, { ...command, targetUserId: c.req.valid('json').userId.toLowerCase() });
      return c.body(null, 204);
    })
    .post('/clans/:id/members/:userId/role', session, jsonBody(clans.ChangeRoleSchema), async (c) => {
      await clans.changeMemberRole(d, { ...memberCommand(c), role: c.req.valid('json').role });
      return c.body(null, 204);
    })
    .delete('/clans/:id/members/:userId', session, async (c) => {
      await clans.kickMember(d, memberCommand(c));
      return c.body(null, 204);
    })
    .get('/clans/:id/requests', session, async (c) => {
      const items = await clans.listJoinRequests(d, { userId: c.get('user').id, clanId: clanId(c.req.param('id')) });
      return c.json({ items });
    })
    .post('/clans/:id/requests/:requestId/:decision{approve|deny}', session, async (c) => {
      const command = {
        userId: c.get('user').id,
        clanId: clanId(c.req.param('id')),
        requestId: uuidOr(c.req.param('requestId'), 'clan.request_not_found'),
      };
      if (c.req.param('decision') === 'approve') await clans.approveJoinRequest(d, command);
      else await clans.denyJoinRequest(d, command);
      return c.body(null, 204);
    })
    .post('/clans/:id/invites', session, async (c) => {
      const invite = await clans.createInvite(d, { userId: c.get('user').id, clanId: clanId(c.req.param('id')) });
      return c.json(invite, 201);
    })
    .get('/clans/:id/invites', session, async (c) => {
      const items = await clans.listInvites(d, { userId: c.get('user').id, clanId: clanId(c.req.param('id')) });
      return c.json({ items });
    })
    .delete('/clans/:id/invites/:inviteId', session, async (c) => {
      await clans.revokeInvite(d, {
        userId: c.get('user').id,
        clanId: clanId(c.req.param('id')),
        inviteId: uuidOr(c.req.param('inviteId'), 'clan.invite_not_found'),
      });
      return c.body(null, 204);
    })
    .get('/invites/:token', async (c) => c.json(await clans.previewInvite(d, inviteToken(c.req.param('token')))))
    .post('/invites/:token/accept', session, async (c) => {
      const token = inviteToken(c.req.param('token'));
      return c.json(await clans.acceptInvite(d, { userId: c.get('user').id, token }));
    })
    .get('/free-agents', queryParams(clans.FreeAgentQuerySchema), async (c) => {
      return c.json(await clans.listFreeAgents(d, c.req.valid('query')));
    });
}

type ParamContext = { req: { param(name: 'id' | 'userId'): string }; get(key: 'user'): { id: string } };

function memberCommand(c: ParamContext) {
  return {
    userId: c.get('user').id,
    clanId: clanId(c.req.param('id')),
    targetUserId: uuidOr(c.req.param('userId'), 'clan.member_not_found'),
  };
}

function clanId(raw: string): string {
  return uuidOr(raw, 'clan.not_found');
}

function uuidOr(
  raw: string,
  code: 'clan.not_found' | 'clan.member_not_found' | 'clan.request_not_found' | 'clan.invite_not_found',
): string {
  return readPathId(raw, code);
}

function inviteToken(raw: string): string {
  if (!TOKEN.test(raw)) throw new DomainError('clan.invite_not_found', 'This invite link is not valid');
  return raw;
}
