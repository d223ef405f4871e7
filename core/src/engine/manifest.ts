/**
 * The committed project-variable manifest `.jitterbit/project-variables.json`: names, descriptions, hidden flags
 * and non-secret values per environment. Secret values never live here (they go to the vault).
 */
export const MANIFEST_PATH_SUFFIX = '.jitterbit/project-variables.json';

export interface ManifestVariable {
  name: string;
  description?: string;
  hidden: boolean;
  /** Non-secret values per environment. */
  values?: Record<string, string>;
}

export interface Manifest {
  environments: string[];
  variables: ManifestVariable[];
  problems: string[];
}

export function readManifest(text: string): Manifest {
  const out: Manifest = { environments: [], variables: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    out.problems.push(`invalid JSON: ${e instanceof Error ? e.message : 'parse error'}`);
    return out;
  }
  if (!json || typeof json !== 'object') {
    out.problems.push('expected an object with "environments" and "variables"');
    return out;
  }
  const o = json as Record<string, unknown>;
  if (Array.isArray(o.environments)) out.environments = o.environments.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(o.variables)) {
    for (const v of o.variables) {
      if (!v || typeof v !== 'object' || typeof (v as { name?: unknown }).name !== 'string') {
        out.problems.push('a variable without a name was ignored');
        continue;
      }
      const r = v as Record<string, unknown>;
      const values = r.values && typeof r.values === 'object' ? (r.values as Record<string, string>) : undefined;
      out.variables.push({ name: r.name as string, description: typeof r.description === 'string' ? r.description : undefined, hidden: r.hidden === true, values });
    }
  }
  return out;
}
