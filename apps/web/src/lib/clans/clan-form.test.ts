import { clans } from '@clantrader/core';
import { describe, expect, it } from 'vitest';
import { clanFormValues, toClanInput } from './clan-form';

describe('toClanInput', () => {
  it('turns blank links into null and defaults privacy', () => {
    const input = toClanInput({
      name: 'Gold Diggers',
      description: '',
      avatarUrl: ' ',
      tradingFocus: 'gold',
      privacy: '',
      telegramUrl: undefined,
    });
    expect(input).toEqual({
      name: 'Gold Diggers',
      description: '',
      avatarUrl: null,
      tradingFocus: 'gold',
      privacy: 'request',
      telegramUrl: null,
    });
    expect(clans.CreateClanSchema.safeParse(input).success).toBe(true);
  });

  it('round-trips an existing clan through the form', () => {
    const clan = {
      name: 'Pips',
      description: 'd',
      avatarUrl: null,
      tradingFocus: 'forex',
      privacy: 'open',
      telegramUrl: 'https://t.me/pips_fx',
    };
    expect(toClanInput(clanFormValues(clan) as Parameters<typeof toClanInput>[0])).toEqual(clan);
  });
});
