import { breakerAllows } from './breaker';
import { chainOrder, type AiDeps } from './deps';
import type { AiTier } from './model';
import { TIER_DISPLAY } from './models';
import type { ProbeResult } from './ports';

/** What the UI badge and the admin page show. */
export type AiStatus = {
  /** The tier the next question will most likely be answered from. */
  mode: AiTier;
  colour: string;
  label: string;
  forceLocal: boolean;
  providers: { id: string; tier: 'cloud' | 'local'; available: boolean }[];
  lastProbe: ProbeResult[];
};

/** Current AI mode from the force-local switch and the breakers (no provider is called). */
export async function getAiStatus(
  deps: Pick<AiDeps, 'providers' | 'health' | 'connectivity' | 'clock'>,
): Promise<AiStatus> {
  const nowMs = deps.clock.now().getTime();
  const [forceLocal, lastProbe] = await Promise.all([deps.connectivity.forceLocal(), deps.connectivity.lastProbe()]);
  const providers = await Promise.all(
    chainOrder(deps.providers).map(async (p) => ({
      id: p.id,
      tier: p.tier,
      available: !(forceLocal && p.tier === 'cloud') && breakerAllows(await deps.health.get(p.id), nowMs),
    })),
  );
  const mode: AiTier = providers.find((p) => p.available)?.tier ?? 'cache';
  return { mode, ...TIER_DISPLAY[mode], forceLocal, providers, lastProbe };
}
