import { isSecretConfigValue } from '../rules/shared/classify';
import { loadSourceFile } from '../syntax/load-source-file';
import type { SourceFile } from '../syntax/source-file';
import type { ParsedRegion } from './facts';
import type { Summary } from './file-summary';
import { MANIFEST_PATH_SUFFIX, readManifest } from './manifest';
import type { IncomingMemo } from './settled-globals';
import type { NamePool } from './summary';

/**
 * What a Project keeps of each file, and the project variables a file declares. Apart from the Project's caches and
 * passes: a file's record and its declarations stand on their own.
 */

export interface Entry {
  path: string;
  /** Undefined for a stored file: its text stays on disk and is read through the loader when needed. */
  text?: string;
  /** A stored file's stamp (see TextLoader) when it was registered or last read. */
  stamp?: string;
  version?: number;
  source?: SourceFile;
  /** Parsed regions; dropped after use when the project does not retain trees (batch runs). */
  parsed?: ParsedRegion[];
  /** The previous text's parse, consumed by the next parse to re-parse only around the edit. */
  prior?: ParsedRegion[];
  /** Project variables the file declares (kept when its source is dropped). */
  pvs?: DeclaredVariable[];
  summary?: Summary;
  /** Its last analysis in an editor's rounds (see SettledGlobals). */
  incoming?: IncomingMemo;
}

/** A project variable as the project knows it: hidden, or visible with a hard-coded secret as its value. */
export interface DeclaredVariable {
  name: string;
  hidden: boolean;
  /** Visible, and its value is a credential (secrets/unprotected-config-value reports it): reading it reads a secret. */
  secret?: boolean;
}

/** Project variables one file declares (see Project.declaredProjectVariables). */
export interface DeclaredProjectVariables {
  path: string;
  variables: DeclaredVariable[];
}

/** Records the project variables a file declares (an export's or entity's, or the manifest's list). */
export function declareVariables(e: Entry, text: string, pool: NamePool, source?: SourceFile): void {
  const own = (name: string, hidden: boolean, secret = false): DeclaredVariable => {
    const v: DeclaredVariable = { name: pool.name(pool.id(name)), hidden };
    if (secret) v.secret = true;
    return v;
  };
  if (e.path.endsWith(MANIFEST_PATH_SUFFIX)) {
    e.pvs = readManifest(text).variables.map((v) => own(v.name, v.hidden));
    return;
  }
  const data = (source ?? loadSourceFile(e.path, text)).data;
  e.pvs = [];
  for (const d of data) {
    if (d.kind !== 'project-variable' && d.kind !== 'global-variable') continue;
    const secret = !d.hidden && isSecretConfigValue(d.name, d.value);
    // An export's global variables count when hidden or holding a secret: logging one leaks what a project variable would.
    if (d.kind === 'project-variable' || d.hidden || secret) e.pvs.push(own(d.name, d.hidden, secret));
  }
}
