import type { IrVar } from './ir';
import type { StateWrite } from './flow-memo';
import type { Taint } from './taint';

/**
 * Fields of containers (`d["host"]`, `cfg.clientSecret`): besides a container's own taint (what logging the whole
 * container leaks), the state holds, under keys no variable can have, the taint of each named field written and the
 * taint of everything else in it (the unnamed rest: unnamed writes, the value it was made from). They live in the
 * same maps as variables, so the incremental pass records and replays them with the rest.
 */
export const SHAPE = '\u0000';
export const fieldSuffix = (prop: string): string => `\u0000${prop}`;

/** The variable state of one flow pass: locals and globals by key (fields of containers included). */
export class FlowState {
  readonly locals = new Map<string, Taint | undefined>();
  readonly globals = new Map<string, Taint | undefined>();
  /** Every write in order, when recording for the next incremental pass (see flow-memo.ts). */
  readonly writes: StateWrite[] = [];

  constructor(private readonly recording: boolean) {}

  set(global: boolean, key: string, t: Taint | undefined): void {
    this.put(global, key, t);
    if (this.recording) this.writes.push({ global, key, taint: t });
  }

  /** A write of an earlier pass replayed (the caller records it). */
  put(global: boolean, key: string, t: Taint | undefined): void {
    (global ? this.globals : this.locals).set(key, t);
  }

  private key(v: IrVar, suffix: string): string {
    return (v.scope === 'local' ? v.name : v.name.toLowerCase()) + suffix;
  }

  has(v: IrVar, suffix: string): boolean {
    return (v.scope === 'local' ? this.locals : this.globals).has(this.key(v, suffix));
  }

  get(v: IrVar, suffix: string): Taint | undefined {
    return (v.scope === 'local' ? this.locals : this.globals).get(this.key(v, suffix));
  }

  setField(v: IrVar, suffix: string, t: Taint | undefined): void {
    this.set(v.scope === 'global', this.key(v, suffix), t);
  }

  /** The container's fields are kept apart. */
  hasShape(v: IrVar): boolean {
    return this.has(v, SHAPE);
  }
}
