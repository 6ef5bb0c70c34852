import { channels, DomainError } from '@clantrader/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { jsonBody, queryParams } from '../validate';
import { channelFeedRoutes } from './channel-feed';
import { optionalSession, readId, viewerOf } from './channel-http';

export { isChannelImageUpload } from './channel-http';

const { CHANNEL_LIMITS } = channels;

/**
 * Clan channels (docs/channels.md): posts, images, reactions, views, peeks, follows and
 * complimentary subscriptions. Reads work signed out (premium posts stay locked); writes
 * need a session. Images are served only with their sniffed type, `nosniff` and a CSP that
 * allows no script, so an upload can never run as a page.
 */
export function channelRoutes(deps: ApiDeps) {
  const session = requireSession(deps);
  const maybe = optionalSession(deps);
  const ch = deps.channels;
  const me = (c: Context<ApiEnv>) => c.get('user');
  return new Hono<ApiEnv>()
    .get('/channels/:clanId', maybe, async (c) => {
      const clanId = readId(c.req.param('clanId'), 'channel.not_found');
      return c.json(await channels.getChannel(ch, { viewer: viewerOf(c), clanId }));
    })
    .get('/channels/:clanId/posts', maybe, queryParams(channels.ChannelPageQuerySchema), async (c) => {
      const clanId = readId(c.req.param('clanId'), 'channel.not_found');
      return c.json(await channels.listChannelPosts(ch, { viewer: viewerOf(c), clanId, ...c.req.valid('query') }));
    })
    .post('/channels/:clanId/posts', session, jsonBody(channels.NewPostSchema), async (c) => {
      const clanId = readId(c.req.param('clanId'), 'channel.not_found');
      const post = await channels.publishPost(ch, { author: me(c), clanId, post: c.req.valid('json') });
      c.header('location', `/api/v1/posts/${post.id}`);
      return c.json(post, 201);
    })
    .patch('/posts/:id', session, jsonBody(channels.PostPatchSchema), async (c) => {
      const postId = readId(c.req.param('id'), 'channel.post_not_found');
      return c.json(await channels.editPost(ch, { author: me(c), postId, patch: c.req.valid('json') }));
    })
    .delete('/posts/:id', session, async (c) => {
      const postId = readId(c.req.param('id'), 'channel.post_not_found');
      await channels.deletePost(ch, { userId: me(c).id, postId });
      return c.body(null, 204);
    })
    .post('/posts/:id/images', session, imageLimit(), async (c) => {
      const postId = readId(c.req.param('id'), 'channel.post_not_found');
      if (c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() !== 'application/octet-stream') {
        throw new DomainError(
          'channel.media_unsupported',
          'Send the image itself as Content-Type: application/octet-stream',
        );
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await channels.addPostImage(ch, { author: me(c), postId, bytes }), 201);
    })
    .get('/channel-media/:id', maybe, async (c) => {
      const mediaId = readId(c.req.param('id'), 'channel.media_not_found');
      const media = await channels.getChannelMedia(ch, { viewer: viewerOf(c), mediaId });
      return new Response(media.bytes as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          'content-type': media.contentType,
          'content-length': String(media.bytes.length),
          'content-disposition': 'inline',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
          'cache-control': 'private, max-age=3600',
        },
      });
    })
    .route('/', channelFeedRoutes(deps, { session, maybe, viewerOf }));
}

function imageLimit() {
  return bodyLimit({
    maxSize: CHANNEL_LIMITS.maxImageBytes,
    onError: () => {
      throw new DomainError('channel.media_too_large', 'An image may be at most 5 MB');
    },
  });
}
