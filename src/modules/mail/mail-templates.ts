import type { MailJob, MailTemplate } from '../../core/queues/queues';

/**
 * Subjects and variables of the reference's e-mails (its section 12). Each template is
 * `templates/<name>.html.hbs` plus a plain-text twin `templates/<name>.text.hbs`; every one also
 * gets `subject`, `email` and `year`.
 */
export const MAIL_SUBJECTS: Readonly<Record<MailTemplate, string>> = {
  activation: 'Account Activation',
  'activation-confirmation': 'Account Activated',
  'password-reset-request': 'Password Reset Request',
  'password-reset-completion': 'Password Reset Complete',
  'payment-success': 'Payment Confirmation',
  'payment-refund': 'Refund Confirmation',
  'comment-reply': 'New Reply to Your Comment',
  'comment-like': 'Someone Liked Your Comment',
};

/** The variables of one template beyond the common ones. */
export function templateVariables(mail: MailJob, appUrl: string): Record<string, unknown> {
  switch (mail.template) {
    case 'activation':
      return {
        token: mail.token,
        activation_link: link(appUrl, '/accounts/activate/', { email: mail.to, token: mail.token }),
      };
    case 'password-reset-request':
      return {
        token: mail.token,
        reset_link: link(appUrl, '/accounts/reset-password/complete/', { email: mail.to, token: mail.token }),
      };
    case 'payment-success':
      return {
        order_id: mail.orderId,
        amount: dollars(mail.amount),
        date: utcDate(mail.date),
        payment_id: mail.paymentId,
        items: mail.items.map((item) => ({ name: item.name, price: dollars(item.price) })),
      };
    case 'payment-refund':
      return { order_id: mail.orderId, amount: dollars(mail.amount), date: utcDate(mail.date), refund_id: mail.refundId };
    case 'comment-reply':
      return {
        actor_name: mail.actorName,
        movie_name: mail.movieName,
        comment_text: excerpt(mail.commentText),
        reply_text: excerpt(mail.replyText),
      };
    case 'comment-like':
      return { actor_name: mail.actorName, movie_name: mail.movieName, comment_text: excerpt(mail.commentText) };
    case 'activation-confirmation':
    case 'password-reset-completion':
      return {};
  }
}

/** The longest comment quoted in an e-mail; longer ones are cut at a character boundary. */
const EXCERPT_LENGTH = 300;

/** A comment as quoted in an e-mail: cut to `EXCERPT_LENGTH` characters (code points) with an ellipsis. */
function excerpt(text: string): string {
  const chars = [...text];
  return chars.length <= EXCERPT_LENGTH ? text : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`;
}

/** `APP_URL` + path + URL-encoded query: an address with `+` survives the click (bug 18.10). */
function link(appUrl: string, path: string, query: Record<string, string>): string {
  return `${appUrl}${path}?${new URLSearchParams(query).toString()}`;
}

/** The reference's `$%.2f`. */
export function dollars(amount: string | number): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) throw new Error(`Not an amount of money: "${amount}"`);
  return `$${value.toFixed(2)}`;
}

/** `2024-05-01T12:30:45.123Z` -> `2024-05-01 12:30 UTC`. */
function utcDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: "${iso}"`);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
