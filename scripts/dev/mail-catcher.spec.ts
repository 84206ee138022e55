import { createServer } from 'node:net';
import { createTransport } from 'nodemailer';
import { type MailCatcherAddress, MailCatcher } from './mail-catcher';

describe('MailCatcher', () => {
  let sut: MailCatcher;
  let address: MailCatcherAddress;

  beforeEach(async () => {
    sut = new MailCatcher();
    address = await sut.start({ smtpPort: 0, httpPort: 0 });
  });

  afterEach(() => sut.stop());

  async function send(message: { to: string; subject: string; text: string; html?: string }): Promise<void> {
    const transport = createTransport({ host: address.host, port: address.smtpPort, secure: false });
    try {
      await transport.sendMail({ from: 'Online Cinema <no-reply@online-cinema.local>', ...message });
    } finally {
      transport.close();
    }
  }

  async function get(path: string): Promise<{ status: number; type: string | null; body: string }> {
    const response = await fetch(new URL(path, address.inboxUrl));
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  }

  it('listens on 127.0.0.1 only', () => {
    expect(address.host).toBe('127.0.0.1');
    expect(address.inboxUrl).toBe(`http://127.0.0.1:${address.httpPort}/`);
  });

  it('keeps a message sent over SMTP and lists it, decoded, in the JSON API', async () => {
    await send({ to: 'Élodie <elodie@example.com>', subject: 'Activate your account ✓', text: 'Follow the link', html: '<p>Follow <a href="http://localhost:3000/a?t=1">the link</a></p>' });

    const { status, type, body } = await get('/api/messages');
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    expect(JSON.parse(body)).toEqual([
      expect.objectContaining({
        id: 1,
        envelope: { from: 'no-reply@online-cinema.local', to: ['elodie@example.com'] },
        from: '"Online Cinema" <no-reply@online-cinema.local>',
        to: '"Élodie" <elodie@example.com>',
        subject: 'Activate your account ✓',
        text: 'Follow the link',
        html: '<p>Follow <a href="http://localhost:3000/a?t=1">the link</a></p>',
      }),
    ]);
  });

  it('shows the inbox newest first and a message page with its parts escaped', async () => {
    await send({ to: 'a@example.com', subject: 'First', text: 'one' });
    await send({ to: 'b@example.com', subject: 'Second <script>alert(1)</script>', text: 'two & <b>three</b>', html: '<p onclick="x()">Hi</p>' });

    const inbox = await get('/');
    expect(inbox.status).toBe(200);
    expect(inbox.type).toContain('text/html');
    expect(inbox.body.indexOf('Second')).toBeLessThan(inbox.body.indexOf('First'));
    expect(inbox.body).not.toContain('<script>');
    expect(inbox.body).toContain('Second &#60;script&#62;alert(1)&#60;/script&#62;');

    const message = await get('/messages/2');
    expect(message.status).toBe(200);
    expect(message.body).toContain('two &#38; &#60;b&#62;three&#60;/b&#62;');
    expect(message.body).toContain('<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="&#60;base target=&#34;_blank&#34;&#62;&#60;p onclick=&#34;x()&#34;&#62;Hi&#60;/p&#62;">');
  });

  it('answers 404 for an unknown message or path', async () => {
    expect((await get('/messages/99')).status).toBe(404);
    expect((await get('/nothing')).status).toBe(404);
  });

  it('deletes every message on POST /clear', async () => {
    await send({ to: 'a@example.com', subject: 'Gone soon', text: 'bye' });

    const response = await fetch(new URL('/clear', address.inboxUrl), { method: 'POST', redirect: 'manual' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(sut.list()).toEqual([]);
  });

  it('keeps only the newest messages beyond its limit', async () => {
    await sut.stop();
    sut = new MailCatcher({ maxMessages: 2 });
    address = await sut.start({ smtpPort: 0, httpPort: 0 });

    for (const subject of ['one', 'two', 'three']) await send({ to: 'a@example.com', subject, text: subject });

    expect(sut.list().map((message) => message.subject)).toEqual(['three', 'two']);
  });

  it('moves to a free port when the preferred one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const other = new MailCatcher();
    try {
      const moved = await other.start({ smtpPort: taken, httpPort: taken });

      expect(moved.smtpPort).not.toBe(taken);
      expect(moved.httpPort).not.toBe(taken);
    } finally {
      await other.stop();
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
