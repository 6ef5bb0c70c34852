import type { Locale } from '../accounts/model';
import type { MailMessage } from './ports';

type LinkMail = { to: string; locale: Locale; link: string; displayName: string };

const COPY = {
  verify: {
    en: {
      subject: 'Confirm your ClanTrader email',
      body: (n: string, l: string) =>
        `Hi ${n},\n\nConfirm your email address to activate your ClanTrader account:\n${l}\n\nThe link is valid for 24 hours. If you did not sign up, ignore this message.`,
    },
    fa: {
      subject: 'تأیید ایمیل کلن‌تریدر',
      body: (n: string, l: string) =>
        `سلام ${n}،\n\nبرای فعال‌سازی حساب کلن‌تریدر، ایمیل خود را تأیید کنید:\n${l}\n\nاین پیوند ۲۴ ساعت معتبر است. اگر ثبت‌نام نکرده‌اید، این پیام را نادیده بگیرید.`,
    },
  },
  reset: {
    en: {
      subject: 'Reset your ClanTrader password',
      body: (n: string, l: string) =>
        `Hi ${n},\n\nSomeone asked to reset the password of your ClanTrader account. To choose a new one, open:\n${l}\n\nThe link is valid for 1 hour and works once. If it was not you, ignore this message; your password is unchanged.`,
    },
    fa: {
      subject: 'بازنشانی رمز عبور کلن‌تریدر',
      body: (n: string, l: string) =>
        `سلام ${n}،\n\nدرخواست بازنشانی رمز عبور حساب کلن‌تریدر شما ثبت شد. برای انتخاب رمز جدید این پیوند را باز کنید:\n${l}\n\nاین پیوند ۱ ساعت معتبر است و یک بار کار می‌کند. اگر شما نبودید، این پیام را نادیده بگیرید.`,
    },
  },
} as const;

export function verifyEmailMail(m: LinkMail): MailMessage {
  const c = COPY.verify[m.locale];
  return { to: m.to, subject: c.subject, text: c.body(m.displayName, m.link) };
}

export function resetPasswordMail(m: LinkMail): MailMessage {
  const c = COPY.reset[m.locale];
  return { to: m.to, subject: c.subject, text: c.body(m.displayName, m.link) };
}
