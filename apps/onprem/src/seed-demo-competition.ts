import { clans as clanUseCases, leaderboard, seasons, type AccountDeps } from '@clantrader/core';

/** Demo clans: leader and members by handle (a free clan holds at most three). */
export const DEMO_CLANS = [
  {
    leader: 'sara_fx',
    members: ['omid_swing', 'reza_new'],
    clan: { name: 'Persian Gulf Pips', description: 'Majors and gold, shared ideas.', tradingFocus: 'forex' },
  },
  {
    leader: 'lena_algo',
    members: ['nima_scalp'],
    clan: { name: 'Index Lab', description: 'Systematic and fast.', tradingFocus: 'indices' },
  },
] as const;

export type DemoCompetitionDeps = {
  accounts: Pick<AccountDeps, 'store'>;
  clans: Pick<clanUseCases.ClanDeps, 'store' | 'clock' | 'ids'>;
  /** The statement queue; the seed waits for it so the jobs below see verified trades. */
  jobs: { drain(): Promise<void> };
  season: leaderboard.SeasonJobDeps;
};

/**
 * Gives the freshly seeded demo traders a competition: the demo clans, then last season
 * played out through the real job path. The season jobs first run on a clock inside the
 * previous season (which opens it and computes its board), then on the server's clock,
 * which finds that season ended, freezes and archives it (standings, tiers, awards on the
 * profiles) and computes the running board. Runs only when `created` holds a clan leader,
 * i.e. on the first boot of a demo install.
 */
export async function seedDemoCompetition(
  deps: DemoCompetitionDeps,
  created: readonly string[],
  emails: Readonly<Record<string, string>>,
): Promise<{ clans: number; archived: string[] }> {
  if (!DEMO_CLANS.some((c) => created.includes(c.leader))) return { clans: 0, archived: [] };
  await deps.jobs.drain();
  let clans = 0;
  const userId = async (handle: string) => {
    const user = await deps.accounts.store.findUserByEmail(emails[handle] ?? '');
    if (!user) throw new Error(`seeding clans: no demo trader ${handle}`);
    return user.id;
  };
  for (const demo of DEMO_CLANS) {
    if (!created.includes(demo.leader)) continue;
    const input = clanUseCases.CreateClanSchema.parse({ ...demo.clan, privacy: 'open' });
    const clan = await clanUseCases.createClan(deps.clans, { userId: await userId(demo.leader), input });
    for (const member of demo.members)
      await clanUseCases.joinClan(deps.clans, { userId: await userId(member), clanId: clan.id });
    clans += 1;
  }
  const now = deps.season.clock.now();
  const previous = seasons.previousSeason(seasons.seasonFor(now));
  const lastHourOfPrevious = new Date(previous.endsAt.getTime() - 60 * 60 * 1000);
  const { notifications: _quiet, ...replay } = deps.season;
  await leaderboard.runSeasonJobs({ ...replay, clock: { now: () => lastHourOfPrevious } });
  const { archived } = await leaderboard.runSeasonJobs(deps.season);
  return { clans, archived };
}
