export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  /** Optional HTML body; generated only from escaped templates, never from user input. */
  html?: string;
};

/**
 * Sends mail. SMTP on-prem, an HTTP mail API on the edge, and an outbox table in
 * development so that a local sign-up can be verified without a mail server.
 * Throws on delivery failure; callers decide whether that fails the request.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
