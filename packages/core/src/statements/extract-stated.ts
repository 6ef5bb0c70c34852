import { filledCells, type GridRow } from './grid';
import { parseCount, parseDecimal, parsePercent, splitComposite } from './parse-values';
import type { StatedFigures, StatedKey } from './stated-figures';
import { findSummarySlot, type SummarySlot } from './summary-labels';

const VALUE_LIKE = /^[-+]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*%?\s*(\([-+\d\s\u00a0.,%]*\))?$/;

function isValueLike(text: string): boolean {
  return text.length < 60 && VALUE_LIKE.test(text);
}

type Mutable = Record<string, string | number | null>;

function assign(out: Mutable, slot: SummarySlot, raw: string | null): void {
  if (raw === null) {
    out[slot.key] = null;
    return;
  }
  const [first, second] = splitComposite(raw);
  switch (slot.kind) {
    case 'dec':
      out[slot.key] = parseDecimal(first);
      return;
    case 'negDec': {
      const d = parseDecimal(first);
      out[slot.key] = d === null ? null : d.startsWith('-') || /^0+(\.0+)?$/.test(d) ? d : `-${d}`;
      return;
    }
    case 'int':
      out[slot.key] = parseCount(first);
      return;
    case 'countMoney':
      out[slot.key] = parseCount(first);
      return;
    case 'moneyPct':
      out[slot.key] = parseDecimal(first);
      out[slot.pctKey] = second === undefined ? null : parsePercent(second);
      return;
    case 'pctMoney':
      out[slot.pctKey] = parsePercent(first);
      out[slot.key] = second === undefined ? null : parseDecimal(second);
      return;
    case 'countPct':
      out[slot.key] = parseCount(first);
      out[slot.pctKey] = second === undefined ? null : parsePercent(second);
  }
}

/**
 * Reads "label  value" pairs from summary rows. A label followed by another label (or
 * nothing) has an empty value when it ends with a colon (MT4 prints an empty Profit Factor
 * cell when there are no losses), otherwise it is a prefix for the labels after it
 * ("Largest" + "profit trade"). The first occurrence of a figure wins.
 */
export function extractStated(rows: GridRow[]): Partial<Record<StatedKey, string | number | null>> {
  const out: Mutable = {};
  for (const row of rows) {
    const cells = filledCells(row);
    let prefix = '';
    for (let i = 0; i < cells.length; i++) {
      const label = cells[i]?.text ?? '';
      if (isValueLike(label)) continue;
      const next = cells[i + 1];
      const hasValue = next !== undefined && isValueLike(next.text);
      if (!hasValue && !/[:：]$/.test(label)) {
        prefix = label;
        continue;
      }
      const slot = findSummarySlot(prefix ? `${prefix} ${label}` : label) ?? findSummarySlot(label);
      if (slot && !(slot.key in out)) assign(out, slot, hasValue ? (next?.text ?? null) : null);
      if (hasValue) i++;
    }
  }
  return out as StatedFigures;
}
