import { describe, expect, it } from 'vitest';
import {
  centsToDecimal,
  parseCount,
  parseDecimal,
  parseServerTime,
  roundDecimal,
  splitComposite,
  toCents,
} from './parse-values';

describe('parse-values', () => {
  it('removes thousands separators and keeps the decimal point', () => {
    expect(parseDecimal('1 088.72')).toBe('1088.72');
    expect(parseDecimal('-348\u00a0604')).toBe('-348604');
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
  it('converts decimal strings to cents rounding half away from zero', () => {
    expect(toCents('88.72')).toBe(8872);
    expect(toCents('-58.382000')).toBe(-5838);
    expect(toCents('69293.399999999994')).toBe(6929340);
    expect(toCents('-0.005')).toBe(-1);
    expect(centsToDecimal(-5)).toBe('-0.05');
  });
  it('rounds binary float artefacts to the report precision', () => {
    expect(roundDecimal('4788.8500000000004', 2)).toBe('4788.85');
  });
  it('splits composite cells and parses counts', () => {
    expect(splitComposite('132.55 (12.07%)')).toEqual(['132.55', '12.07%']);
    expect(parseCount('9.000000')).toBe(9);
    expect(parseCount('9.5')).toBeNull();
  });
  it('reads server timestamps with or without seconds', () => {
    expect(parseServerTime('2011.10.13 12:00')).toBe('2011-10-13T12:00:00');
    expect(parseServerTime('2018.05.14 20:45:48')).toBe('2018-05-14T20:45:48');
    // forms outside the fast path take the regex path
    expect(parseServerTime(' 2018.05.14  9:05 ')).toBe('2018-05-14T09:05:00');
    expect(parseServerTime('2018.05.14')).toBe('2018-05-14T00:00:00');
    expect(parseServerTime('2018.05.14 20:45:4x')).toBeNull();
    expect(parseServerTime('2018-05-14 20:45:48')).toBeNull();
  });
});
