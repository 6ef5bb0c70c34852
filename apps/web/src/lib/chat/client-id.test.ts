import { describe, expect, it } from 'vitest';
import { newClientId } from './client-id';

describe('newClientId', () => {
  it('is 32 hex characters, within the protocol limit of 64', () => {
    expect(newClientId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs between calls', () => {
    expect(newClientId()).not.toBe(newClientId());
  });
});
