import { answerInClan } from '../clan-ai/ask-clan';
import type { ClanAiDeps } from '../clan-ai/deps';
import type { ClanMembership } from '../clans/ports';
import { isDomainError } from '../shared/domain-error';
import type { RateLimiter } from '../shared/ports';
import type { HubContext } from './hub-context';
import { countUtf8Bytes, MAX_TEXT_BYTES, type AiNotice, type ChatMessage, type ChatMessageAi } from './model';
import type { AssistantReply, ClanAssistant } from './ports';

/**
 * `@ai` in clan chat (docs/chat.md, "@ai"): a member's message that mentions the
 * assistant is stored and acked like any other; then, off the room's queue, the clan
 * assistant answers and its reply is posted as a new message of the assistant's user.
 */

/**
 * The assistant's user (`users` row created by migration `0010_chat_ai`, no profile, no
 * usable password: it can never sign in). Its messages carry `message.ai`.
 */
export const AI_AUTHOR_ID = '00000000-0000-4000-8000-0000000000a1';

/** The party whose rooms answer `@ai`: clan chat only, never `subs` or the lobby. */
export const AI_MENTION_PARTY = 'clan';

/**
 * `@ai` as a word of its own, in any case (`@AI`, `@Ai`): not inside an address
 * (`me@ai.org` has a letter before it) nor a longer handle (`@aiden`). Persian text may
 * follow or precede it directly (a script change is a boundary).
 */
const MENTION = /(^|[^\p{Script=Latin}\p{N}_])@ai(?![\p{Script=Latin}\p{N}_])/giu;

export function mentionsAi(text: string): boolean {
  MENTION.lastIndex = 0;
  return MENTION.test(text);
}

/** What is asked: the text without its `@ai` mentions (a bare `@ai` asks for an overview). */
export function questionOf(text: string): string {
  const question = text.replace(MENTION, '$1').trim();
  return question === '' ? 'How is our clan doing lately?' : question;
}

/** The assistant's notices, in English (`message.ai.notice` lets the UI translate them). */
export const AI_NOTICES: Record<AiNotice, string> = {
  pro_only: '@ai answers in pro clans only. A leader can upgrade the clan to pro to ask the assistant here.',
  limit: "The assistant has answered this clan's @ai questions for today. Ask again tomorrow.",
  unavailable: 'The assistant is unavailable right now. Please try again in a few minutes.',
};

export function aiNotice(notice: AiNotice): AssistantReply {
  return { text: AI_NOTICES[notice], ai: { tier: null, notice } };
}

export type AiMentionLimits = {
  /** Answers per clan per UTC day (counted when asked, also when the model then fails). */
  answersPerClanPerDay: number;
  /** The pro-only and limit notices: at most one per user per this many seconds. */
  noticeIntervalSeconds: number;
};

export const DEFAULT_AI_MENTION_LIMITS: AiMentionLimits = { answersPerClanPerDay: 30, noticeIntervalSeconds: 3600 };

export type ClanAssistantDeps = Omit<ClanAiDeps, 'clans'> & {
  clans: ClanAiDeps['clans'] & Pick<ClanMembership, 'planOf'>;
  /** Durable counters (the database's in both homes): the daily limit and the notice limit. */
  limiter: RateLimiter;
  limits?: Partial<AiMentionLimits>;
};

/**
 * The ClanAssistant over the clan AI: free clans get the pro-only notice (once per user
 * per hour), pro clans an answer from `clanAi.answerInClan` (membership checked there
 * again; the question is user text and travels as such) up to the daily limit, then the
 * limit notice (once per user per hour). `ai.unavailable` becomes the unavailable notice.
 */
export function createClanAssistant(deps: ClanAssistantDeps): ClanAssistant {
  const limits = { ...DEFAULT_AI_MENTION_LIMITS, ...deps.limits };
  const noticeOnce = async (notice: AiNotice, clanId: string, userId: string) => {
    const hit = await deps.limiter.hit(`ai-mention:${notice}:${clanId}:${userId}`, 1, limits.noticeIntervalSeconds);
    return hit.allowed ? aiNotice(notice) : null;
  };
  return {
    async answer({ clanId, askerId, text }) {
      const plan = await deps.clans.planOf(clanId);
      if (!plan) return null;
      if (plan !== 'pro') return noticeOnce('pro_only', clanId, askerId);
      // A former member's late message costs nothing of the clan's limit.
      if (!(await deps.clans.roleOf(clanId, askerId))) return null;
      const day = deps.ai.clock.now().toISOString().slice(0, 10);
      const quota = await deps.limiter.hit(`ai-mention:clan:${clanId}:${day}`, limits.answersPerClanPerDay, 86_400);
      if (!quota.allowed) return noticeOnce('limit', clanId, askerId);
      try {
        const answer = await answerInClan(deps, { clanId, askerId, question: questionOf(text) });
        const body = fitText(answer.text.trim());
        return body === '' ? aiNotice('unavailable') : { text: body, ai: { tier: answer.tier } };
      } catch (error) {
        if (isDomainError(error) && (error.code === 'clan.not_permitted' || error.code === 'clan.not_found'))
          return null;
        if (isDomainError(error) && error.code === 'ai.unavailable') return aiNotice('unavailable');
        throw error;
      }
    },
  };
}

/** Cuts an answer to the message limit at a character boundary, marking the cut. */
export function fitText(text: string): string {
  if (countUtf8Bytes(text) <= MAX_TEXT_BYTES) return text;
  const budget = MAX_TEXT_BYTES - countUtf8Bytes('…');
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = countUtf8Bytes(ch);
    if (bytes + size > budget) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}

/**
 * Called by the hub once a new message is stored, acked and broadcast. For an `@ai`
 * message in a clan room, asks the assistant without holding the room's queue (other
 * messages flow meanwhile), then stores the reply through the queue and broadcasts it to
 * everyone, the asker included. The reply's clientId is derived from the question's id,
 * so one question never gets two replies. Tracked in `ctx.background` for `idle()`.
 */
export function replyToMention(ctx: HubContext, question: ChatMessage): void {
  const { assistant, store } = ctx;
  if (!assistant || !store || ctx.party !== AI_MENTION_PARTY || question.authorId === AI_AUTHOR_ID) return;
  if (!mentionsAi(question.text)) return;
  const room = question.room;
  const post = (text: string, ai: ChatMessageAi) =>
    ctx.queues.run(room, async () => {
      const { message, created } = await store.append({
        party: ctx.party,
        room,
        id: ctx.ids.newId(),
        authorId: AI_AUTHOR_ID,
        clientId: `ai:${question.id}`,
        text,
        createdAt: ctx.clock.now(),
        ai,
      });
      if (created) ctx.out.broadcast(room, { type: 'message', message }, { liveOnly: true });
    });
  const task = (async () => {
    let reply: AssistantReply | null;
    try {
      reply = await assistant.answer({ clanId: room, askerId: question.authorId, text: question.text });
    } catch (error) {
      ctx.onError(error);
      reply = aiNotice('unavailable');
    }
    if (reply) await post(reply.text, reply.ai);
  })();
  ctx.background.add(task);
  void task.finally(() => ctx.background.delete(task));
}
