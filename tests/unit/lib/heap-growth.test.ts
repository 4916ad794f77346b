import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingFlag } from '../../../src/lib/heap-growth';

describe('heapGrowingFlag', () => {
  it('fixes the growth at the default when nothing is set', () => {
    expect(heapGrowingFlag({})).toBe(`--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`);
  });

  it('takes the percent the environment gives', () => {
    expect(heapGrowingFlag({ HEAP_GROWING_PERCENT: '50' })).toBe('--heap-growing-percent=50');
  });

  it('leaves V8 its own heuristics for 0', () => {
    expect(heapGrowingFlag({ HEAP_GROWING_PERCENT: '0' })).toBeNull();
  });

  it.each(['-1', '1.5', 'lots', '  '])('keeps the default for %j', (value) => {
    expect(heapGrowingFlag({ HEAP_GROWING_PERCENT: value })).toBe(
      `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`,
    );
  });
});
