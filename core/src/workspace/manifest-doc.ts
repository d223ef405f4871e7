/**
 * Edits of the committed manifest `.jitterbit/project-variables.json` (see core/schema/project-variables.schema.json):
 * text in, text out, so hosts apply the result as one workspace edit (undoable, atomic with the script edit).
 * Unknown keys are kept. Secret values never enter the manifest: `values` of a hidden variable are refused.
 */
import { checkVariableName } from './names';

export interface ManifestVariableInput {
  name: string;
  description?: string;
  hidden: boolean;
  /** Non-secret values per environment (refused for hidden variables). */
  values?: Record<string, string>;
}

/** An edit the manifest cannot take (invalid JSON, unknown variable, a value on a hidden variable). */
export class ManifestEditError extends Error {}

export type ManifestOp =
  | { kind: 'add'; variable: ManifestVariableInput; taken?: string[] }
  | { kind: 'remove'; name: string }
  | { kind: 'rename'; name: string; newName: string }
  | { kind: 'setHidden'; name: string; hidden: boolean }
  | { kind: 'setDescription'; name: string; description: string }
  | { kind: 'setValue'; name: string; environment: string; value: string | undefined }
  | { kind: 'addEnvironment'; name: string };

type Json = Record<string, unknown>;

export const MANIFEST_SCHEMA_ID = 'https://jitterbit-guard.dev/schema/project-variables.schema.json';

function parse(text: string | undefined): Json {
  if (text === undefined || text.trim() === '') return { environments: ['default'], variables: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ManifestEditError(`The project-variables manifest is not valid JSON (${e instanceof Error ? e.message : 'parse error'}); fix it first.`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ManifestEditError('The project-variables manifest must be a JSON object.');
  const o = json as Json;
  if (o.variables !== undefined && !Array.isArray(o.variables)) throw new ManifestEditError('"variables" in the project-variables manifest must be an array.');
  if (o.environments !== undefined && !Array.isArray(o.environments)) throw new ManifestEditError('"environments" in the project-variables manifest must be an array.');
  return o;
}

function variables(doc: Json): Json[] {
  if (!Array.isArray(doc.variables)) doc.variables = [];
  return doc.variables as Json[];
}

function find(doc: Json, name: string): Json {
  const lower = name.replace(/^\$/, '').toLowerCase();
  const v = variables(doc).find((x) => x && typeof x === 'object' && typeof x.name === 'string' && x.name.toLowerCase() === lower);
  if (!v) throw new ManifestEditError(`$${name} is not in the project-variables manifest.`);
  return v;
}

/** Serialises with 2-space indentation and a final newline (stable diffs). */
export function formatManifest(doc: Json): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Applies one operation to the manifest text (undefined: the file does not exist yet) and returns the new text. */
export function editManifest(text: string | undefined, op: ManifestOp): string {
  const doc = parse(text);
  switch (op.kind) {
    case 'add': {
      const v = op.variable;
      const existing = variables(doc).map((x) => (x && typeof x.name === 'string' ? x.name : '')).filter(Boolean);
      const check = checkVariableName(v.name, [...existing, ...(op.taken ?? [])]);
      if (!check.ok) throw new ManifestEditError(check.problem);
      if (v.hidden && v.values && Object.keys(v.values).length) throw new ManifestEditError(`$${v.name} is hidden: its values belong in the vault, not in the manifest.`);
      const entry: Json = { name: v.name.replace(/^\$/, '') };
      if (v.description) entry.description = v.description;
      entry.hidden = v.hidden;
      if (v.values && Object.keys(v.values).length) entry.values = { ...v.values };
      variables(doc).push(entry);
      break;
    }
    case 'remove': {
      const target = find(doc, op.name);
      doc.variables = variables(doc).filter((x) => x !== target);
      break;
    }
    case 'rename': {
      const target = find(doc, op.name);
      const others = variables(doc).filter((x) => x !== target).map((x) => String(x.name));
      const check = checkVariableName(op.newName, others);
      if (!check.ok) throw new ManifestEditError(check.problem);
      target.name = op.newName.replace(/^\$/, '');
      break;
    }
    case 'setHidden': {
      const target = find(doc, op.name);
      target.hidden = op.hidden;
      // A variable that becomes hidden keeps no clear-text values in a committed file.
      if (op.hidden) delete target.values;
      break;
    }
    case 'setDescription': {
      const target = find(doc, op.name);
      if (op.description) target.description = op.description;
      else delete target.description;
      break;
    }
    case 'setValue': {
      const target = find(doc, op.name);
      if (target.hidden === true && op.value !== undefined) throw new ManifestEditError(`$${op.name} is hidden: its value goes to the vault, never into the manifest.`);
      const values = (target.values && typeof target.values === 'object' ? target.values : {}) as Record<string, string>;
      if (op.value === undefined) delete values[op.environment];
      else values[op.environment] = op.value;
      if (Object.keys(values).length) target.values = values;
      else delete target.values;
      break;
    }
    case 'addEnvironment': {
      const name = op.name.trim();
      if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new ManifestEditError(`"${op.name}" is not a usable environment name (letters, digits, _ . -).`);
      const envs = Array.isArray(doc.environments) ? (doc.environments as unknown[]).filter((e): e is string => typeof e === 'string') : [];
      if (envs.some((e) => e.toLowerCase() === name.toLowerCase())) throw new ManifestEditError(`Environment ${name} already exists.`);
      doc.environments = [...envs, name];
      break;
    }
  }
  if (!Array.isArray(doc.environments)) doc.environments = ['default'];
  return formatManifest(withKeyOrder(doc));
}

/** `$schema`, `environments`, `variables` first (a new file reads top-down), other keys after, in their order. */
function withKeyOrder(doc: Json): Json {
  const out: Json = {};
  for (const k of ['$schema', 'environments', 'variables']) if (k in doc) out[k] = doc[k];
  for (const [k, v] of Object.entries(doc)) if (!(k in out)) out[k] = v;
  return out;
}
