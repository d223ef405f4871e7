/**
 * The workspace's project variables, merged from every source on disk: the committed manifest
 * (`.jitterbit/project-variables.json`), project-variable components of Cloud Studio exports and Design Studio
 * `Data/ProjectVariable/*.xml` entities (read-only). Pure: hosts pass file texts in.
 */
import { readManifest } from '../engine/manifest';
import { loadSourceFile } from '../syntax/load-source-file';
import type { SourceFile } from '../syntax/source-file';
import { checkVariableName } from './names';

export type VariableSourceKind = 'manifest' | 'cloud-export' | 'design-studio';

/** One declaration of a project variable in one file. */
export interface VariableDeclaration {
  name: string;
  kind: VariableSourceKind;
  path: string;
  hidden: boolean;
  /** The tool never writes Design Studio entities (edit them in Design Studio). */
  readOnly: boolean;
  description?: string;
  /**
   * A clear-text value held by the file (a visible export value): never set for hidden variables, whose values
   * are encrypted in exports and belong in the vault.
   */
  value?: string;
  /** Non-secret values per environment (manifest only). */
  values?: Record<string, string>;
}

export interface ProjectVariable {
  /** Spelling of the manifest if it has the variable, else of the first source. */
  name: string;
  /** Hidden when any source hides it (the safe reading of a conflict). */
  hidden: boolean;
  description?: string;
  /** Non-secret values per environment from the manifest. */
  values: Record<string, string>;
  declarations: VariableDeclaration[];
  inManifest: boolean;
  /** Only Design Studio entities declare it. */
  readOnly: boolean;
}

export interface ModelProblem {
  path: string;
  message: string;
}

export interface ProjectVariableModel {
  environments: string[];
  variables: ProjectVariable[];
  problems: ModelProblem[];
}

/** Declarations held by a manifest text. */
export function manifestDeclarations(path: string, text: string): { environments: string[]; declarations: VariableDeclaration[]; problems: ModelProblem[] } {
  const m = readManifest(text);
  const problems = m.problems.map((message) => ({ path, message }));
  const declarations = m.variables.map<VariableDeclaration>((v) => {
    const d: VariableDeclaration = { name: v.name, kind: 'manifest', path, hidden: v.hidden, readOnly: false };
    if (v.description) d.description = v.description;
    if (v.values && !v.hidden) d.values = stringValues(v.values);
    if (v.values && v.hidden && Object.keys(v.values).length) problems.push({ path, message: `$${v.name} is hidden but the manifest holds values for it; move them to the vault.` });
    return d;
  });
  return { environments: m.environments, declarations, problems };
}

function stringValues(v: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** Declarations of project variables in a Cloud Studio export or a Design Studio entity (already loaded). */
export function sourceDeclarations(source: SourceFile): VariableDeclaration[] {
  if (source.kind !== 'cloud-studio-export' && source.kind !== 'design-studio-xml') return [];
  const kind: VariableSourceKind = source.kind === 'cloud-studio-export' ? 'cloud-export' : 'design-studio';
  const descriptions = kind === 'cloud-export' ? exportDescriptions(source.text) : new Map<string, string>();
  if (kind === 'design-studio') {
    // A ProjectVariable entity's `<Item key="description">` describes the entity's one variable.
    const d = source.data.find((x) => x.kind === 'ds-item' && x.name.toLowerCase() === 'description');
    const pv = source.data.find((x) => x.kind === 'project-variable');
    if (d && pv && d.value) descriptions.set(pv.name.toLowerCase(), d.value);
  }
  const out: VariableDeclaration[] = [];
  for (const d of source.data) {
    if (d.kind !== 'project-variable') continue;
    const decl: VariableDeclaration = { name: d.name, kind, path: source.path, hidden: d.hidden, readOnly: kind === 'design-studio' };
    const description = descriptions.get(d.name.toLowerCase());
    if (description) decl.description = description;
    if (!d.hidden && d.value !== '') decl.value = d.value;
    out.push(decl);
  }
  return out;
}

/** Declarations of any file by its text (the host decides which files to pass: exports and entities). */
export function fileDeclarations(path: string, text: string): VariableDeclaration[] {
  return sourceDeclarations(loadSourceFile(path, text));
}

/** `description` of project-variable components (type 1000, or under `projectVariables`), by lower-case name. */
function exportDescriptions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return out;
  }
  const stack: { node: unknown; underPv: boolean }[] = [{ node: json, underPv: false }];
  while (stack.length) {
    const { node, underPv } = stack.pop() as { node: unknown; underPv: boolean };
    if (Array.isArray(node)) {
      for (const x of node) stack.push({ node: x, underPv });
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const o = node as Record<string, unknown>;
    if ((underPv || o.type === 1000) && typeof o.name === 'string' && typeof o.description === 'string') out.set(o.name.toLowerCase(), o.description);
    for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object') stack.push({ node: v, underPv: k === 'projectVariables' });
  }
  return out;
}

/**
 * Merges every declaration into one variable per name (case-insensitive, like the core). Notes conflicts of the
 * hidden flag and names that break Jitterbit's rules as problems; the manifest's environments win, else
 * `fallbackEnvironments`, else `default`.
 */
export function mergeProjectVariables(input: {
  manifest?: { path: string; text: string };
  declarations: VariableDeclaration[];
  fallbackEnvironments?: string[];
}): ProjectVariableModel {
  const problems: ModelProblem[] = [];
  let environments: string[] = [];
  const all: VariableDeclaration[] = [];
  if (input.manifest) {
    const m = manifestDeclarations(input.manifest.path, input.manifest.text);
    environments = m.environments;
    problems.push(...m.problems);
    all.push(...m.declarations);
    const seen = new Set<string>();
    for (const d of m.declarations) {
      const k = d.name.toLowerCase();
      if (seen.has(k)) problems.push({ path: d.path, message: `$${d.name} is listed twice in the manifest.` });
      seen.add(k);
    }
  }
  all.push(...input.declarations);
  if (environments.length === 0) environments = input.fallbackEnvironments?.filter((e) => e.trim() !== '') ?? [];
  if (environments.length === 0) environments = ['default'];
  environments = [...new Set(environments)];

  const byName = new Map<string, VariableDeclaration[]>();
  for (const d of all) {
    const k = d.name.toLowerCase();
    const list = byName.get(k) ?? [];
    list.push(d);
    byName.set(k, list);
  }
  const variables: ProjectVariable[] = [];
  for (const decls of byName.values()) {
    const manifest = decls.find((d) => d.kind === 'manifest');
    const first = manifest ?? decls[0];
    const hidden = decls.some((d) => d.hidden);
    if (hidden && decls.some((d) => !d.hidden)) {
      const visible = decls.filter((d) => !d.hidden).map((d) => d.path);
      problems.push({ path: visible[0], message: `$${first.name} is hidden elsewhere but not in ${visible.join(', ')}; it is treated as hidden.` });
    }
    const check = checkVariableName(first.name);
    if (!check.ok) problems.push({ path: first.path, message: check.problem as string });
    const v: ProjectVariable = {
      name: first.name,
      hidden,
      values: hidden ? {} : { ...(manifest?.values ?? {}) },
      declarations: decls,
      inManifest: manifest !== undefined,
      readOnly: decls.every((d) => d.readOnly),
    };
    const description = manifest?.description ?? decls.find((d) => d.description)?.description;
    if (description) v.description = description;
    variables.push(v);
  }
  variables.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return { environments, variables, problems };
}
