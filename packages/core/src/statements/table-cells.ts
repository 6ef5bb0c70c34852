import type { ColumnId, ColumnMap } from './column-labels';
import { textAt, type GridRow } from './grid';
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
  return new GridRowReader(row, columns);
}

/** A class rather than closures: one object per row, methods shared on the prototype. */
class GridRowReader implements RowReader {
  constructor(
    private readonly row: GridRow,
    private readonly columns: ColumnMap,
  ) {}

  text(id: ColumnId): string {
    const col = this.columns.get(id);
    if (col === undefined) return '';
    return textAt(this.row, col);
  }

  has(id: ColumnId): boolean {
    return this.columns.has(id);
  }

  time(id: ColumnId): string | null {
    return parseServerTime(this.text(id));
  }

  decimal(id: ColumnId): string | null {
    return parseDecimal(this.text(id));
  }

  level(id: ColumnId): string | null {
    const d = parseDecimal(this.text(id));
    return d === null || /^0+(\.0+)?$/.test(d) ? null : d;
  }
}

/** "buy" / "sell" (case-insensitive), else null. */
export function readSide(type: string): 'buy' | 'sell' | null {
  const t = type.trim().toLowerCase();
  return t === 'buy' || t === 'sell' ? t : null;
}
