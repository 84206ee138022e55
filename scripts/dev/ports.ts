import { createServer } from 'node:net';

/** What `net.Server`, `http.Server` and `SMTPServer` have in common. */
interface Listener {
  listen(port: number, host: string, callback: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Listens on `preferred` when it is free and on a port the system picks otherwise, so a second
 * copy of the launcher (or another program on the usual port) never stops the first one.
 */
export function listenOnPreferredPort(server: Listener, preferred: number, host: string): Promise<void> {
  const attempt = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        resolve();
      });
    });
  return attempt(preferred).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
    return attempt(0);
  });
}

/** A TCP port on `host` that is free right now: `preferred` if possible. */
export async function findFreePort(preferred: number, host = '127.0.0.1'): Promise<number> {
  const probe = createServer();
  await listenOnPreferredPort(probe, preferred, host);
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('Could not read the address of a probe socket');
  return address.port;
}
