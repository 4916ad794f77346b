import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { trackRequests } from '../../../src/lib/request-tracker';

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A real HTTP server whose handler answers after `delayMs`. */
async function slowServer(delayMs: number) {
  const server = http.createServer((_request, response) => {
    setTimeout(() => response.end('done'), delayMs);
  });
  servers.push(server);
  const tracker = trackRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, tracker, url: `http://127.0.0.1:${port}/` };
}

describe('trackRequests', () => {
  test('counts the requests in flight', async () => {
    const { tracker, url } = await slowServer(200);
    const pending = fetch(url).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(tracker.inFlight()).toBe(1);
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tracker.inFlight()).toBe(0);
  });

  test('drain answers the requests in flight, then refuses new connections', async () => {
    const { server, tracker, url } = await slowServer(300);
    const inFlight = fetch(url).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const drained = tracker.drain(5000);
    await expect(inFlight).resolves.toBe('done');
    await expect(drained).resolves.toMatchObject({ drained: true });
    await expect(fetch(url)).rejects.toThrow();
    expect(server.listening).toBe(false);
  });

  test('drain gives up after its timeout', async () => {
    const { tracker, url } = await slowServer(600);
    const inFlight = fetch(url).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(tracker.drain(200)).resolves.toMatchObject({ drained: false });
    await inFlight;
  });

  test('one tracker per server', async () => {
    const { server, tracker } = await slowServer(0);
    expect(trackRequests(server)).toBe(tracker);
  });
});
