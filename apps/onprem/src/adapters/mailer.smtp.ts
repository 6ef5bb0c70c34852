import type { MailMessage, Mailer } from '@clantrader/core';
import nodemailer from 'nodemailer';

/** On-prem mail through the organisation's own SMTP relay (works with no internet). */
export function createSmtpMailer(opts: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(opts.url);
  return {
    async send(message: MailMessage) {
      await transport.sendMail({ from: opts.from, ...message });
    },
  };
}
