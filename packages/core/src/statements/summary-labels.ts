import type { StatedKey } from './stated-figures';

/**
 * How a summary cell is read: a plain amount, a count, or one of MetaTrader's composite
 * forms ("132.55 (12.07%)", "12.07% (132.55)", "13 (69.23%)", "4 (177.54)").
 */
export type SummarySlot =
  | { kind: 'dec'; key: StatedKey }
  | { kind: 'negDec'; key: StatedKey }
  | { kind: 'int'; key: StatedKey }
  | { kind: 'moneyPct'; key: StatedKey; pctKey: StatedKey }
  | { kind: 'pctMoney'; key: StatedKey; pctKey: StatedKey }
  | { kind: 'countPct'; key: StatedKey; pctKey: StatedKey }
  | { kind: 'countMoney'; key: StatedKey };

/**
 * Localized labels per figure, as printed by MT4/MT5 (English, Spanish, Russian, Turkish,
 * Japanese, including broker-customised Japanese MT4 templates). Prefix rows are joined
 * ("Largest" + "profit trade"). Matching ignores case, whitespace and a trailing colon.
 */
const LABELS: [SummarySlot, string[]][] = [
  [
    { kind: 'dec', key: 'initialDeposit' },
    ['Initial deposit', 'Depósito inicial', 'Начальный депозит', 'Başlangıç depozitosu', '初期証拠金'],
  ],
  [{ kind: 'dec', key: 'depositWithdrawal' }, ['Deposit/Withdrawal', '入出金']],
  [{ kind: 'dec', key: 'closedPL' }, ['Closed Trade P/L', 'Closed P/L', '期間中損益総計', '損益計']],
  [{ kind: 'dec', key: 'floatingPL' }, ['Floating P/L', '評価損益', '評価損益計', '含み損益']],
  [{ kind: 'dec', key: 'balance' }, ['Balance', '資産合計（残高）', '残高']],
  [{ kind: 'dec', key: 'equity' }, ['Equity', '純資産（有効証拠金）', '有効証拠金']],
  [{ kind: 'dec', key: 'freeMargin' }, ['Free Margin', '出金可能額（余剰証拠金）', '余剰証拠金']],
  [{ kind: 'dec', key: 'margin' }, ['Margin', '利用証拠金', '必要証拠金']],
  [{ kind: 'dec', key: 'creditFacility' }, ['Credit Facility', 'クレジットファシリティー']],
  [
    { kind: 'dec', key: 'totalNetProfit' },
    ['Total Net Profit', 'Beneficio neto total', 'Чистая прибыль', 'Toplam net kar', '総順損益', '総損益'],
  ],
  [{ kind: 'dec', key: 'grossProfit' }, ['Gross Profit', 'Beneficio bruto', 'Общая прибыль', 'Toplam kar', '総利益']],
  [{ kind: 'negDec', key: 'grossLoss' }, ['Gross Loss', 'Pérdida bruta', 'Общий убыток', 'Toplam zarar', '総損失']],
  [
    { kind: 'dec', key: 'profitFactor' },
    [
      'Profit Factor',
      'Factor de beneficio',
      'Прибыльность',
      'Kar faktörü',
      'プロフィットファクター（総利益/総損失）',
      'プロフィットファクター',
    ],
  ],
  [
    { kind: 'dec', key: 'expectedPayoff' },
    [
      'Expected Payoff',
      'Beneficio esperado',
      'Матожидание выигрыша',
      'Beklenen gelir',
      '期待損益（総純損益/総トレード数）',
      '期待利得',
    ],
  ],
  [{ kind: 'dec', key: 'recoveryFactor' }, ['Recovery Factor', 'リカバリファクター']],
  [{ kind: 'dec', key: 'sharpeRatio' }, ['Sharpe Ratio', 'シャープレシオ']],
  [
    { kind: 'dec', key: 'absoluteDrawdown' },
    [
      'Absolute Drawdown',
      'Balance Drawdown Absolute',
      'Drawdown absoluto',
      'Абсолютная просадка',
      'Mutlak drawdown',
      '初期投資額からのドローダウン',
      '残高絶対ドローダウン',
    ],
  ],
  [
    { kind: 'moneyPct', key: 'maxDrawdown', pctKey: 'maxDrawdownPct' },
    [
      'Maximal Drawdown',
      'Balance Drawdown Maximal',
      'Drawdown máximo',
      'Максимальная просадка',
      'En fazla düşüş',
      '最大ドローダウン（金額）',
      '残高最大ドローダウン',
    ],
  ],
  [
    { kind: 'pctMoney', key: 'relativeDrawdown', pctKey: 'relativeDrawdownPct' },
    [
      'Relative Drawdown',
      'Balance Drawdown Relative',
      'Drawdown relativo',
      'Относительная просадка',
      'Göreli düşüş',
      '最大ドローダウン（比率）',
      '残高相対ドローダウン',
    ],
  ],
  [
    { kind: 'int', key: 'totalTrades' },
    ['Total Trades', 'Total de transacciones', 'Всего сделок', 'Toplam işlem', '総トレード数', '取引数'],
  ],
  [
    { kind: 'countPct', key: 'shortTrades', pctKey: 'shortWonPct' },
    [
      'Short Positions (won %)',
      'Short Trades (won %)',
      'Posiciones cortas (% ganadoras)',
      'Короткие позиции (% выигравших)',
      "Satış pozisyonları (kazanç %'si)",
      'S売りトレード数（勝率）',
      'ショート (勝率 %)',
    ],
  ],
  [
    { kind: 'countPct', key: 'longTrades', pctKey: 'longWonPct' },
    [
      'Long Positions (won %)',
      'Long Trades (won %)',
      'Posiciones largas (% ganadoras)',
      'Длинные позиции (% выигравших)',
      "Alış pozisyonları (kazanç %'si)",
      '買いトレード数（勝率）',
      'ロング (勝率 %)',
    ],
  ],
  [
    { kind: 'countPct', key: 'profitTrades', pctKey: 'profitTradesPct' },
    [
      'Profit Trades (% of total)',
      'Transacciones rentables (% del total)',
      'Прибыльные сделки (% от всех)',
      'Karlı alım-satım(% olarak)',
      '勝ちトレード数（率）',
      '勝ちトレード (勝率 %)',
    ],
  ],
  [
    { kind: 'countPct', key: 'lossTrades', pctKey: 'lossTradesPct' },
    [
      'Loss Trades (% of total)',
      'Transacciones no rentables (% del total)',
      'Убыточные сделки (% от всех)',
      'Zararlı işlemler(% olarak)',
      '負けトレード数（率）',
      '負けトレード (負率 %)',
    ],
  ],
  [
    { kind: 'dec', key: 'largestProfitTrade' },
    [
      'Largest profit trade',
      'Mayor transacción rentable',
      'Самая большая прибыльная сделка',
      'En büyük Kar Alım Satımı',
      '最大 利益トレード',
      '最大 勝ちトレード',
    ],
  ],
  [
    { kind: 'dec', key: 'largestLossTrade' },
    [
      'Largest loss trade',
      'Mayor transacción no rentable',
      'Самая большая убыточная сделка',
      'En büyük Kayıp işlem',
      '最大 損失トレード',
      '最大 負けトレード',
    ],
  ],
  [
    { kind: 'dec', key: 'averageProfitTrade' },
    [
      'Average profit trade',
      'Media transacción rentable',
      'Средняя прибыльная сделка',
      'Ortalama Kar Alım Satımı',
      '平均 利益トレード',
      '平均 勝ちトレード',
    ],
  ],
  [
    { kind: 'dec', key: 'averageLossTrade' },
    [
      'Average loss trade',
      'Media transacción no rentable',
      'Средняя убыточная сделка',
      'Ortalama Kayıp işlem',
      '平均 損失トレード',
      '平均 負けトレード',
    ],
  ],
  [
    { kind: 'countMoney', key: 'maxConsecutiveWins' },
    [
      'Maximum consecutive wins ($)',
      'Maximum consecutive wins (profit in money)',
      'Número máximo ganancias consecutivas (beneficio en dinero)',
      'Максимальное количество непрерывных выигрышей (прибыль)',
      'Maksimum ardışık kazançlar (para cinsinden kar)',
      '最大 連続利益トレード数 (円)',
      '最大 連勝数 (金額)',
    ],
  ],
  [
    { kind: 'countMoney', key: 'maxConsecutiveLosses' },
    [
      'Maximum consecutive losses ($)',
      'Maximum consecutive losses (loss in money)',
      'Número máximo pérdidas consecutivas (pérdidas en dinero)',
      'Максимальное количество непрерывных проигрышей (убыток)',
      'Maksimum ardışık kayıplar (para cinsinden kayıp)',
      '最大 連続損失トレード数 (円)',
      '最大 連敗数 (金額)',
    ],
  ],
];

/** Case-, space- and colon-insensitive form used for every label comparison. */
export function normalizeLabel(label: string): string {
  const lower = label.toLowerCase();
  // Most texts (data cells tested as possible labels) hold no space and no trailing colon:
  // a scan is cheaper than two regex replacements that would return them unchanged.
  let plain = true;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c <= 0x20 || c === 0x3a || c === 0xff1a || (c >= 0x7f && c <= 0xa0) || c >= 0x1680) {
      plain = false;
      break;
    }
  }
  return plain ? lower : lower.replace(/[\s\u00a0\u3000]+/g, '').replace(/[:：]+$/, '');
}

const BY_LABEL = new Map<string, SummarySlot>();
for (const [slot, labels] of LABELS) for (const l of labels) BY_LABEL.set(normalizeLabel(l), slot);

/** The figure a printed label stands for, or undefined for labels we do not record. */
export function findSummarySlot(label: string): SummarySlot | undefined {
  return BY_LABEL.get(normalizeLabel(label));
}
