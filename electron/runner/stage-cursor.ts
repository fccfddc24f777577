import type { DependencyGraph } from './dependency-graph';

/** One planned send: which pass of the stage and which of its requests. */
export interface StageItem {
  readonly pass: number;
  readonly index: number;
}

/** What a worker gets when it asks for work. */
export type Next = { readonly kind: 'item'; readonly item: StageItem } | { readonly kind: 'wait' } | { readonly kind: 'end' };

/** What a finished producer left for the consumers of its pass. */
export interface ProducerOutcome {
  readonly ok: boolean;
  readonly values: ReadonlyMap<string, string>;
  readonly reason: string;
}

interface PassState {
  readonly outcomes: Map<number, ProducerOutcome>;
  /** Values extracted in this pass: they win over run-wide runtime values for the pass's consumers. */
  readonly runtime: Map<string, string>;
  remaining: number;
}

/**
 * Hands out a stage's items in saved order (pass by pass) to its workers. When the stage has a
 * wait-for graph, an item whose producers in the same pass have not finished is held back and
 * later items go first; it is released as soon as its producers are done (failed ones included,
 * so a failed producer never deadlocks its consumers).
 */
export class StageCursor {
  private nextPass = 0;
  private nextIndex = 0;
  private readonly blocked: StageItem[] = [];
  private readonly passes = new Map<number, PassState>();

  constructor(
    private readonly passCount: number,
    private readonly requestCount: number,
    private readonly graph: DependencyGraph | undefined,
  ) {}

  /** Total items of the stage. */
  get total(): number {
    return this.passCount * this.requestCount;
  }

  /** The next item that may start now. */
  next(): Next {
    for (let i = 0; i < this.blocked.length; i++) {
      const item = this.blocked[i];
      if (item !== undefined && this.isReady(item)) {
        this.blocked.splice(i, 1);
        return { kind: 'item', item };
      }
    }
    while (this.nextPass < this.passCount) {
      const item = { pass: this.nextPass, index: this.nextIndex };
      if (++this.nextIndex >= this.requestCount) {
        this.nextIndex = 0;
        this.nextPass++;
      }
      if (this.isReady(item)) return { kind: 'item', item };
      this.blocked.push(item);
    }
    return this.blocked.length > 0 ? { kind: 'wait' } : { kind: 'end' };
  }

  /** False when no item waits for another: completions need not be recorded. */
  get tracksOutcomes(): boolean {
    return this.graph !== undefined && this.graph.hasEdges;
  }

  /** Values extracted so far in an item's pass (empty without a graph). */
  passRuntime(pass: number): ReadonlyMap<string, string> | undefined {
    return this.passes.get(pass)?.runtime;
  }

  /** The producers of an item that failed to deliver, with why. */
  failedProducers(item: StageItem): Array<{ index: number; variable: string; reason: string }> {
    if (!this.tracksOutcomes) return [];
    const state = this.passes.get(item.pass);
    const out: Array<{ index: number; variable: string; reason: string }> = [];
    for (const p of this.graph?.producers[item.index] ?? []) {
      const outcome = state?.outcomes.get(p.index);
      if (outcome !== undefined && (!outcome.ok || !outcome.values.has(p.variable))) out.push({ ...p, reason: outcome.reason });
    }
    return out;
  }

  /** Records a finished item of the stage. */
  complete(item: StageItem, outcome: ProducerOutcome): void {
    if (this.graph === undefined || !this.graph.hasEdges) return;
    const state = this.pass(item.pass);
    state.outcomes.set(item.index, outcome);
    for (const [k, v] of outcome.values) state.runtime.set(k, v);
    // Forget a pass once all its items are done, so long runs keep constant memory.
    if (--state.remaining === 0) this.passes.delete(item.pass);
  }

  private isReady(item: StageItem): boolean {
    const producers = this.graph?.producers[item.index];
    if (producers === undefined || producers.length === 0) return true;
    const state = this.passes.get(item.pass);
    if (state === undefined) return false;
    return producers.every((p) => state.outcomes.has(p.index));
  }

  private pass(pass: number): PassState {
    let state = this.passes.get(pass);
    if (state === undefined) {
      state = { outcomes: new Map(), runtime: new Map(), remaining: this.requestCount };
      this.passes.set(pass, state);
    }
    return state;
  }
}
