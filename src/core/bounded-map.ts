/**
 * A map that never holds more than `limit` entries: adding one to a full map empties it first.
 * The engine's caches (src/core/caches.ts) are these, so none grows without bound however many
 * distinct cells a workbook holds; one check's working set (a plan's distinct due texts, fills,
 * due days) is far below every limit, so in practice nothing is dropped.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`A cache limit must be 1 or more: ${limit}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, value);
  }
}
