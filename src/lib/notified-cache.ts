/**
 * Values read from the database on every request (the public role's permissions, the default
 * locale) kept in memory for as long as PostgreSQL says nothing changed: a trigger on their
 * tables sends a notification on every write, from any instance or any SQL client, and each
 * instance listens (src/bootstrap/shared-caches.ts). This module is the bookkeeping, without
 * the database: topics, generations and when a cached value may be used.
 *
 * A value is used only when all of these hold:
 * - the listener is connected (without it nothing would tell us of a change);
 * - no notification for its topic arrived since its read started (a generation per topic: a
 *   read that overlaps a change is returned to its caller but not kept);
 * - this instance wrote to the topic's tables more than `localWriteGraceMs` ago: its own write
 *   is notified only after its transaction commits, so until then, and for a moment after, it
 *   reads the database (a client that saw its change answered must not get the old value).
 */
export interface NotifiedCache {
  /** `load`, with its result kept until the topic changes. */
  cached<T>(topic: string, load: () => Promise<T>): () => Promise<T>;
  /** A notification arrived for the topic: forget its values. */
  notified(topic: string): void;
  /** This instance is writing the topic's tables (its notification follows the commit). */
  writing(topic: string): void;
  /** Whether the listener is connected; when it is not, every read goes to the database. */
  setListening(listening: boolean): void;
  /** Reads answered from memory and from the database, for the benchmark and the tests. */
  stats(): { hits: number; misses: number };
}

interface Topic {
  generation: number;
  localWriteAt: number;
}

export function createNotifiedCache({
  now = Date.now,
  localWriteGraceMs = 2000,
}: {
  now?: () => number;
  localWriteGraceMs?: number;
} = {}): NotifiedCache {
  const topics = new Map<string, Topic>();
  let listening = false;
  let hits = 0;
  let misses = 0;

  const topicOf = (name: string): Topic => {
    let topic = topics.get(name);
    if (!topic) {
      topic = { generation: 0, localWriteAt: Number.NEGATIVE_INFINITY };
      topics.set(name, topic);
    }
    return topic;
  };

  return {
    cached<T>(name: string, load: () => Promise<T>) {
      const topic = topicOf(name);
      let kept: { generation: number; value: Promise<T> } | undefined;
      return async () => {
        const usable = listening && now() - topic.localWriteAt > localWriteGraceMs;
        if (usable && kept && kept.generation === topic.generation) {
          hits += 1;
          return kept.value;
        }
        misses += 1;
        const generation = topic.generation;
        const value = await load();
        if (usable && generation === topic.generation && now() - topic.localWriteAt > localWriteGraceMs) {
          kept = { generation, value: Promise.resolve(value) };
        }
        return value;
      };
    },
    notified(name) {
      topicOf(name).generation += 1;
    },
    writing(name) {
      const topic = topicOf(name);
      topic.generation += 1;
      topic.localWriteAt = now();
    },
    setListening(value) {
      if (value === listening) return;
      listening = value;
      // Whatever was kept may have changed while nobody listened.
      for (const topic of topics.values()) topic.generation += 1;
    },
    stats: () => ({ hits, misses }),
  };
}
