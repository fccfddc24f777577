/**
 * The last few values worked out for objects, found by identity. For the engine's per-send
 * memos (prepared first hops, agent keys): a batch sends one resolved spec object thousands of
 * times, while a run with per-send values (data rows, `{{$uuid}}`) sends a fresh object each time.
 * A WeakMap would take an entry per fresh object, and that churn keeps objects alive across
 * scavenges (measured: +40 % peak heap on such a run); eight plain slots cost nothing either way.
 */
export class RecentByIdentity<K extends object, V> {
  private readonly keys: Array<K | undefined>;
  private readonly values: Array<V | undefined>;
  private next = 0;

  constructor(private readonly size = 8) {
    this.keys = new Array<K | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
  }

  get(key: K): V | undefined {
    for (let i = 0; i < this.size; i++) if (this.keys[i] === key) return this.values[i];
    return undefined;
  }

  /** Remembers `value` for `key`, in place of the oldest entry. */
  set(key: K, value: V): void {
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
  }
}
