import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { renderInbox, renderMessage } from './inbox-page';
import { listenOnPreferredPort } from './ports';

export interface CapturedMail {
  id: number;
  receivedAt: Date;
  /** SMTP envelope: who the message was really sent from and to. */
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
}

export interface MailCatcherAddress {
  host: string;
  smtpPort: number;
  httpPort: number;
  inboxUrl: string;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((address) => address.text).join(', ');
}

/**
 * A development mail server: accepts every message over plain SMTP (any or no credentials),
 * keeps the latest ones in memory and shows them in a small web inbox. Both listeners bind to
 * one host, 127.0.0.1 by default, so nothing outside the machine can read or send mail.
 */
export class MailCatcher {
  private readonly messages: CapturedMail[] = [];
  private nextId = 1;
  private readonly smtp: SMTPServer;
  private readonly http: Server;
  private readonly host: string;
  private readonly maxMessages: number;

  constructor(options: { host?: string; maxMessages?: number } = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.maxMessages = options.maxMessages ?? 500;
    this.smtp = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      // No certificate here: the service's mailer then talks plain SMTP, as it does to a relay on localhost.
      disabledCommands: ['STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(() => callback(), callback);
      },
    });
    this.http = createServer((request, response) => this.serve(request, response));
  }

  async start(preferred: { smtpPort: number; httpPort: number }): Promise<MailCatcherAddress> {
    await listenOnPreferredPort(this.smtp, preferred.smtpPort, this.host);
    await listenOnPreferredPort(this.http, preferred.httpPort, this.host);
    // The SMTP server keeps its net.Server in `server`, which the type definitions do not declare.
    const smtpPort = ((this.smtp as unknown as { server: Server }).server.address() as AddressInfo).port;
    const httpPort = (this.http.address() as AddressInfo).port;
    return { host: this.host, smtpPort, httpPort, inboxUrl: `http://${this.host}:${httpPort}/` };
  }

  async stop(): Promise<void> {
    this.http.closeAllConnections();
    await Promise.all([
      new Promise<void>((resolve) => this.http.close(() => resolve())),
      new Promise<void>((resolve) => this.smtp.close(() => resolve())),
    ]);
  }

  /** Newest first. */
  list(): readonly CapturedMail[] {
    return [...this.messages].reverse();
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(stream);
    if (stream.sizeExceeded) throw new Error(`Message exceeds the ${MAX_MESSAGE_BYTES} bytes this catcher keeps`);
    const { mailFrom, rcptTo } = session.envelope;
    this.messages.push({
      id: this.nextId++,
      receivedAt: new Date(),
      envelope: { from: mailFrom ? mailFrom.address : null, to: rcptTo.map((recipient) => recipient.address) },
      from: addressText(parsed.from),
      to: addressText(parsed.to),
      subject: parsed.subject ?? '',
      text: parsed.text ?? null,
      html: parsed.html === false ? null : parsed.html,
    });
    if (this.messages.length > this.maxMessages) this.messages.shift();
  }

  private serve(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', 'http://inbox').pathname;
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(body);
    };
    const messageId = /^\/messages\/(\d+)\/?$/.exec(path)?.[1];

    if (request.method === 'GET' && path === '/') return send(200, 'text/html', renderInbox(this.list()));
    if (request.method === 'GET' && path === '/api/messages') return send(200, 'application/json', JSON.stringify(this.list()));
    if (request.method === 'GET' && messageId) {
      const message = this.messages.find((candidate) => candidate.id === Number(messageId));
      return message ? send(200, 'text/html', renderMessage(message)) : send(404, 'text/plain', 'No such message');
    }
    if (request.method === 'POST' && path === '/clear') {
      this.messages.length = 0;
      response.writeHead(303, { location: '/' });
      return void response.end();
    }
    send(404, 'text/plain', 'Not found');
  }
}
