import type { Taint } from '../semantics/taint';
import type { Summary } from './file-summary';
import { incomingTaint, settle, type Globals, type SettleIo } from './project-rounds';
import { someName, type NamePool } from './summary';

/**
 * An editor's view of the project's globals after every hop (what analyzeAll's rounds learn), so a document analysed
 * alone sees a flow a → b → c as the batch run does. Kept until a change could alter it; a change that cannot (a
 * file that taints no global, reads none that is tainted and took no part in the rounds: most typing) keeps it, so
 * the typing path pays nothing for it.
 */
export class SettledGlobals {
  private state: { globals: Globals; participants: Set<string>; pvKey: string } | undefined;
  /** Files set, changed or removed since the state was built, with their summary then (undefined: not there). */
  private readonly pending = new Map<string, Summary | undefined>();
  /** Counts changes: one made while the rounds ran (a stored file found changed on disk) voids their result. */
  private generation = 0;

  constructor(
    private readonly pool: NamePool,
    private readonly io: () => SettleIo & { local(): Globals; summaryOf(path: string): Summary | undefined; pvKey(): string },
  ) {}

  /** Notes a change of `path`; `before` is its summary before the change (undefined if it had none). */
  changed(path: string, before: Summary | undefined): void {
    this.generation++;
    if (this.state && !this.pending.has(path)) this.pending.set(path, before);
  }

  /** Forgets everything (project variables changed, or a split run's globals took over). */
  reset(): void {
    this.state = undefined;
    this.pending.clear();
  }

  /** The settled globals, computed again only when a pending change may alter them. */
  globals(): Globals {
    return this.current().globals;
  }

  /** Whether the file was analysed in a round (it reads a global that some script taints, through any hops). */
  participates(path: string): boolean {
    return this.current().participants.has(path);
  }

  private current(): { globals: Globals; participants: Set<string> } {
    const io = this.io();
    if (this.state && (this.state.pvKey !== io.pvKey() || !this.pendingInert(io))) this.state = undefined;
    this.pending.clear();
    if (this.state) return this.state;
    const generation = this.generation;
    const state = { ...settle(io.local(), io), pvKey: io.pvKey() };
    if (generation === this.generation) this.state = state;
    return state;
  }

  /** True when no pending change can alter the settled globals: see the class comment. */
  private pendingInert(io: { summaryOf(path: string): Summary | undefined }): boolean {
    const state = this.state;
    if (!state) return false;
    for (const [path, before] of this.pending) {
      if (before && (before.writes.size > 0 || state.participants.has(path))) return false;
      const now = io.summaryOf(path);
      if (now && (now.writes.size > 0 || someName(this.pool, now.reads, (n) => state.globals.has(n)))) return false;
    }
    return true;
  }
}

/**
 * The globals a file's analysis with other scripts' globals looked up, and what it found: its result holds as long as
 * each lookup finds the same taint (the rounds re-analyse a file only when what it reads changed).
 */
export class Lookups {
  private readonly seen = new Map<string, { name: string; regionId: string; taint: Taint | undefined }>();

  record(name: string, regionId: string, taint: Taint | undefined): void {
    this.seen.set(`${regionId}\u0000${name}`, { name, regionId, taint });
  }

  holdIn(globals: Globals, self: string): boolean {
    for (const l of this.seen.values()) if (incomingTaint(globals, l.name, self, l.regionId) !== l.taint) return false;
    return true;
  }
}

/** A file's last analysis in a round: its writes, valid while its lookups hold and the project variables are the same. */
export interface IncomingMemo {
  pvKey: string;
  lookups: Lookups;
  writes: ReadonlyMap<string, Taint>;
}
