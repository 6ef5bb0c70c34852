import { afterFailedProbe, breakerChanged, CLOSED } from './breaker';
import { chainOrder, policyOf, type AiDeps } from './deps';
import type { ProbeResult } from './ports';

/**
 * The 60 s health job: one cheap HTTP call per provider (in parallel), which opens the
 * breaker of every provider that failed — so during a blackout questions skip the cloud
 * without waiting for its timeout — and closes it for every one that answered. Cloud is
 * probed even when "force local" is on, so the admin sees when it is back.
 */
export async function probeHealth(
  deps: Pick<AiDeps, 'providers' | 'health' | 'connectivity' | 'clock' | 'policy'>,
): Promise<ProbeResult[]> {
  const policy = policyOf(deps);
  const results = await Promise.all(
    chainOrder(deps.providers).map(async (provider): Promise<ProbeResult> => {
      const started = deps.clock.now().getTime();
      const r = await provider
        .health({ timeoutMs: policy.probeTimeoutMs })
        .catch((e: unknown) => ({ ok: false, status: null, error: e instanceof Error ? e.message : 'probe failed' }));
      const checkedAtMs = deps.clock.now().getTime();
      const prev = await deps.health.get(provider.id).catch(() => null);
      const next = r.ok ? CLOSED : afterFailedProbe(prev, checkedAtMs, policy);
      if (breakerChanged(prev, next)) await deps.health.set(provider.id, next);
      return { providerId: provider.id, tier: provider.tier, ...r, latencyMs: checkedAtMs - started, checkedAtMs };
    }),
  );
  await deps.connectivity.saveProbe(results);
  return results;
}
