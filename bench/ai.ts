// `pnpm bench:ai`: the AI router over real HTTP (AI SDK client → local OpenAI-compatible
// servers on loopback). Prints time to first token (TTFT) and total time per tier
// (cloud, local, cache), and the router's added latency over calling the provider
// directly. Target: router overhead ≤ 5 ms p95.
import { ai } from '../packages/core/src/index.ts';
import { fakeAiDeps, ScriptedProvider, says } from '../packages/core/src/testing/index.ts';
import { createOpenAiCompatibleProvider } from '../packages/ai-providers/src/index.ts';
import { startOpenAiServer } from '../packages/ai-providers/test/openai-server.ts';

const N = Number(process.env.BENCH_AI_N ?? 200);
const ANSWER = 'Wolf Pack leads the season with 87.5 points, ahead of Bull Run and Pip Hunters.';
const clock = { now: () => new Date() };
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const fmt = (x: number) => x.toFixed(3).padStart(8);

type Sample = { ttft: number; total: number };

async function measure(events: () => AsyncIterable<unknown>): Promise<Sample> {
  const t0 = performance.now();
  let ttft = NaN;
  for await (const _ of events()) if (Number.isNaN(ttft)) ttft = performance.now() - t0;
  return { ttft, total: performance.now() - t0 };
}

function report(label: string, out: Sample[]): void {
  const t = out.map((s) => s.ttft);
  const tot = out.map((s) => s.total);
  console.log(
    `${label.padEnd(34)} TTFT p50 ${fmt(pct(t, 50))} p95 ${fmt(pct(t, 95))}   total p50 ${fmt(pct(tot, 50))} p95 ${fmt(pct(tot, 95))} ms`,
  );
}

/** Direct and routed calls interleaved (same warm-up, same noise), reported side by side. */
async function pair(
  labels: [string, string],
  direct: ((i: number) => AsyncIterable<unknown>) | null,
  routed: (i: number) => AsyncIterable<unknown>,
): Promise<[Sample[], Sample[]]> {
  for (let i = 0; i < 50; i++) {
    if (direct) await measure(() => direct(-i - 1));
    await measure(() => routed(-i - 1));
  }
  const d: Sample[] = [];
  const r: Sample[] = [];
  for (let i = 0; i < N; i++) {
    if (direct) d.push(await measure(() => direct(i)));
    r.push(await measure(() => routed(i)));
  }
  if (direct) report(labels[0], d);
  report(labels[1], r);
  return [d, r];
}

const cloudServer = await startOpenAiServer(() => ({ kind: 'text', text: ANSWER }));
const localServer = await startOpenAiServer(() => ({ kind: 'text', text: ANSWER }));
const cloud = createOpenAiCompatibleProvider({
  id: 'openrouter',
  tier: 'cloud',
  baseURL: cloudServer.baseURL,
  model: 'm',
});
const local = createOpenAiCompatibleProvider({ id: 'ollama', tier: 'local', baseURL: localServer.baseURL, model: 'm' });
const q = (i: number): ai.AskQuestion => ({
  question: `Which clan leads? #${i}`,
  contextVersion: 'bench',
  caller: { userId: 'u1', clanIds: [] },
});

/** The same request the router sends, for the direct baseline. */
function directRequest(tier: 'cloud' | 'local', i: number): ai.AiRequest {
  const profile = ai.AI_MODELS.queries.stats;
  return {
    model: tier === 'cloud' ? profile.cloudModel : ai.AI_MODELS.localModel,
    system: ai.SYSTEM_PROMPTS[tier],
    messages: ai.buildMessages(`Which clan leads? #${i}`, []),
    tools: ai.toolsNamed(profile.tools).map(ai.toolSpec),
    maxOutputTokens: profile.maxOutputTokens,
    temperature: profile.temperature,
    firstTokenTimeoutMs: 3_000,
    totalTimeoutMs: 30_000,
  };
}

console.log(`bench:ai — ${N} questions per row, loopback HTTP, AI SDK client\n`);
const routed = fakeAiDeps([cloud, local], clock);
const [directCloud, viaCloud] = await pair(
  ['cloud provider, direct', 'router → cloud tier'],
  (i) => cloud.stream(directRequest('cloud', i), {}),
  (i) => ai.askAi(routed.deps, q(i)),
);

const forced = fakeAiDeps([cloud, local], clock);
forced.connectivity.forced = true;
await pair(
  ['local provider, direct', 'router → local tier (force local)'],
  (i) => local.stream(directRequest('local', i), {}),
  (i) => ai.askAi(forced.deps, q(i)),
);

const down = { state: 'open' as const, failures: 3, retryAtMs: Date.now() + 3_600_000, lastError: 'probe' as const };
await routed.health.set('openrouter', down);
await routed.health.set('ollama', down);
await pair(['', 'router → cache tier (both down)'], null, (i) => ai.askAi(routed.deps, q(i)));

// Router cost without network noise: an in-process provider, direct vs routed.
const instant = new ScriptedProvider('instant', 'cloud', () => says(ANSWER));
const inproc = fakeAiDeps([instant], clock);
const [directInst, viaInst] = await pair(
  ['in-process provider, direct', 'router → in-process provider'],
  (i) => instant.stream(directRequest('cloud', i)),
  (i) => ai.askAi(inproc.deps, q(i)),
);

await cloudServer.close();
await localServer.close();

const overhead = (routedS: Sample[], directS: Sample[]) =>
  pct(
    routedS.map((s) => s.total),
    95,
  ) -
  pct(
    directS.map((s) => s.total),
    95,
  );
const httpOverhead = overhead(viaCloud, directCloud);
const cpuOverhead = overhead(viaInst, directInst);
console.log(
  `\nrouter overhead p95 (HTTP cloud tier)   ${fmt(httpOverhead)} ms   target ≤ 5 ms   ${httpOverhead <= 5 ? 'PASS' : 'MISS'}`,
);
console.log(
  `router overhead p95 (in-process)        ${fmt(cpuOverhead)} ms   target ≤ 5 ms   ${cpuOverhead <= 5 ? 'PASS' : 'MISS'}`,
);
process.exit(httpOverhead <= 5 && cpuOverhead <= 5 ? 0 : 1);
