import type { MailMessage, Mailer } from '@clantrader/core';

export type HttpMailerOptions = {
  /** Endpoint of the mail API, e.g. `https://api.resend.com/emails`. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** Sender address, e.g. `ClanTrader <no-reply@clantrader.app>`. */
  from: string;
  /** Injected in tests; defaults to the global fetch of the runtime. */
  fetch?: typeof fetch;
};

/**
 * Mail over an HTTP mail API (Resend, MailChannels-like JSON). The edge has no SMTP, so
 * this is its mailer; it throws on any non-2xx answer so the caller sees failed delivery
 * (the message text is not included in the error, only the status).
 */
export function createHttpMailer(opts: HttpMailerOptions): Mailer {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  return {
    async send(message: MailMessage) {
      const res = await doFetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
        body: JSON.stringify({
          from: opts.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
        }),
      });
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`mail API answered ${res.status} ${res.statusText}`.trim());
      }
      await res.body?.cancel();
    },
  };
}
