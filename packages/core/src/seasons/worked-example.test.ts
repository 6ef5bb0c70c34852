import { describe, it } from 'vitest';
import { computeSeasonStandings } from './compute-season-standings';
import { expectWorkedExample } from './expect-worked-example';
import { seasonById } from './season-calendar';
import { WORKED_CLANS, WORKED_ENTRANTS } from './worked-example.fixture';

describe('computeSeasonStandings on the worked example of docs/ranking.md', () => {
  it('reproduces every hand-computed percentile, score, tier, clan score and award', () => {
    expectWorkedExample(
      computeSeasonStandings(seasonById('2026-11'), { entrants: WORKED_ENTRANTS, clans: WORKED_CLANS }),
    );
  });

  it('gives the same standings whatever order the store returns entrants in', () => {
    expectWorkedExample(
      computeSeasonStandings(seasonById('2026-11'), { entrants: [...WORKED_ENTRANTS].reverse(), clans: WORKED_CLANS }),
    );
  });
});
