import { describe, expect, it, vi } from 'vitest';
import { readWorkerEnv } from './env';
import worker from './worker';

const BASE = { DATABASE_URL: 'postgres://u@db.example/app', AUTH_SECRET: 'x'.repeat(32) };

describe('readWorkerEnv', () => {
  it('applies defaults for a minimal environment', () => {
    const env = readWorkerEnv({ ...BASE });
    expect(env).toMatchObject({ APP_URL: 'http://127.0.0.1:3000', MAIL_TRANSPORT: 'outbox', DEV_OUTBOX: '0' });
    expect(env.PBKDF2_ITERATIONS).toBeUndefined();
  });

  it('strips a trailing slash from APP_URL so mail links have no double slash', () => {
    expect(readWorkerEnv({ ...BASE, APP_URL: 'https://clantrader.app/' }).APP_URL).toBe('https://clantrader.app');
  });

  it('names every missing or invalid variable without echoing values', () => {
    expect(() => readWorkerEnv({ DATABASE_URL: 'mysql://secret-host', AUTH_SECRET: 'short' })).toThrow(
      /DATABASE_URL.*AUTH_SECRET/,
    );
    expect(() => readWorkerEnv({ DATABASE_URL: 'mysql://secret-host' })).not.toThrow(/secret-host/);
  });

  it('requires the mail API settings when MAIL_TRANSPORT=http', () => {
    expect(() => readWorkerEnv({ ...BASE, MAIL_TRANSPORT: 'http' })).toThrow(/MAIL_HTTP_URL.*MAIL_HTTP_TOKEN/);
    const ok = { ...BASE, MAIL_TRANSPORT: 'http', MAIL_HTTP_URL: 'https://mail.example/send', MAIL_HTTP_TOKEN: 't' };
    expect(readWorkerEnv(ok).MAIL_TRANSPORT).toBe('http');
  });

  it('refuses an iteration count too low to be a password hash', () => {
    expect(() => readWorkerEnv({ ...BASE, PBKDF2_ITERATIONS: '10' })).toThrow(/PBKDF2_ITERATIONS/);
  });
});

describe('Worker fetch with a broken environment', () => {
  it('answers a 500 problem instead of an HTML error page', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
    const res = await worker.fetch(new Request('http://api.test/api/v1/health') as never, {}, ctx as never);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('worker.misconfigured'));
    logged.mockRestore();
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'internal.error', detail: 'The service is misconfigured.' });
  });
});
