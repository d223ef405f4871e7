import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from '../../../core/src/syntax/text';
import type { ScriptRegion, SourceFile } from '../../../core/src/syntax/source-file';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'hosts');

export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

/** Host position (0-based line and UTF-16 column) of region offset `offset`. */
export function hostPosition(file: SourceFile, region: ScriptRegion, offset: number): Position {
  return file.lines.positionAt(region.map.toHost(offset));
}

/** Offset in the region text of the `nth` (0-based) occurrence of `needle`; fails loudly when absent. */
export function offsetIn(region: ScriptRegion, needle: string, nth = 0): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = region.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} #${nth} not in region ${region.id}`);
  }
  return at;
}

export function regionById(file: SourceFile, id: string): ScriptRegion {
  const r = file.regions.find((x) => x.id === id);
  if (!r) throw new Error(`no region ${id}; have ${file.regions.map((x) => x.id).join(', ')}`);
  return r;
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
