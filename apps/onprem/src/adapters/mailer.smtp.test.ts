import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from './mailer.smtp';

type Received = { from: string; to: string[]; data: string };

describe('createSmtpMailer', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers a verification mail through a local SMTP relay', async () => {
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${port}`,
      from: 'ClanTrader <no-reply@clantrader.local>',
    });
    await mailer.send({
      to: 'sara@example.com',
      subject: 'تأیید ایمیل کلن‌تریدر',
      text: 'Open http://127.0.0.1/verify-email?token=abc',
    });
    expect(received).toHaveLength(1);
    expect(received[0]?.from).toBe('no-reply@clantrader.local');
    expect(received[0]?.to).toEqual(['sara@example.com']);
    expect(received[0]?.data).toContain('verify-email?token=abc');
  });

  it('rejects when the relay refuses the recipient', async () => {
    const strict = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        callback(new Error('mailbox unavailable'));
      },
    });
    strict.listen(0, '127.0.0.1');
    await once(strict.server, 'listening');
    const strictPort = (strict.server.address() as AddressInfo).port;
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${strictPort}`, from: 'no-reply@clantrader.local' });
    await expect(mailer.send({ to: 'x@example.com', subject: 's', text: 't' })).rejects.toThrow();
    await new Promise<void>((resolve) => strict.close(() => resolve()));
  });
});
