/** English messages of the weekly highlights on the leaderboard; spread into the reference dictionary (en.ts). */
export const highlightsEn = {
  'highlights.title': 'This week’s highlights',
  'highlights.week': 'Since {date}',
  'highlights.empty': 'No highlights yet this week. They appear once ranked traders close trades and the board moves.',
  'highlights.nobody': 'Nobody qualifies yet.',
  'highlights.climber': 'Biggest climber',
  'highlights.climberValue': 'Up {places} places to #{position}',
  'highlights.climberHint': 'Most places gained on the board over the last 7 days.',
  'highlights.consistent': 'Most consistent',
  'highlights.consistentValue': '{profitable} profitable days of {days}',
  'highlights.consistentHint': 'Most profitable trading days this week (at least 3 trading days).',
  'highlights.trade': 'Highest single trade',
  'highlights.tradeValue': '{pct} on {symbol}',
  'highlights.tradeHint': 'Best verified closed trade of the week, on the season’s starting balance.',
} as const satisfies Record<string, string>;
