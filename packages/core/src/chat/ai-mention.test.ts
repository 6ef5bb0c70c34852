import { describe, expect, it } from 'vitest';
import type { AiProvider } from '../ai/ports';
import { fakeAiDeps, ScriptedProvider, says } from '../ai/testing';
import type { ClanPlan, ClanRole } from '../clans/model';
import type { ClanWithCount } from '../clans/ports';
import { MemoryClanSummaryStore } from '../clan-ai/testing/memory-summary-store';
import type { RoomRole } from '../shared/ports';
import {
  FakeTicketSigner,
  ManualClock,
  MemoryChatStore,
  MemoryRateLimiter,
  RecordingRoomSink,
  SequentialIds,
} from '../testing';
import {
  AI_AUTHOR_ID,
  AI_NOTICES,
  createClanAssistant,
  fitText,
  mentionsAi,
  questionOf,
  type AiMentionLimits,
} from './ai-mention';
import { createRoomHub } from './chat-hub';
import { countUtf8Bytes, MAX_TEXT_BYTES, type ChatMessage } from './model';
import type { AssistantReply, ClanAssistant } from './ports';

const CLAN = 'c-wolf';

/** A ClanAssistant whose answers the test releases by hand; records what it was asked. */
class GatedAssistant implements ClanAssistant {
  readonly asked: { clanId: string; askerId: string; text: string }[] = [];
  private readonly gates: ((reply: AssistantReply | null | Error) => void)[] = [];
  answer(input: { clanId: string; askerId: string; text: string }): Promise<AssistantReply | null> {
    this.asked.push(input);
    return new Promise((resolve, reject) => {
      this.gates.push((r) => (r instanceof Error ? reject(r) : resolve(r)));
    });
  }
  release(reply: AssistantReply | null | Error): void {
    const gate = this.gates.shift();
    if (!gate) throw new Error('nothing asked');
    gate(reply);
  }
}

function setUp(assistant: ClanAssistant, party = 'clan') {
  const clock = new ManualClock();
  const tickets = new FakeTicketSigner(clock);
  const sink = new RecordingRoomSink();
  const store = new MemoryChatStore();
  const errors: unknown[] = [];
  const hub = createRoomHub({
    party,
    tickets,
    clock,
    ids: new SequentialIds(),
    sink,
    store,
    assistant,
    onError: (e) => errors.push(e),
  });
  const connect = async (connectionId: string, userId: string, role: RoomRole = 'member') => {
    const { ticket } = await tickets.issue({ userId, room: CLAN, party, role });
    await hub.open({ connectionId, admission: await hub.admit({ room: CLAN, ticket }) });
  };
  const say = (connectionId: string, clientId: string, text: string) =>
    hub.receive({ connectionId, data: JSON.stringify({ type: 'send', clientId, text }) });
  const messages = (connectionId: string) => sink.ofType(connectionId, 'message').map((f) => f.message);
  return { clock, sink, store, hub, connect, say, messages, errors };
}

/** The clan AI's deps over a scripted model: c-wolf (pro or free) with alice and bob. */
function assistantDeps(providers: AiProvider[], opts: { plan?: ClanPlan; limits?: Partial<AiMentionLimits> } = {}) {
  const fake = fakeAiDeps(providers, new ManualClock());
  const clan: ClanWithCount = {
    id: CLAN,
    name: 'Wolf Pack',
    slug: 'wolf',
    description: 'Gold traders',
    avatarUrl: null,
    tradingFocus: 'gold',
    privacy: 'open',
    plan: opts.plan ?? 'pro',
    telegramUrl: null,
    createdBy: 'u-alice',
    createdAt: new Date('2025-12-01T00:00:00Z'),
    disbandedAt: null,
    memberCount: 2,
  };
  const roles = new Map<string, ClanRole>([
    ['u-alice', 'leader'],
    ['u-bob', 'member'],
  ]);
  const clans = {
    findClan: async (id: string) => (id === CLAN ? clan : null),
    roleOf: async (clanId: string, userId: string) => (clanId === CLAN ? (roles.get(userId) ?? null) : null),
    planOf: async (clanId: string) => (clanId === CLAN ? clan.plan : null),
  };
  const limiter = new MemoryRateLimiter(fake.deps.clock);
  const assistant = createClanAssistant({
    ai: fake.deps,
    clans,
    summaries: new MemoryClanSummaryStore([]),
    limiter,
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
  return { ...fake, clan, roles, assistant };
}

const cloud = (text: string) => new ScriptedProvider('openrouter', 'cloud', () => says(text));
const ask = (assistant: ClanAssistant, text: string, askerId = 'u-alice') =>
  assistant.answer({ clanId: CLAN, askerId, text });

describe('mentionsAi', () => {
  it('finds @ai as a word, in any case, and nothing else', () => {
    for (const text of [
      '@ai who leads?',
      'hey @AI, how are we doing',
      'what do you think @Ai',
      '(@ai) ranks?',
      '@ai\nwho leads?',
      'سلام @AI رتبه ما چند است؟',
      'سلام@ai',
      '@aiچطوریم',
    ])
      expect(mentionsAi(text), text).toBe(true);
    for (const text of ['hello', 'mail me@ai.org', '@aiden is here', '@ai_bot', '@ai2', 'ai who leads', '@ a i'])
      expect(mentionsAi(text), text).toBe(false);
  });

  it('asks the text without its mention; a bare mention asks for an overview', () => {
    expect(questionOf('@ai who leads?')).toBe('who leads?');
    expect(questionOf('who leads, @AI?')).toBe('who leads, ?');
    expect(questionOf('  @ai  ')).toBe('How is our clan doing lately?');
  });

  it('cuts long answers to the message limit at a character boundary', () => {
    const long = 'سود '.repeat(2000);
    const cut = fitText(long);
    expect(countUtf8Bytes(cut)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(cut.endsWith('…')).toBe(true);
    expect(fitText('short')).toBe('short');
  });
});

describe('room hub: @ai', () => {
  it("acks the asker's message first, keeps the room flowing, then posts the answer to everyone", async () => {
    const assistant = new GatedAssistant();
    const { sink, hub, connect, say, messages, store } = setUp(assistant);
    await connect('c1', 'u-alice', 'leader');
    await connect('c2', 'u-bob');
    await say('c1', 'q-1', '@ai who leads?');
    const ack = sink.ofType('c1', 'ack')[0]?.message;
    expect(ack).toMatchObject({ seq: 1, authorId: 'u-alice', text: '@ai who leads?' });
    expect(ack?.ai).toBeUndefined();
    expect(messages('c2').map((m) => m.seq)).toEqual([1]);
    expect(assistant.asked).toEqual([{ clanId: CLAN, askerId: 'u-alice', text: '@ai who leads?' }]);

    // While the model thinks, the room is not blocked.
    await say('c2', 'b-1', 'meanwhile');
    expect(sink.ofType('c2', 'ack')[0]?.message.seq).toBe(2);

    assistant.release({ text: 'Alice leads, with +12.5 % this season.', ai: { tier: 'cloud' } });
    await hub.idle();
    const answer = messages('c1').at(-1);
    expect(answer).toMatchObject({
      seq: 3,
      authorId: AI_AUTHOR_ID,
      text: 'Alice leads, with +12.5 % this season.',
      ai: { tier: 'cloud' },
    });
    expect(messages('c2').at(-1)).toEqual(answer);
    // Stored like any message: history and sync see it.
    expect((await store.listAfter({ party: 'clan', room: CLAN, afterSeq: 2, limit: 10 }))[0]).toEqual(answer);
  });

  it('says nothing and asks nothing for messages without a mention, in subs rooms, or for null replies', async () => {
    const assistant = new GatedAssistant();
    const { hub, connect, say, messages } = setUp(assistant);
    await connect('c1', 'u-alice');
    await connect('c2', 'u-bob');
    await say('c1', 'a', 'no mention here, mail me@ai.org');
    await hub.idle();
    expect(assistant.asked).toEqual([]);

    await say('c1', 'b', '@ai hello');
    assistant.release(null);
    await hub.idle();
    expect(messages('c2').map((m) => m.text)).toEqual(['no mention here, mail me@ai.org', '@ai hello']);

    const subs = setUp(assistant, 'subs');
    await subs.connect('s1', 'u-alice', 'subscriber');
    await subs.say('s1', 'c', '@ai who leads?');
    await subs.hub.idle();
    expect(assistant.asked).toHaveLength(1);
  });

  it('answers one question once: a re-sent message gets its ack again, not a second answer', async () => {
    const assistant = new GatedAssistant();
    const { sink, hub, connect, say, messages } = setUp(assistant);
    await connect('c1', 'u-alice');
    await say('c1', 'q-1', '@ai ranks?');
    await say('c1', 'q-1', '@ai ranks?');
    expect(sink.ofType('c1', 'ack').map((f) => f.message.seq)).toEqual([1, 1]);
    expect(assistant.asked).toHaveLength(1);
    assistant.release({ text: 'Second.', ai: { tier: 'local' } });
    await hub.idle();
    expect(messages('c1').map((m) => [m.text, m.ai])).toEqual([['Second.', { tier: 'local' }]]);
  });

  it('posts the unavailable notice when the assistant fails, and reports the error', async () => {
    const assistant = new GatedAssistant();
    const { hub, connect, say, messages, errors } = setUp(assistant);
    await connect('c1', 'u-alice');
    await say('c1', 'q-1', '@ai ranks?');
    assistant.release(new Error('service binding down'));
    await hub.idle();
    expect(messages('c1')).toMatchObject([
      { authorId: AI_AUTHOR_ID, text: AI_NOTICES.unavailable, ai: { tier: null, notice: 'unavailable' } },
    ]);
    expect(errors).toHaveLength(1);
  });

  it("lets a moderator delete the assistant's message but nobody edit it", async () => {
    const assistant = new GatedAssistant();
    const { sink, hub, connect, say, messages } = setUp(assistant);
    await connect('c1', 'u-alice', 'leader');
    await say('c1', 'q-1', '@ai ranks?');
    assistant.release({ text: 'Second.', ai: { tier: 'cloud' } });
    await hub.idle();
    const id = (messages('c1')[0] as ChatMessage).id;
    await hub.receive({ connectionId: 'c1', data: JSON.stringify({ type: 'edit', messageId: id, text: 'First!' }) });
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'message.forbidden' });
    await hub.receive({ connectionId: 'c1', data: JSON.stringify({ type: 'delete', messageId: id }) });
    expect(sink.last('c1')).toMatchObject({ type: 'updated', message: { id, text: '' } });
  });
});

describe('createClanAssistant', () => {
  it('answers a pro clan with the model, showing the tier', async () => {
    const model = cloud('Alice leads the clan.');
    const { assistant } = assistantDeps([model]);
    expect(await ask(assistant, '@ai who leads?')).toEqual({ text: 'Alice leads the clan.', ai: { tier: 'cloud' } });
    // The mention is not part of the question; the question is quoted user text in the prompt.
    const first = model.requests[0]?.messages[0];
    expect(first?.role === 'user' && first.content).toContain('who leads?');
    expect(first?.role === 'user' && first.content).not.toContain('@ai');
  });

  it('tells a free clan @ai is for pro clans, once per user per hour, without asking a model', async () => {
    const model = cloud('never');
    const { assistant, clock } = assistantDeps([model], { plan: 'free' });
    const upsell = { text: AI_NOTICES.pro_only, ai: { tier: null, notice: 'pro_only' } };
    expect(await ask(assistant, '@ai who leads?')).toEqual(upsell);
    expect(await ask(assistant, '@ai and now?')).toBeNull();
    expect(await ask(assistant, '@ai me too', 'u-bob')).toEqual(upsell);
    clock.advance(3_600_000);
    expect(await ask(assistant, '@ai again?')).toEqual(upsell);
    expect(model.requests).toHaveLength(0);
  });

  it('answers at most the daily limit per clan, then says so once per user per hour', async () => {
    const model = new ScriptedProvider('openrouter', 'cloud', (_req, turn) => says(`answer ${turn}`));
    const { assistant, clock } = assistantDeps([model], { limits: { answersPerClanPerDay: 2 } });
    expect((await ask(assistant, '@ai one'))?.ai).toEqual({ tier: 'cloud' });
    expect((await ask(assistant, '@ai two', 'u-bob'))?.ai).toEqual({ tier: 'cloud' });
    const limit = { text: AI_NOTICES.limit, ai: { tier: null, notice: 'limit' } };
    expect(await ask(assistant, '@ai three')).toEqual(limit);
    expect(await ask(assistant, '@ai four')).toBeNull();
    expect(model.requests).toHaveLength(2);
    clock.advance(86_400_000);
    expect((await ask(assistant, '@ai next day'))?.ai).toEqual({ tier: 'cloud' });
  });

  it('answers "unavailable" when no tier can answer', async () => {
    const down = new ScriptedProvider('openrouter', 'cloud', () => ({ fail: 'unavailable' }));
    const { assistant } = assistantDeps([down]);
    expect(await ask(assistant, '@ai who leads?')).toEqual({
      text: AI_NOTICES.unavailable,
      ai: { tier: null, notice: 'unavailable' },
    });
  });

  it('says nothing to someone who is not a member (left the clan), and spends none of the limit', async () => {
    const model = cloud('never');
    const { assistant } = assistantDeps([model], { limits: { answersPerClanPerDay: 1 } });
    expect(await ask(assistant, '@ai who leads?', 'u-carol')).toBeNull();
    expect(await assistant.answer({ clanId: 'c-gone', askerId: 'u-alice', text: '@ai hi' })).toBeNull();
    expect(model.requests).toHaveLength(0);
  });

  it('rethrows what it does not understand (the hub posts the unavailable notice)', async () => {
    const { deps } = fakeAiDeps([cloud('never')], new ManualClock());
    const dbDown = async (): Promise<never> => {
      throw new Error('database unavailable');
    };
    const assistant = createClanAssistant({
      ai: deps,
      clans: { findClan: dbDown, roleOf: dbDown, planOf: dbDown },
      summaries: new MemoryClanSummaryStore([]),
      limiter: new MemoryRateLimiter(deps.clock),
    });
    await expect(ask(assistant, '@ai who leads?')).rejects.toThrow('database unavailable');
  });

  it('posts the answer in the room: every member receives it after the asker’s ack', async () => {
    const { assistant } = assistantDeps([cloud('Alice leads, then Bob.')]);
    const { sink, hub, connect, say, messages } = setUp(assistant);
    await connect('c1', 'u-alice', 'leader');
    await connect('c2', 'u-bob');
    await say('c2', 'q-1', '@AI who leads?');
    await hub.idle();
    const frames = sink.of('c2').filter((f) => f.type === 'ack' || f.type === 'message');
    expect(frames.map((f) => f.type)).toEqual(['ack', 'message']);
    for (const c of ['c1', 'c2'])
      expect(messages(c).at(-1)).toMatchObject({
        seq: 2,
        authorId: AI_AUTHOR_ID,
        text: 'Alice leads, then Bob.',
        ai: { tier: 'cloud' },
      });
  });
});
