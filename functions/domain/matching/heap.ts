/**
 * A binary min-heap of node indices 0 … capacity − 1 with decrease-key, for the assignment's
 * Dijkstra searches (both directions use one). The keys live outside the heap, in the search's own
 * distance array, so a label is written once and the heap only orders indices by it: set
 * `key[node]`, then {@link IndexedHeap.push} a new node or {@link IndexedHeap.decrease} one already
 * queued whose key went down. All storage is allocated once; {@link IndexedHeap.clear} empties the
 * heap in O(1), so a solver can run thousands of short searches without allocating.
 */
export class IndexedHeap {
  /** Number of queued nodes. */
  size = 0;
  private readonly nodes: Int32Array;
  private readonly at: Int32Array;
  private readonly key: Float64Array;

  constructor(capacity: number, key: Float64Array) {
    this.nodes = new Int32Array(capacity);
    this.at = new Int32Array(capacity);
    this.key = key;
  }

  clear(): void {
    this.size = 0;
  }

  /** The queued node with the smallest key (ties: any); only when size > 0. */
  top(): number {
    return this.nodes[0] as number;
  }

  /** Queues `node`, which must not be queued, at its current key. */
  push(node: number): void {
    this.up(this.size++, node, this.key[node] as number);
  }

  /** Moves a queued `node` up after its key was lowered. */
  decrease(node: number): void {
    this.up(this.at[node] as number, node, this.key[node] as number);
  }

  /** Removes the top node. */
  pop(): void {
    const { nodes, at, key } = this;
    const size = --this.size;
    if (size === 0) return;
    const last = nodes[size] as number;
    const k = key[last] as number;
    const half = size >> 1;
    let pos = 0;
    while (pos < half) {
      let c = 2 * pos + 1;
      let cn = nodes[c] as number;
      let ck = key[cn] as number;
      const r = c + 1;
      if (r < size) {
        const rn = nodes[r] as number;
        const rk = key[rn] as number;
        if (rk < ck) {
          c = r;
          cn = rn;
          ck = rk;
        }
      }
      if (ck >= k) break;
      nodes[pos] = cn;
      at[cn] = pos;
      pos = c;
    }
    nodes[pos] = last;
    at[last] = pos;
  }

  private up(from: number, node: number, k: number): void {
    const { nodes, at, key } = this;
    let pos = from;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pn = nodes[parent] as number;
      if ((key[pn] as number) <= k) break;
      nodes[pos] = pn;
      at[pn] = pos;
      pos = parent;
    }
    nodes[pos] = node;
    at[node] = pos;
  }
}
