/** English messages of the clan assistant page; spread into the reference dictionary (en.ts). */
export const clanAiEn = {
  'clanAi.title': 'Clan assistant · {name}',
  'clanAi.link': 'Clan assistant',
  'clanAi.intro':
    'Ask about recruits and rivals. Answers come from verified results through the assistant’s tools, never from guesses.',
  'clanAi.mode': 'What do you need?',
  'clanAi.mode.recruit': 'Find a recruit',
  'clanAi.mode.rival': 'Analyse a rival',
  'clanAi.rival': 'Rival clan (optional, its name or tag)',
  'clanAi.question': 'Your question',
  'clanAi.placeholder.recruit': 'Find us a free agent who trades gold with low drawdown',
  'clanAi.placeholder.rival': 'Clan X just passed us, what changed?',
  'clanAi.ask': 'Ask',
  'clanAi.asking': 'Thinking…',
  'clanAi.membersOnly': 'The clan assistant is for members of this clan.',
  'clanAi.failed': 'The assistant could not answer: {detail}',
  'clanAi.quotaExceeded':
    'Your clan has used all its assistant questions for today (5 a day for free clans, 50 for Pro clans). You can ask again from {time}.',
  'clanAi.remaining': 'Your clan has {n} assistant questions left today.',
  'clanAi.summaries': 'Weekly summaries',
  'clanAi.summariesEmpty': 'No weekly summary yet. The first one is written after the clan’s first full week.',
  'clanAi.week': 'Week {week}',
} as const satisfies Record<string, string>;
