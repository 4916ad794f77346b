import { DEFAULT_LOAD_LIMITS, loadLimitsFromEnvironment, shouldShed } from '../../../src/lib/load-shedding';

const limits = { maxInFlight: 100, maxInFlightWrites: 10, maxEventLoopDelayMs: 500 };

describe('shouldShed', () => {
  test('a quiet server takes everything', () => {
    expect(shouldShed({ inFlight: 1, eventLoopDelayMs: 0, isPublicWrite: true }, limits)).toBe(false);
    expect(shouldShed({ inFlight: 1, eventLoopDelayMs: 0, isPublicWrite: false }, limits)).toBe(false);
  });

  test('public writes are refused first, reads keep being served', () => {
    expect(shouldShed({ inFlight: 11, eventLoopDelayMs: 0, isPublicWrite: true }, limits)).toBe(true);
    expect(shouldShed({ inFlight: 11, eventLoopDelayMs: 0, isPublicWrite: false }, limits)).toBe(false);
    expect(shouldShed({ inFlight: 10, eventLoopDelayMs: 0, isPublicWrite: true }, limits)).toBe(false);
  });

  test('a late event loop refuses writes only', () => {
    expect(shouldShed({ inFlight: 2, eventLoopDelayMs: 501, isPublicWrite: true }, limits)).toBe(true);
    expect(shouldShed({ inFlight: 2, eventLoopDelayMs: 5000, isPublicWrite: false }, limits)).toBe(false);
  });

  test('beyond the overall bound everything is refused', () => {
    expect(shouldShed({ inFlight: 101, eventLoopDelayMs: 0, isPublicWrite: false }, limits)).toBe(true);
  });

  test('0 turns a bound off', () => {
    const off = { maxInFlight: 0, maxInFlightWrites: 0, maxEventLoopDelayMs: 0 };
    expect(shouldShed({ inFlight: 1e6, eventLoopDelayMs: 1e6, isPublicWrite: true }, off)).toBe(false);
  });
});

describe('loadLimitsFromEnvironment', () => {
  test('defaults, overrides and nonsense', () => {
    expect(loadLimitsFromEnvironment({})).toEqual(DEFAULT_LOAD_LIMITS);
    expect(
      loadLimitsFromEnvironment({
        LOAD_SHED_MAX_IN_FLIGHT: '0',
        LOAD_SHED_MAX_IN_FLIGHT_WRITES: '7',
        LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: 'soon',
      }),
    ).toEqual({ maxInFlight: 0, maxInFlightWrites: 7, maxEventLoopDelayMs: DEFAULT_LOAD_LIMITS.maxEventLoopDelayMs });
  });
});
