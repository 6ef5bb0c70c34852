import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { arrayLiteral } from './array-literal';
import { rowsOf } from './season-sql';

describe.each(testDatabases())('array literals on $name', ({ open }) => {
  let handle: DbHandle;
  beforeEach(async () => {
    handle = await open();
  });
  afterEach(() => handle.close());

  const roundTrip = async (values: readonly (string | number | boolean | null)[], type: string) =>
    rowsOf<{ a: unknown[] }>(await handle.db.execute(sql`select ${arrayLiteral(values)}::${sql.raw(type)} as a`))[0]?.a;

  it('reads any text back as written, the NULL keyword only for null', async () => {
    const text = [
      'EURUSD',
      'US30.cash',
      '',
      ' spaced ',
      'a,b',
      '{x}',
      'say "hi"',
      'back\\slash',
      'NULL',
      'null',
      'ﻻ',
      null,
    ];
    expect(await roundTrip(text, 'text[]')).toEqual(text);
  });

  it('reads numbers, booleans and uuids back', async () => {
    const floats = [0, -1.5, 1e-7, 123456789.123456, 98.6549865498655, null];
    expect(await roundTrip(floats, 'float8[]')).toEqual(floats);
    expect(await roundTrip([true, false, null], 'bool[]')).toEqual([true, false, null]);
    const ids = ['77529e5a-ce34-1b5d-082e-02d956750c4a', 'a87efb28-8555-7228-6e49-c603957c245f'];
    expect(await roundTrip(ids, 'uuid[]')).toEqual(ids);
    expect(await roundTrip([], 'int[]')).toEqual([]);
  });
});
