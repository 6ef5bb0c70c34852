import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/en';
import { DOMAIN_ERROR_KEYS, domainErrorKey } from './errors';

describe('domainErrorKey', () => {
  it('has a message for every mapped code', () => {
    for (const key of Object.values(DOMAIN_ERROR_KEYS)) expect(en[key]).toBeTruthy();
  });

  it('answers null for codes the generic mapping handles', () => {
    expect(domainErrorKey('validation.failed')).toBeNull();
    expect(domainErrorKey(undefined)).toBeNull();
    expect(domainErrorKey('peeks.exhausted')).toBe('channels.error.peeksExhausted');
  });
});
