import type { Server } from 'node:http';

/**
 * Counts the HTTP requests being answered, for load shedding and for a graceful shutdown:
 * on SIGTERM the server stops accepting connections and waits for the requests it already
 * holds (src/index.ts destroy), so no reader is told "saved" by a request cut in half.
 */
export interface RequestTracker {
  inFlight(): number;
  /** Stops accepting connections and resolves when no request is in flight (or after timeoutMs). */
  drain(timeoutMs: number): Promise<{ drained: boolean; waitedMs: number }>;
}

const trackers = new WeakMap<Server, RequestTracker>();

export function trackRequests(server: Server): RequestTracker {
  const existing = trackers.get(server);
  if (existing) return existing;
  let inFlight = 0;
  let draining = false;
  server.on('request', (_request, response) => {
    inFlight += 1;
    // A keep-alive connection must not bring a new request after the one being finished.
    if (draining) response.setHeader('Connection', 'close');
    response.once('close', () => {
      inFlight -= 1;
    });
  });
  const tracker: RequestTracker = {
    inFlight: () => inFlight,
    async drain(timeoutMs) {
      draining = true;
      const started = Date.now();
      if (server.listening) server.close();
      server.closeIdleConnections?.();
      while (inFlight > 0 && Date.now() - started < timeoutMs) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        server.closeIdleConnections?.();
      }
      return { drained: inFlight === 0, waitedMs: Date.now() - started };
    },
  };
  trackers.set(server, tracker);
  return tracker;
}

/** The tracker of a server, if one was installed. */
export const requestTracker = (server: Server): RequestTracker | undefined => trackers.get(server);
