import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/scripts');
/** The shared docs corpus next to the repository (`../shared`), when this checkout has it. */
export const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus/docs-examples');

export interface ScriptFile {
  name: string;
  text: string;
}

export function readScripts(dir: string): ScriptFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jb'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

export function fixtures(): ScriptFile[] {
  return readScripts(FIXTURE_DIR);
}

/** A realistic script of about `lines` lines built from the fixtures' bodies (for size-scaling tests). */
export function realisticScript(lines: number): string {
  const bodies = fixtures()
    .filter((f) => !f.name.startsWith('invalid-') && !f.name.startsWith('outside-'))
    .map((f) => f.text.replace('<trans>', '').replace('</trans>', '').trim());
  const out: string[] = ['<trans>'];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const body = `${bodies[i % bodies.length]};`;
    out.push(body);
    count += body.split('\n').length;
  }
  out.push('</trans>');
  return out.join('\n');
}
