/**
 * Jitterbit's naming rules for project variables (reference §a.5, §d): no spaces, hyphens or parentheses; the
 * name lives in the one global namespace shared by project variables, globals and `$jitterbit.*` variables, so
 * it must be unique there (compared case-insensitively, like the core's name resolution).
 */

/** Letters, digits, `_` and `.` (dots are legal for globals but force `Jitterbit.GetVar` in JavaScript). */
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export interface NameCheck {
  ok: boolean;
  /** Why the name is refused (first problem found), for the user. */
  problem?: string;
  /** Advice that does not block, e.g. a dotted name needs `Jitterbit.GetVar` in JavaScript. */
  warning?: string;
}

/**
 * Checks a project-variable name. `taken` holds every name of the global namespace (globals, project variables,
 * `jitterbit.*`), in any case; `except` is the variable's current name when renaming it.
 */
export function checkVariableName(raw: string, taken: Iterable<string> = [], except?: string): NameCheck {
  const name = raw.startsWith('$') ? raw.slice(1) : raw;
  if (name.length === 0) return { ok: false, problem: 'A project variable needs a name.' };
  if (/\s/.test(name)) return { ok: false, problem: `"${name}" contains a space; Jitterbit project variable names may not.` };
  if (name.includes('-')) return { ok: false, problem: `"${name}" contains a hyphen; Jitterbit project variable names may not (use _).` };
  if (/[()]/.test(name)) return { ok: false, problem: `"${name}" contains a parenthesis; Jitterbit project variable names may not.` };
  if (/^jitterbit\./i.test(name) || name.toLowerCase() === 'jitterbit') {
    return { ok: false, problem: `"${name}" is in the reserved jitterbit.* namespace of Jitterbit variables.` };
  }
  if (!NAME.test(name)) return { ok: false, problem: `"${name}" must start with a letter or _ and hold only letters, digits, _ and dots.` };
  if (name.endsWith('.') || name.includes('..')) return { ok: false, problem: `"${name}" has an empty dotted part.` };
  const lower = name.toLowerCase();
  const mine = except?.replace(/^\$/, '').toLowerCase();
  for (const t of taken) {
    const other = t.replace(/^\$/, '').toLowerCase();
    if (other === lower && other !== mine) {
      return { ok: false, problem: `$${name} already exists; project variables, globals and Jitterbit variables share one namespace.` };
    }
  }
  if (name.includes('.')) return { ok: true, warning: `$${name} has dots: JavaScript must read it with Jitterbit.GetVar("$${name}").` };
  return { ok: true };
}
