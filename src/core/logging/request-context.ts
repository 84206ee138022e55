import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `next` (and everything it starts) as part of the request with this id. */
export function runInRequestContext(requestId: string, next: () => void): void {
  storage.run({ requestId }, next);
}

/** The id of the HTTP request being served, for log lines written outside Fastify's logger. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
