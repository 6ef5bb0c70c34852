/** English messages of the clan leaderboard; spread into the reference dictionary (en.ts). */
export const clanBoardEn = {
  'clanBoard.title': 'Clan leaderboard',
  'clanBoard.link': 'Clan leaderboard',
  'clanBoard.traders': 'Trader leaderboard',
  'clanBoard.how':
    'A clan’s score is the mean of its best {k} eligible members’ scores, pulled toward 50 by {c} imaginary average members, so a single star or a large roster alone does not win (docs/ranking.md).',
  'clanBoard.position': 'Rank',
  'clanBoard.clan': 'Clan',
  'clanBoard.score': 'Score',
  'clanBoard.members': 'Members (ranked)',
  'clanBoard.best': 'Best member',
  'clanBoard.empty': 'No clan has a ranked member this season yet.',
  'clanBoard.unavailable': 'The clan leaderboard is unavailable right now. Please try again in a minute.',
} as const satisfies Record<string, string>;
