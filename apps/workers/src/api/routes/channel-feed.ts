import { channels, type User } from '@clantrader/core';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps';
import { jsonBody, queryParams } from '../validate';
import { optionalJson, readId } from './channel-http';

type Shared = {
  session: MiddlewareHandler<ApiEnv>;
  maybe: MiddlewareHandler<ApiEnv>;
  viewerOf: (c: Context<ApiEnv>, visitorKey?: string) => channels.Viewer;
};

const ViewBodySchema = z.strictObject({ visitorKey: channels.VisitorKeySchema.optional() });

/**
 * The per-viewer side of channels: reactions, views, peeks, follows, subscriptions, the
 * home feed and the sidebar list.
 */
export function channelFeedRoutes(deps: ApiDeps, { session, maybe, viewerOf }: Shared) {
  const ch = deps.channels;
  const me = (c: Context<ApiEnv>): User => c.get('user');
  const react = (on: boolean) => async (c: Context<ApiEnv>) => {
    const postId = readId(c.req.param('id') ?? '', 'channel.post_not_found');
    const emoji = c.req.param('emoji') ?? '';
    return c.json(await channels.reactToPost(ch, { user: me(c), postId, emoji, on }));
  };
  const follow = (on: boolean) => async (c: Context<ApiEnv>) => {
    const clanId = readId(c.req.param('clanId') ?? '', 'channel.not_found');
    return c.json(await channels.setFollowing(ch, { userId: me(c).id, clanId, on }));
  };
  return new Hono<ApiEnv>()
    .post('/posts/:id/reactions/:emoji', session, react(true))
    .delete('/posts/:id/reactions/:emoji', session, react(false))
    .post('/posts/:id/view', maybe, async (c) => {
      const postId = readId(c.req.param('id'), 'channel.post_not_found');
      const { visitorKey } = await optionalJson(c, ViewBodySchema);
      return c.json(await channels.recordPostView(ch, { viewer: viewerOf(c, visitorKey), postId }));
    })
    .post('/posts/:id/peek', session, async (c) => {
      const postId = readId(c.req.param('id'), 'channel.post_not_found');
      return c.json(await channels.peekPost(ch, { user: me(c), postId }));
    })
    .get('/me/peeks', session, async (c) => c.json(await channels.getPeekStatus(ch, me(c))))
    .post('/channels/:clanId/follow', session, follow(true))
    .delete('/channels/:clanId/follow', session, follow(false))
    .post('/channels/:clanId/read', session, async (c) => {
      const clanId = readId(c.req.param('clanId'), 'channel.not_found');
      await channels.markChannelRead(ch, { userId: me(c).id, clanId });
      return c.body(null, 204);
    })
    .get('/channels/:clanId/subscribers', session, queryParams(channels.SubscriberPageQuerySchema), async (c) => {
      const clanId = readId(c.req.param('clanId'), 'channel.not_found');
      return c.json(await channels.listSubscribers(ch, { actorId: me(c).id, clanId, query: c.req.valid('query') }));
    })
    .post('/channels/:clanId/subscribers', session, jsonBody(channels.GrantByHandleSchema), async (c) => {
      const clanId = readId(c.req.param('clanId'), 'channel.not_found');
      const grant = c.req.valid('json');
      return c.json(await channels.grantSubscriptionByHandle(ch, { actorId: me(c).id, clanId, grant }), 201);
    })
    .post('/channels/:clanId/subscribers/:userId', session, async (c) => {
      const clanId = readId(c.req.param('clanId'), 'channel.not_found');
      const userId = readId(c.req.param('userId'), 'channel.user_not_found');
      const { expiresAt } = await optionalJson(c, channels.GrantSubscriptionSchema);
      const subscription = await channels.grantSubscription(ch, { actorId: me(c).id, clanId, userId, expiresAt });
      return c.json(subscription, 201);
    })
    .delete('/channels/:clanId/subscribers/:userId', session, async (c) => {
      const clanId = readId(c.req.param('clanId'), 'channel.not_found');
      const userId = readId(c.req.param('userId'), 'channel.user_not_found');
      await channels.revokeSubscription(ch, { actorId: me(c).id, clanId, userId });
      return c.body(null, 204);
    })
    .get('/feed', session, queryParams(channels.ChannelPageQuerySchema), async (c) =>
      c.json(await channels.getHomeFeed(ch, { user: me(c), ...c.req.valid('query') })),
    )
    .get('/me/channels', session, queryParams(channels.MyChannelsQuerySchema), async (c) =>
      c.json(await channels.listMyChannels(ch, { userId: me(c).id, q: c.req.valid('query').q })),
    );
}
