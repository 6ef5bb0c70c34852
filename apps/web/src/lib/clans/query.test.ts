import { describe, expect, it } from 'vitest';
import { apiListQuery, CLAN_SEARCH, FREE_AGENT_SEARCH, hasListFilters, listSearch, readListQuery } from './query';

const url = (search: string) => new URL(`http://x/free-agents${search}`);

describe('readListQuery', () => {
  it('keeps known values, upper-cases pairs and drops the rest', () => {
    const q = readListQuery(
      url('?style=scalper&pair=eurusd&tier=mythic&risk=low&session=any&cursor=ab'),
      FREE_AGENT_SEARCH,
    );
    expect(q).toEqual({ cursor: 'ab', style: 'scalper', pair: 'EURUSD', tier: '', risk: 'low', session: '' });
    expect(hasListFilters(q)).toBe(true);
  });

  it('caps free text', () => {
    expect(readListQuery(url(`?q=${'a'.repeat(50)}`), CLAN_SEARCH).q).toHaveLength(32);
  });
});

describe('listSearch', () => {
  it('drops the cursor unless given and skips empty values', () => {
    const q = readListQuery(url('?focus=gold&cursor=c1'), CLAN_SEARCH);
    expect(listSearch(q)).toBe('?focus=gold');
    expect(listSearch(q, { cursor: 'c2' })).toBe('?focus=gold&cursor=c2');
    expect(listSearch(readListQuery(url(''), CLAN_SEARCH))).toBe('');
  });
});

describe('apiListQuery', () => {
  it('sends set filters, the cursor and the page size', () => {
    const q = readListQuery(url('?risk=high&cursor=trader_9'), FREE_AGENT_SEARCH);
    expect(apiListQuery(q, 20)).toBe('cursor=trader_9&risk=high&limit=20');
  });
});
