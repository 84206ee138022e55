import { htmlLinks } from '../../../test/utils/html';
import { loadConfig } from '../../core/config/app-config';
import { MailRenderer } from './mail-renderer';

describe('MailRenderer', () => {
  const sut = new MailRenderer(
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused', APP_URL: 'https://cinema.example/app/' }),
  );
  const year = String(new Date().getUTCFullYear());

  it('links activation to APP_URL with the address and token URL-encoded, and HTML-escapes them', () => {
    const mail = sut.render({ template: 'activation', to: 'ann+movies@example.com', token: 'tok_en-1' });

    const link = 'https://cinema.example/app/accounts/activate/?email=ann%2Bmovies%40example.com&token=tok_en-1';
    expect(mail.subject).toBe('Account Activation');
    expect(mail.to).toBe('ann+movies@example.com');
    expect(htmlLinks(mail.html)).toEqual([link, link]);
    expect(mail.html).toContain('ann%2Bmovies%40example.com&amp;token');
    expect(mail.html).toContain('<title>Account Activation</title>');
    expect(mail.html).toContain(`&copy; ${year} Online Cinema`);
    expect(mail.text).toContain(link);
    expect(mail.text).not.toContain('&amp;');
  });

  it('links a password reset to the GET page that completes it', () => {
    const mail = sut.render({ template: 'password-reset-request', to: 'bob@example.com', token: 'abc' });

    expect(mail.subject).toBe('Password Reset Request');
    expect(mail.text).toContain('https://cinema.example/app/accounts/reset-password/complete/?email=bob%40example.com&token=abc');
  });

  it.each([
    ['activation-confirmation', 'Account Activated', 'has been successfully activated'],
    ['password-reset-completion', 'Password Reset Complete', 'has been successfully changed'],
  ] as const)('renders %s', (template, subject, phrase) => {
    const mail = sut.render({ template, to: 'c@example.com' });

    expect(mail.subject).toBe(subject);
    expect(mail.html).toContain(phrase);
    expect(mail.html).toContain('<strong>c@example.com</strong>');
  });

  it('renders a payment with amounts as $%.2f and escapes movie names', () => {
    const mail = sut.render({
      template: 'payment-success',
      to: 'd@example.com',
      orderId: 42,
      amount: '19.5',
      date: '2024-05-01T12:30:45.123Z',
      paymentId: 7,
      items: [
        { name: 'Tom & Jerry <Remastered>', price: '9.5' },
        { name: 'Heat', price: '10' },
      ],
    });

    expect(mail.subject).toBe('Payment Confirmation');
    expect(mail.html).toContain('#42');
    expect(mail.html).toContain('$19.50');
    expect(mail.html).toContain('2024-05-01 12:30 UTC');
    expect(mail.html).toContain('<li>Tom &amp; Jerry &lt;Remastered&gt; - $9.50</li>');
    expect(mail.html).toContain('<li>Heat - $10.00</li>');
    expect(mail.text).toContain('- Tom & Jerry <Remastered> - $9.50');
    expect(mail.text).toContain('Payment ID: 7');
  });
  it('renders a reply notification with both texts, escaped in HTML and verbatim in text', () => {
    const mail = sut.render({
      template: 'comment-reply',
      to: 'e@example.com',
      actorName: 'Ann <Smith>',
      movieName: 'Tom & Jerry',
      commentText: 'Great film',
      replyText: 'Agreed & more',
    });

    expect(mail.subject).toBe('New Reply to Your Comment');
    expect(mail.html).toContain('<strong>Ann &lt;Smith&gt;</strong> replied to your comment on <strong>Tom &amp; Jerry</strong>.');
    expect(mail.html).toContain('Agreed &amp; more');
    expect(mail.text).toContain('Ann <Smith> replied to your comment on Tom & Jerry.');
    expect(mail.text).toContain('> Great film');
    expect(mail.text).toContain('> Agreed & more');
  });

  it('renders a like notification and quotes a long comment cut to 300 characters', () => {
    const mail = sut.render({ template: 'comment-like', to: 'f@example.com', actorName: 'Bob', movieName: 'Heat', commentText: 'é'.repeat(301) });

    expect(mail.subject).toBe('Someone Liked Your Comment');
    expect(mail.text).toContain('Bob liked your comment on Heat:');
    expect(mail.text).toContain(`> ${'é'.repeat(300)}…\n`);
    expect(mail.text).not.toContain('é'.repeat(301));
  });
});
