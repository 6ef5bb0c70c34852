import type { ColumnId, ColumnMap } from './column-labels';
import { cellAt, type GridRow } from './grid';
import { parseDecimal, parseServerTime } from './parse-values';

/** Typed access to one data row through a header's column map. */
export type RowReader = {
  text(id: ColumnId): string;
  has(id: ColumnId): boolean;
  time(id: ColumnId): string | null;
  decimal(id: ColumnId): string | null;
  /** A price; MetaTrader prints 0 for "not set" stop levels. */
  level(id: ColumnId): string | null;
};

/** Builds a RowReader for `row` under the header described by `columns`. */
export function readRow(row: GridRow, columns: ColumnMap): RowReader {
  const text = (id: ColumnId): string => {
    const col = columns.get(id);
    if (col === undefined) return '';
    const cell = cellAt(row, col);
    return cell && cell.col === col ? cell.text : '';
  };
  return {
    text,
    has: (id) => columns.has(id),
    time: (id) => parseServerTime(text(id)),
    decimal: (id) => parseDecimal(text(id)),
    level: (id) => {
      const d = parseDecimal(text(id));
      return d === null || /^0+(\.0+)?$/.test(d) ? null : d;
    },
  };
}

/** "buy" / "sell" (case-insensitive), else null. */
export function readSide(type: string): 'buy' | 'sell' | null {
  const t = type.trim().toLowerCase();
  return t === 'buy' || t === 'sell' ? t : null;
}
