import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One request the fake received, its form body decoded into nested objects. */
export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: Json;
}

export interface StripeErrorAnswer {
  status: number;
  type: string;
  message: string;
  code?: string;
}

export interface StripeFake {
  /** `STRIPE_API_URL` for the app. */
  url: string;
  /** `STRIPE_SECRET_KEY` the fake accepts. */
  secretKey: string;
  requests: RecordedRequest[];
  sessions: Map<string, Json>;
  refunds: Map<string, Json>;
  /** Pays an open session as a card would and returns it (the object of its events). */
  pay(sessionId: string): Json;
  /** Answers the next `times` `POST /v1/refunds` with this error (the SDK retries a 5xx twice). */
  failNextRefund(error: StripeErrorAnswer, times?: number): void;
  /** Answers the next `POST /v1/checkout/sessions` with this error. */
  failNextSession(error: StripeErrorAnswer): void;
  /** Refunds created from now on report this status (`succeeded` by default). */
  refundStatus: 'succeeded' | 'pending';
  /** The requests to `method path` (path without the query). */
  calls(method: string, path: string): RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A small local stand-in for the part of Stripe's HTTP API the service calls, for the real
 * Stripe SDK to talk to (`STRIPE_API_URL`): Checkout Sessions (create, retrieve, expire) and
 * refunds, with Stripe's form-encoded requests, JSON answers, error shapes, bearer-key check
 * and idempotency keys (a key seen before gets the first answer again).
 */
export async function startStripeFake(): Promise<StripeFake> {
  const secretKey = 'sk_test_fake_0123456789';
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const idempotent = new Map<string, { status: number; body: Json }>();
  const refundedIntents = new Set<string>();
  let refundErrors: StripeErrorAnswer[] = [];
  let nextSessionError: StripeErrorAnswer | null = null;
  const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
  const now = () => Math.floor(Date.now() / 1000);

  const error = (answer: StripeErrorAnswer) => ({
    status: answer.status,
    body: { error: { type: answer.type, message: answer.message, ...(answer.code ? { code: answer.code } : {}) } },
  });
  const missing = (kind: string, value: string) =>
    error({ status: 404, type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${value}'` });

  const routes: Array<{ method: string; pattern: RegExp; handle: (match: RegExpMatchArray, body: Json) => { status: number; body: Json } }> = [
    {
      method: 'POST',
      pattern: /^\/v1\/checkout\/sessions$/,
      handle: (_match, body) => {
        if (nextSessionError) {
          const answer = error(nextSessionError);
          nextSessionError = null;
          return answer;
        }
        const items = (body.line_items ?? []) as Json[];
        const session: Json = {
          id: id('cs_test'),
          object: 'checkout.session',
          amount_total: items.reduce((sum, item) => sum + Number(item.price_data.unit_amount) * Number(item.quantity), 0),
          cancel_url: body.cancel_url,
          client_reference_id: body.client_reference_id ?? null,
          created: now(),
          currency: items[0]?.price_data.currency ?? null,
          customer_email: body.customer_email ?? null,
          expires_at: Number(body.expires_at),
          livemode: false,
          metadata: body.metadata ?? {},
          mode: body.mode,
          payment_intent: null,
          payment_status: 'unpaid',
          status: 'open',
          success_url: body.success_url,
        };
        session.url = `https://checkout.stripe.test/c/pay/${session.id}`;
        sessions.set(session.id, session);
        return { status: 200, body: session };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
      handle: ([, sessionId]) => (sessions.has(sessionId) ? { status: 200, body: sessions.get(sessionId)! } : missing('checkout.session', sessionId)),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
      handle: ([, sessionId]) => {
        const session = sessions.get(sessionId);
        if (!session) return missing('checkout.session', sessionId);
        if (session.status !== 'open') {
          return error({ status: 400, type: 'invalid_request_error', message: 'Only Checkout Sessions with a status in [open] can be expired.' });
        }
        Object.assign(session, { status: 'expired', url: null });
        return { status: 200, body: session };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/refunds$/,
      handle: (_match, body) => {
        const refundError = refundErrors.shift();
        if (refundError) return error(refundError);
        const intent = String(body.payment_intent);
        const session = [...sessions.values()].find((candidate) => candidate.payment_intent === intent);
        if (!session) return missing('payment_intent', intent);
        if (refundedIntents.has(intent)) {
          return error({ status: 400, type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge for ${intent} has already been refunded.` });
        }
        refundedIntents.add(intent);
        const refund = {
          id: id('re_test'),
          object: 'refund',
          amount: session.amount_total,
          currency: session.currency,
          created: now(),
          metadata: body.metadata ?? {},
          payment_intent: intent,
          status: fake.refundStatus,
        };
        refunds.set(refund.id, refund);
        return { status: 200, body: refund };
      },
    },
  ];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0];
      const body = parseForm(Buffer.concat(chunks).toString('utf8'));
      const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null;
      requests.push({ method: request.method ?? '', path, idempotencyKey, authorization: request.headers.authorization ?? null, body });
      const answer = (() => {
        if (request.headers.authorization !== `Bearer ${secretKey}`) {
          return error({ status: 401, type: 'invalid_request_error', message: 'Invalid API Key provided.' });
        }
        const cacheKey = idempotencyKey && `${request.method} ${path} ${idempotencyKey}`;
        if (cacheKey && idempotent.has(cacheKey)) return idempotent.get(cacheKey)!;
        for (const route of routes) {
          const match = route.method === request.method ? path.match(route.pattern) : null;
          if (match) {
            const result = route.handle(match, body);
            if (cacheKey && result.status < 500) idempotent.set(cacheKey, { status: result.status, body: structuredClone(result.body) });
            return result;
          }
        }
        return error({ status: 404, type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${path}).` });
      })();
      response.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': id('req') });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: StripeFake = {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    requests,
    sessions,
    refunds,
    refundStatus: 'succeeded',
    pay(sessionId) {
      const session = sessions.get(sessionId);
      if (!session || session.status !== 'open') throw new Error(`Session ${sessionId} cannot be paid`);
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: id('pi_test'), url: null });
      return structuredClone(session);
    },
    failNextRefund(answer, times = 1) {
      refundErrors = Array.from({ length: times }, () => answer);
    },
    failNextSession(answer) {
      nextSessionError = answer;
    },
    calls(method, path) {
      return requests.filter((request) => request.method === method && request.path === path);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}

/** Stripe's request encoding (`a[b][0][c]=1`) back into nested objects and arrays. */
export function parseForm(text: string): Json {
  const root: Json = {};
  for (const pair of text.split('&').filter(Boolean)) {
    const [rawKey, rawValue = ''] = pair.split('=');
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node: Json = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= /^\d+$/.test(path[index + 1]) ? [] : {};
      node = node[part];
    });
  }
  return root;
}
