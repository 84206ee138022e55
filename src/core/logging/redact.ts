export const REDACTED = '[Redacted]';

/** Keys whose values never reach a log line, at any depth. */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie)$|password|passwd|secret|token|api[-_]?key/i;
const MAX_DEPTH = 8;

/**
 * A copy of a log object in which the values of credential-like keys (Authorization and cookie
 * headers, `password`, `*_token`, `*secret*`, ...) are replaced by `[Redacted]`. Errors, dates
 * and buffers are left to pino's serializers.
 */
export function redactSecrets<T>(value: T): T {
  return redact(value, 0, new WeakSet()) as T;
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (value instanceof Error || value instanceof Date || ArrayBuffer.isView(value) || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1, seen);
  }
  return copy;
}

/** A URL for a log line, with the values of credential-like query parameters redacted. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0];
      return pair.includes('=') && SECRET_KEY.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, queryAt)}?${query.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
