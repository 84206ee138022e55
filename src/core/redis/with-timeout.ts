/**
 * `promise`, or a rejection once `ms` have passed without it settling. ioredis fails fast when it
 * knows the connection is down, but a command already sent, or a server that accepts connections
 * and never answers, would otherwise hold its caller indefinitely.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
