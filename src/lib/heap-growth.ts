import v8 from 'node:v8';
import { nonNegativeInteger } from './environment';

/**
 * How far V8 lets the old generation grow past what survived the last full collection.
 *
 * Left to itself, V8 picks a factor of up to 4 on a machine with gigabytes free: under the
 * list of 25 at 20 clients the heap reached 600 MB (RSS 705 MB) while 150–250 MB of it was
 * live, the rest answers already sent. A fixed factor of 2 held RSS at 420 MB for 6–12 % of the
 * throughput; 1.5 held 350 MB for about 13 % (BENCHMARKS.md, *Memory*).
 * `HEAP_GROWING_PERCENT=0` gives the choice back to V8.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 100;

/** The V8 flag for the environment's setting, or null to leave V8's own heuristics alone. */
export function heapGrowingFlag(env: NodeJS.ProcessEnv): string | null {
  const percent = nonNegativeInteger(env.HEAP_GROWING_PERCENT) ?? DEFAULT_HEAP_GROWING_PERCENT;
  return percent === 0 ? null : `--heap-growing-percent=${percent}`;
}

/**
 * Applies the setting to this process. V8 reads the flag each time it sets the next collection's
 * limit, so setting it after start-up takes effect from the next full collection on.
 */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const flag = heapGrowingFlag(env);
  if (flag) v8.setFlagsFromString(flag);
}
