/**
 * Rename a project variable everywhere it is written: Jitterbit Script `$name` and `Get("name")`, JavaScript
 * `$name` and `Jitterbit.GetVar("$name")`, the declarations of Cloud Studio exports (`"name": "…"`), `[name]`
 * references inside export values, and the manifest. Each reference is re-encoded for its form: a dotted new
 * name turns a JavaScript `$name` read into `Jitterbit.GetVar("$new.name")` (a dotted `$a.b` is property access).
 */
import type { VariableOccurrence } from '../engine/project-api';
import { loadSourceFile } from '../syntax/load-source-file';
import type { ScriptRegion, SourceFile } from '../syntax/source-file';
import { editManifest, ManifestEditError } from './manifest-doc';
import { checkVariableName } from './names';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface RenameInput {
  oldName: string;
  newName: string;
  /** Texts of every file that may hold a reference: files with occurrences, exports, the manifest. */
  files: { path: string; text: string }[];
  /** The core's occurrences of the old name (ProjectApi.variableOccurrences). */
  occurrences: VariableOccurrence[];
  /** Every name of the global namespace (for the uniqueness check). */
  taken: string[];
  /** Path of the manifest, when it exists. */
  manifestPath?: string;
}

export interface RenameResult {
  /** Edits per file, sorted by offset, non-overlapping; empty when `problems` is not. */
  edits: Map<string, OffsetEdit[]>;
  /** Reasons the rename cannot be done (nothing should be applied then). */
  problems: string[];
}

function regionAt(source: SourceFile, offset: number): ScriptRegion | undefined {
  for (const r of source.regions) {
    const start = r.map.toHost(0);
    const end = r.map.toHost(r.text.length);
    if (offset >= start && offset <= end) return r;
  }
  return undefined;
}

function quoteFor(region: ScriptRegion | undefined, s: string): string {
  // The replacement sits inside the host's encoding of the script: a JSON string needs its quotes escaped.
  return region?.encoding === 'json-string' ? s.replace(/"/g, '\\"') : s;
}

export function renameVariableEdits(input: RenameInput): RenameResult {
  const problems: string[] = [];
  const oldName = input.oldName.replace(/^\$/, '');
  const newName = input.newName.replace(/^\$/, '');
  const check = checkVariableName(newName, input.taken, oldName);
  if (!check.ok) return { edits: new Map(), problems: [check.problem as string] };
  const lowerOld = oldName.toLowerCase();
  const texts = new Map(input.files.map((f) => [f.path, f.text]));
  const sources = new Map<string, SourceFile>();
  const sourceOf = (path: string): SourceFile | undefined => {
    const text = texts.get(path);
    if (text === undefined) return undefined;
    let s = sources.get(path);
    if (!s) {
      s = loadSourceFile(path, text);
      sources.set(path, s);
    }
    return s;
  };
  const edits = new Map<string, OffsetEdit[]>();
  const add = (path: string, e: OffsetEdit): void => {
    const list = edits.get(path) ?? [];
    if (!list.some((x) => x.start === e.start && x.end === e.end)) list.push(e);
    edits.set(path, list);
  };
  const dotted = newName.includes('.');

  for (const o of input.occurrences) {
    if (o.name.toLowerCase() !== lowerOld) continue;
    if (o.path === input.manifestPath) continue;
    const text = texts.get(o.path);
    const source = sourceOf(o.path);
    if (text === undefined || !source) {
      problems.push(`${o.path} could not be read, so its references to $${oldName} cannot be renamed.`);
      continue;
    }
    if (o.form === 'data') {
      if (source.kind === 'design-studio-xml') {
        problems.push(`$${oldName} is declared by the Design Studio entity ${o.path}, which is read-only here: rename it in Design Studio.`);
        continue;
      }
      const at = exportNameAt(text, oldName, o.start);
      if (at === undefined) problems.push(`The declaration of $${oldName} in ${o.path} was not found.`);
      else add(o.path, { start: at, end: at + oldName.length, newText: newName });
      continue;
    }
    const region = regionAt(source, o.start);
    const js = region?.language === 'javascript' || (region === undefined && source.kind === 'jitterbit-javascript');
    if (o.form === 'dollar' && js && dotted) {
      const hasDollar = text[o.start - 1] === '$';
      if (o.access !== 'read' || !hasDollar) {
        problems.push(`${o.path}: JavaScript assigns $${oldName} directly; a dotted name ($${newName}) would need Jitterbit.SetVar there. Choose a name without dots.`);
        continue;
      }
      add(o.path, { start: o.start - 1, end: o.end, newText: quoteFor(region, `Jitterbit.GetVar("$${newName}")`) });
      continue;
    }
    add(o.path, { start: o.start, end: o.end, newText: newName });
  }

  // `[name]` references in export values (credential fields, URLs): data, not script, so no occurrence covers them.
  for (const [path] of texts) {
    if (path === input.manifestPath) continue;
    const source = sourceOf(path);
    if (!source || source.kind !== 'cloud-studio-export') continue;
    const scripts = source.regions.map((r) => [r.map.toHost(0), r.map.toHost(r.text.length)] as const);
    const text = source.text;
    const re = /\[([A-Za-z_][A-Za-z0-9_.]*)\]/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[1].toLowerCase() !== lowerOld) continue;
      const start = m.index + 1;
      // Inside a script, `[name]` is an index expression, not a project-variable reference.
      if (scripts.some(([a, b]) => start >= a && start <= b)) continue;
      add(path, { start, end: start + m[1].length, newText: newName });
    }
  }

  if (input.manifestPath !== undefined) {
    const text = texts.get(input.manifestPath);
    if (text !== undefined) {
      try {
        const next = editManifest(text, { kind: 'rename', name: oldName, newName });
        add(input.manifestPath, { start: 0, end: text.length, newText: next });
      } catch (e) {
        // Not in the manifest: nothing to rename there; any other manifest problem blocks the rename.
        if (!(e instanceof ManifestEditError) || !/is not in the project-variables manifest/.test(e.message)) problems.push(e instanceof Error ? e.message : String(e));
      }
    }
  }
  if (problems.length) return { edits: new Map(), problems };
  for (const list of edits.values()) list.sort((a, b) => a.start - b.start);
  return { edits, problems };
}

/**
 * Offset of the `"name": "<old>"` string value nearest to `near` (a project-variable declaration's value or name
 * offset in a Cloud Studio export).
 */
export function exportNameAt(text: string, name: string, near: number): number | undefined {
  const re = /"name"\s*:\s*"([^"\\]*)"/g;
  let best: number | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1].toLowerCase() !== name.toLowerCase()) continue;
    const at = m.index + m[0].length - 1 - m[1].length;
    if (best === undefined || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}
