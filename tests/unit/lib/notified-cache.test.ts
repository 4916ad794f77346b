import { createNotifiedCache } from '../../../src/lib/notified-cache';

/** A loader counting its reads, answering `value` (changeable) and resolved when `release` is called. */
function loader(initial: string) {
  const state = { value: initial, reads: 0, gate: undefined as undefined | (() => void) };
  const load = async () => {
    state.reads += 1;
    if (state.gate) await new Promise<void>((resolve) => (state.gate = resolve));
    return state.value;
  };
  return { state, load };
}

describe('the notified cache', () => {
  it('reads the database every time until the listener is connected, then once', async () => {
    const cache = createNotifiedCache();
    const { state, load } = loader('fa');
    const read = cache.cached('store', load);
    expect([await read(), await read()]).toEqual(['fa', 'fa']);
    expect(state.reads).toBe(2);
    cache.setListening(true);
    expect([await read(), await read(), await read()]).toEqual(['fa', 'fa', 'fa']);
    expect(state.reads).toBe(3);
    expect(cache.stats()).toEqual({ hits: 2, misses: 3 });
  });

  it('reads again after a notification of its topic, not of another', async () => {
    const cache = createNotifiedCache();
    cache.setListening(true);
    const { state, load } = loader('fa');
    const read = cache.cached('store', load);
    await read();
    cache.notified('permissions');
    await read();
    expect(state.reads).toBe(1);
    state.value = 'en';
    cache.notified('store');
    expect(await read()).toBe('en');
    expect(await read()).toBe('en');
    expect(state.reads).toBe(2);
  });

  it('does not keep a value whose read overlapped a change', async () => {
    const cache = createNotifiedCache();
    cache.setListening(true);
    const { state, load } = loader('old');
    const read = cache.cached('permissions', load);
    state.gate = () => undefined;
    const pending = read();
    await Promise.resolve();
    cache.notified('permissions');
    state.gate?.();
    state.gate = undefined;
    expect(await pending).toBe('old');
    state.value = 'new';
    expect(await read()).toBe('new');
    expect(state.reads).toBe(2);
  });

  it("reads the database for a moment after this instance's own write, until its notification is surely in", async () => {
    let clock = 1000;
    const cache = createNotifiedCache({ now: () => clock, localWriteGraceMs: 2000 });
    cache.setListening(true);
    const { state, load } = loader('a');
    const read = cache.cached('permissions', load);
    await read();
    cache.writing('permissions');
    state.value = 'b';
    clock += 1500;
    expect([await read(), await read()]).toEqual(['b', 'b']);
    expect(state.reads).toBe(3);
    clock += 600;
    await read();
    await read();
    expect(state.reads).toBe(4);
  });

  it('forgets everything when the listener is lost, and reads the database meanwhile', async () => {
    const cache = createNotifiedCache();
    cache.setListening(true);
    const { state, load } = loader('a');
    const read = cache.cached('store', load);
    await read();
    cache.setListening(false);
    state.value = 'b';
    expect(await read()).toBe('b');
    expect(await read()).toBe('b');
    expect(state.reads).toBe(3);
    cache.setListening(true);
    await read();
    await read();
    expect(state.reads).toBe(4);
  });
});
