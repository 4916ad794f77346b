import { nonNegativeInteger } from './environment';

/**
 * When to refuse a request rather than queue it. Strapi (Koa) accepts every request and
 * lets it wait for a database connection or for the CPU; under a flood the queue, the
 * latency and the memory grow without bound. Public submissions (the costly requests:
 * screening plus several queries) are refused first, when many requests are in flight or
 * the event loop is late; beyond a higher bound every request is refused. Pure.
 */
export interface LoadLimits {
  /** Every request is refused above this many in flight (0: no bound). */
  maxInFlight: number;
  /** Public writes are refused above this many requests in flight (0: no bound). */
  maxInFlightWrites: number;
  /** Public writes are refused while the event loop runs this late (ms; 0: no bound). */
  maxEventLoopDelayMs: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxInFlight: 512, maxInFlightWrites: 64, maxEventLoopDelayMs: 500 };

export interface LoadState {
  /**
   * Requests being answered, this one included: until their handler is done, not until their
   * client hangs up (a reader who gave up does not stop the work).
   */
  inFlight: number;
  eventLoopDelayMs: number;
  isPublicWrite: boolean;
}

export function shouldShed(state: LoadState, limits: LoadLimits): boolean {
  if (limits.maxInFlight > 0 && state.inFlight > limits.maxInFlight) return true;
  if (!state.isPublicWrite) return false;
  if (limits.maxInFlightWrites > 0 && state.inFlight > limits.maxInFlightWrites) return true;
  return limits.maxEventLoopDelayMs > 0 && state.eventLoopDelayMs > limits.maxEventLoopDelayMs;
}

export function loadLimitsFromEnvironment(env: Record<string, string | undefined>): LoadLimits {
  return {
    maxInFlight: nonNegativeInteger(env.LOAD_SHED_MAX_IN_FLIGHT) ?? DEFAULT_LOAD_LIMITS.maxInFlight,
    maxInFlightWrites: nonNegativeInteger(env.LOAD_SHED_MAX_IN_FLIGHT_WRITES) ?? DEFAULT_LOAD_LIMITS.maxInFlightWrites,
    maxEventLoopDelayMs:
      nonNegativeInteger(env.LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS) ?? DEFAULT_LOAD_LIMITS.maxEventLoopDelayMs,
  };
}

/**
 * How late the event loop has been running: a timer that should fire every `intervalMs`
 * measures its own lateness, averaged over the last second or so, so one long pause (a garbage
 * collection, a large JSON body) sheds nothing and a loop that stays late does.
 */
export function createEventLoopDelayMonitor(intervalMs = 100): { delayMs(): number; stop(): void } {
  let delay = 0;
  let expected = Date.now() + intervalMs;
  const timer = setInterval(() => {
    const now = Date.now();
    const late = Math.max(0, now - expected);
    delay = delay * 0.7 + late * 0.3;
    expected = now + intervalMs;
  }, intervalMs);
  timer.unref();
  return { delayMs: () => delay, stop: () => clearInterval(timer) };
}
