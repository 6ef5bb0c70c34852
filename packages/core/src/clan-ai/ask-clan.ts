import { askAi } from '../ai/ask-ai';
import type { AbortSignalLike, AskEvent, QueryType, UntrustedText } from '../ai/model';
import { collectAnswer, type AiAnswer } from '../ai/router';
import { DomainError } from '../shared/domain-error';
import type { ClanAiDeps } from './deps';
import type { ClanAiKind } from './model';

/** A member's question to their clan's assistant. */
export type ClanQuestion = {
  clanId: string;
  askerId: string;
  question: string;
  kind: ClanAiKind;
  /** Rival analysis: the other clan's tag or name as the asker typed it (user text). */
  rival?: string | null;
  signal?: AbortSignalLike;
};

const QUERY_TYPE: Record<Exclude<ClanAiKind, 'chat'>, QueryType> = { recruit: 'recruiting', rival: 'analysis' };
const RECRUITING = /recruit|free[ -]?agent|hire|new member|find (us|me|a)\b|looking for a trader/i;

/**
 * Answers a member's question about their clan, streaming like `askAi`: recruiting
 * questions get the free-agent market tool, rival questions the clan comparison (plus
 * the query type's usual tools). The caller is the asker with exactly this clan, so the
 * tools show this clan's member breakdown and no other clan's. The clan's name and
 * description (user text) travel only as quoted untrusted data.
 * @throws DomainError `clan.not_found` | `clan.not_permitted` (not a member) |
 *   `validation.failed` | `ai.unavailable`
 */
export async function* askClanAi(deps: ClanAiDeps, q: ClanQuestion): AsyncGenerator<AskEvent> {
  const clan = await deps.clans.findClan(q.clanId);
  if (!clan) throw new DomainError('clan.not_found', 'No such clan');
  const role = await deps.clans.roleOf(clan.id, q.askerId);
  if (!role) throw new DomainError('clan.not_permitted', "Only this clan's members can ask its AI assistant");
  const queryType = q.kind === 'chat' ? chatQueryType(q.question) : QUERY_TYPE[q.kind];
  const context: UntrustedText[] = [
    { source: 'asker clan: name', text: clan.name },
    { source: 'asker clan: tag', text: `#${clan.slug}` },
    { source: 'asker clan: description', text: clan.description },
  ];
  if (q.rival) context.push({ source: 'rival clan named by the asker', text: q.rival });
  const day = deps.ai.clock.now().toISOString().slice(0, 10);
  yield* askAi(deps.ai, {
    question: q.question,
    queryType,
    // Clan-specific: the same words asked in another clan are another question.
    contextVersion: `clan:${clan.id}:${day}`,
    context,
    caller: { userId: q.askerId, clanIds: [clan.id] },
    inClan: true,
    ...(q.signal ? { signal: q.signal } : {}),
  });
}

/**
 * The whole answer as one value — what `@ai` in clan chat posts as a message:
 * `answerInClan(deps, { clanId, askerId, question })` → `{ text, tier, model, ... }`.
 * Same checks as `askClanAi`; the query type comes from the question's words.
 */
export function answerInClan(
  deps: ClanAiDeps,
  q: { clanId: string; askerId: string; question: string; signal?: AbortSignalLike },
): Promise<AiAnswer> {
  return collectAnswer(askClanAi(deps, { ...q, kind: 'chat' }));
}

/** `@ai` questions: recruiting words pick the recruiting tools, anything else analysis. */
export function chatQueryType(question: string): QueryType {
  return RECRUITING.test(question) ? 'recruiting' : 'analysis';
}
