/**
 * The variable list exchanged with Harmony: names, descriptions, hidden flags and non-secret values per
 * environment. Secret values are never written: a hidden variable carries no values at all.
 */
import { editManifest, ManifestEditError, type ManifestVariableInput } from './manifest-doc';
import { fileDeclarations, manifestDeclarations, type ProjectVariableModel } from './model';

export const HARMONY_EXPORT_FORMAT = 'jitterbit-guard/project-variables';

export interface HarmonyVariable {
  name: string;
  description?: string;
  hidden: boolean;
  /** Non-secret values per environment; absent for hidden variables. */
  values?: Record<string, string>;
}

export interface HarmonyExport {
  format: typeof HARMONY_EXPORT_FORMAT;
  version: 1;
  environments: string[];
  projectVariables: HarmonyVariable[];
}

export function harmonyExport(model: ProjectVariableModel): HarmonyExport {
  return {
    format: HARMONY_EXPORT_FORMAT,
    version: 1,
    environments: [...model.environments],
    projectVariables: model.variables.map((v) => {
      const out: HarmonyVariable = { name: v.name, hidden: v.hidden };
      if (v.description) out.description = v.description;
      if (!v.hidden && Object.keys(v.values).length) out.values = { ...v.values };
      return out;
    }),
  };
}

export function harmonyExportText(model: ProjectVariableModel): string {
  return `${JSON.stringify(harmonyExport(model), null, 2)}\n`;
}

export interface ImportResult {
  /** The new manifest text. */
  text: string;
  added: string[];
  updated: string[];
  skipped: { name: string; reason: string }[];
}

/** Variables an import file offers: our export format, a manifest, or a Cloud Studio project export. */
export function importedVariables(path: string, text: string): HarmonyVariable[] {
  if (/^\s*</.test(text)) {
    // A Design Studio entity (Data/ProjectVariable/<guid>.xml).
    const decls = fileDeclarations(path, text);
    if (decls.length === 0) throw new ManifestEditError(`${path} is not a Design Studio ProjectVariable entity.`);
    return decls.map((d) => ({ name: d.name, hidden: d.hidden, description: d.description }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ManifestEditError(`${path} is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`);
  }
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  if (o.format === HARMONY_EXPORT_FORMAT && Array.isArray(o.projectVariables)) {
    return (o.projectVariables as unknown[]).flatMap((x) => {
      if (!x || typeof x !== 'object' || typeof (x as HarmonyVariable).name !== 'string') return [];
      const v = x as Record<string, unknown>;
      const out: HarmonyVariable = { name: v.name as string, hidden: v.hidden === true };
      if (typeof v.description === 'string') out.description = v.description;
      if (!out.hidden && v.values && typeof v.values === 'object') {
        const values: Record<string, string> = {};
        for (const [k, val] of Object.entries(v.values as Record<string, unknown>)) if (typeof val === 'string') values[k] = val;
        if (Object.keys(values).length) out.values = values;
      }
      return [out];
    });
  }
  if (Array.isArray(o.variables) && !('components' in o)) {
    return manifestDeclarations(path, text).declarations.map((d) => ({ name: d.name, hidden: d.hidden, description: d.description, values: d.hidden ? undefined : d.values }));
  }
  // A Cloud Studio export: names, descriptions and hidden flags (its values are per deployment, not per environment).
  return fileDeclarations(path, text).map((d) => ({ name: d.name, hidden: d.hidden, description: d.description }));
}

/** Merges imported variables into the manifest: new ones are added, known ones gain a description and the hidden flag. */
export function importIntoManifest(manifestText: string | undefined, path: string, text: string): ImportResult {
  const incoming = importedVariables(path, text);
  let current = manifestText;
  const known = new Map((current ? manifestDeclarations('manifest', current).declarations : []).map((d) => [d.name.toLowerCase(), d]));
  const result: ImportResult = { text: current ?? '', added: [], updated: [], skipped: [] };
  for (const v of incoming) {
    const k = v.name.toLowerCase();
    const existing = known.get(k);
    try {
      if (!existing) {
        const input: ManifestVariableInput = { name: v.name, hidden: v.hidden };
        if (v.description) input.description = v.description;
        if (!v.hidden && v.values) input.values = v.values;
        current = editManifest(current, { kind: 'add', variable: input });
        known.set(k, { name: v.name, kind: 'manifest', path: 'manifest', hidden: v.hidden, readOnly: false });
        result.added.push(v.name);
        continue;
      }
      let changed = false;
      if (v.hidden && !existing.hidden) {
        current = editManifest(current, { kind: 'setHidden', name: existing.name, hidden: true });
        changed = true;
      }
      if (v.description && !existing.description) {
        current = editManifest(current, { kind: 'setDescription', name: existing.name, description: v.description });
        changed = true;
      }
      if (changed) result.updated.push(existing.name);
    } catch (e) {
      result.skipped.push({ name: v.name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  result.text = current ?? '';
  return result;
}
