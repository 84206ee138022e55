import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { htmlLinks } from './html';

/** One message the listener accepted. */
export interface CapturedMail {
  /** SMTP envelope (`MAIL FROM` / `RCPT TO`). */
  envelopeFrom: string;
  envelopeTo: string[];
  /** Header values as written. */
  from: string;
  to: string;
  subject: string;
  messageId: string;
  html: string;
  text: string;
  /** The HTML part's `href`s, entity-decoded as a browser would follow them. */
  links: string[];
  /** The user the client logged in as, when the listener asked for a login. */
  user: string | null;
}

export interface SmtpListener {
  port: number;
  /** Environment for `testConfig()`: point the app's SMTP settings at this listener. */
  env: Record<string, string>;
  /** Accepted messages, oldest first. */
  messages: CapturedMail[];
  /** How many messages clients tried to send, refused ones included. */
  attempts: number;
  /** Refuses the next `count` messages with a temporary (4xx) or permanent (5xx) error. */
  failNext(count: number, responseCode?: number): void;
  /** Resolves with the first accepted message to `address` (case-insensitive) once it arrives. */
  waitForMail(address: string, timeoutMs?: number): Promise<CapturedMail>;
  /** Resolves once at least `count` messages have been accepted. */
  waitForCount(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random loopback port that keeps every message it accepts, parsed, for
 * assertions. Plain SMTP (no STARTTLS offered); with `auth`, it requires that login.
 */
export async function startSmtpListener(options: { auth?: { user: string; password: string } } = {}): Promise<SmtpListener> {
  const messages: CapturedMail[] = [];
  let failures: { count: number; responseCode: number } = { count: 0, responseCode: 451 };
  let attempts = 0;

  const serverOptions: SMTPServerOptions = {
    logger: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, session, callback) {
      attempts += 1;
      simpleParser(stream)
        .then((parsed) => {
          if (failures.count > 0) {
            failures = { ...failures, count: failures.count - 1 };
            callback(Object.assign(new Error('Try again later'), { responseCode: failures.responseCode }));
            return;
          }
          const html = parsed.html || '';
          messages.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: parsed.from?.text ?? '',
            to: [parsed.to ?? []].flat().map((address) => address.text).join(', '),
            subject: parsed.subject ?? '',
            messageId: parsed.messageId ?? '',
            html,
            text: parsed.text ?? '',
            links: htmlLinks(html),
            user: typeof session.user === 'string' ? session.user : null,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  const waitUntil = async <T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) {
        throw new Error(`SMTP listener: no ${what} within ${timeoutMs} ms (got ${messages.length} message(s), ${attempts} attempt(s))`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  return {
    port,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false' },
    messages,
    get attempts() {
      return attempts;
    },
    failNext(count, responseCode = 451) {
      failures = { count, responseCode };
    },
    waitForMail: (address, timeoutMs = 10_000) =>
      waitUntil(`mail to ${address}`, timeoutMs, () =>
        messages.find((mail) => mail.envelopeTo.some((to) => to.toLowerCase() === address.toLowerCase())),
      ),
    waitForCount: (count, timeoutMs = 10_000) =>
      waitUntil(`${count} message(s)`, timeoutMs, () => (messages.length >= count ? [...messages] : undefined)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
