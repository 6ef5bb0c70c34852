import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpMailer } from './mailer.http';

type Received = { method?: string; url?: string; auth?: string; type?: string; body: unknown };

describe('createHttpMailer', () => {
  const received: Received[] = [];
  let status = 200;
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((text) => {
        received.push({
          method: req.method,
          url: req.url,
          auth: req.headers.authorization,
          type: req.headers['content-type'],
          body: JSON.parse(text),
        });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"id":"m1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs the message as JSON with the bearer token', async () => {
    status = 202;
    const mailer = createHttpMailer({ url: `${base}/emails`, token: 'tok-1', from: 'ClanTrader <no-reply@ct.test>' });
    await mailer.send({ to: 'a@b.test', subject: 'Hi', text: 'Hello', html: '<p>Hello</p>' });
    expect(received.at(-1)).toEqual({
      method: 'POST',
      url: '/emails',
      auth: 'Bearer tok-1',
      type: 'application/json',
      body: {
        from: 'ClanTrader <no-reply@ct.test>',
        to: 'a@b.test',
        subject: 'Hi',
        text: 'Hello',
        html: '<p>Hello</p>',
      },
    });
  });

  it('throws when the mail API answers with an error status', async () => {
    status = 503;
    const mailer = createHttpMailer({ url: `${base}/emails`, token: 't', from: 'x@ct.test' });
    await expect(mailer.send({ to: 'a@b.test', subject: 'S', text: 'T' })).rejects.toThrow(/503/);
  });

  it('uses an injected fetch when given', async () => {
    const calls: string[] = [];
    const mailer = createHttpMailer({
      url: 'https://mail.example/send',
      token: 't',
      from: 'x@ct.test',
      fetch: async (input) => {
        calls.push(String(input));
        return new Response(null, { status: 200 });
      },
    });
    await mailer.send({ to: 'a@b.test', subject: 'S', text: 'T' });
    expect(calls).toEqual(['https://mail.example/send']);
  });
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
