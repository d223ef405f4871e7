import { extractComponentRefs } from '../syntax/component-refs';
import type { Ir } from './ir';

/**
 * `RunScript("<TAG>script:Name</TAG>", a, b)` passes its arguments to the called script as the locals `_1`, `_2`, …
 * (or to the names its `ArgumentList(x, y)` gives them). Across scripts they travel like globals, under a key no
 * variable can have (`run:name#1`), so the project's exchange of tainted globals carries them too.
 */
export function runScriptArgKey(scriptName: string, index: number): string {
  return `run:${scriptKey(scriptName)}#${index}`;
}

/**
 * A script's name as `RunScript` and the called script's file are matched: case, and how words are separated
 * (`<TAG>script:HR Log</TAG>` runs `hr-log.jb` or `HR_Log.jb`), do not matter.
 */
export function scriptKey(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, ' ').trim();
}

/**
 * What a script returns to `RunScript` (a Jitterbit Script's last statement's value, JavaScript's `SetScriptResult`)
 * travels back the same way, under `ret:name`.
 */
export function runScriptResultKey(scriptName: string): string {
  return `ret:${scriptKey(scriptName)}`;
}

/**
 * Every script says, under `has:name`, that the project has it (a marker without taint). A `RunScript` of a script
 * without it is of a script the project does not have: its result is taken to carry its arguments, as any function's
 * whose body the analysis cannot see.
 */
export function runScriptKnownKey(scriptName: string): string {
  return `has:${scriptKey(scriptName)}`;
}

/** True for a `runScriptResultKey`. */
export function isRunScriptResultKey(key: string): boolean {
  return key.startsWith('ret:');
}

/** The argument index of a `runScriptArgKey`, or undefined for any other key. */
export function runScriptArgIndex(key: string): number | undefined {
  if (!key.startsWith('run:')) return undefined;
  const hash = key.lastIndexOf('#');
  return hash > 0 ? Number(key.slice(hash + 1)) : undefined;
}

/**
 * The script a `RunScript` call names in its first argument, if it is a literal reference: Cloud Studio's
 * `<TAG>script:Name</TAG>`, Design Studio's `<TAG>Scripts/Folder/Name</TAG>` (the name) or `sc.<uuid>` (the uuid,
 * which names the script's file).
 */
export function runScriptTarget(first: Ir | undefined): string | undefined {
  if (!first || first.k !== 'lit' || typeof first.value !== 'string') return undefined;
  for (const r of extractComponentRefs(first.value)) {
    if (r.kind === 'script' || r.kind === 'script-uuid') return r.name;
    if (r.kind === 'design-studio' && /^scripts\//i.test(r.name)) return r.name.slice(r.name.lastIndexOf('/') + 1).trim() || undefined;
  }
  return undefined;
}

/** `_1`, `_2`, …: the index of the argument a local of that name holds. */
export function argumentIndex(localName: string): number | undefined {
  if (localName.charCodeAt(0) !== 95 /* _ */) return undefined; // most locals: no regex on the way
  const m = /^_(\d{1,3})$/.exec(localName);
  return m ? Number(m[1]) : undefined;
}
