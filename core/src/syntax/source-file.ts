import type { SyntaxDiagnostic } from './ast';
import type { OffsetMap } from './offset-map';
import type { LineMap } from './text';

/** What a host file is; detected by content as well as by extension. */
export type FileKind =
  | 'jitterbit-script' // .jb, .jitterbit, or text with a <trans> tag
  | 'jitterbit-javascript' // .js Jitterbit JavaScript body (with or without <javascript> tags)
  | 'cloud-studio-export' // Cloud Studio / Studio project export .json
  | 'design-studio-xml' // Design Studio Data/<Type>/<guid>.xml entity
  | 'jitterbit-conf' // private agent jitterbit.conf (INI)
  | 'unsupported';

export type ScriptLanguage = 'jitterbit' | 'javascript';

/** One script inside a host file, with its decoded text and a map back to host offsets. */
export interface ScriptRegion {
  /** Unique within the file, stable across edits that do not restructure it (e.g. `components[3].scriptBody`). */
  id: string;
  language: ScriptLanguage;
  /** Decoded script text (JSON/XML escapes undone). */
  text: string;
  /** Region offset → host file offset. */
  map: OffsetMap;
  /** Component name, when the host names the script. */
  name?: string;
  /** For a transformation mapping script: the target field path, e.g. `Contact$Email$`. */
  mappingTarget?: string;
  /** How the region is embedded; decides how a fix must re-encode replacement text. */
  encoding: 'raw' | 'json-string' | 'xml-text';
}

/** A configuration value held as data (not script): project variables, `jitterbit.conf` keys, DS `<Item>`s. */
export interface DataEntry {
  kind: 'project-variable' | 'conf-entry' | 'ds-item' | 'credential-field' | 'global-variable' | 'property';
  name: string;
  value: string;
  /** True when the host marks the value hidden/encrypted (`hidden: true`, `enc="true"`, `isHidden`). */
  hidden: boolean;
  /** Host offsets of the value characters (inside quotes). */
  valueStart: number;
  valueEnd: number;
  /** Section of a `jitterbit.conf` key, component name of an export field. */
  section?: string;
  /** True for a commented-out `jitterbit.conf` line (`#key=value`). */
  commented?: boolean;
  /** Decoded value offset → host offset, when the value holds escapes. */
  map?: OffsetMap;
}

/** A comment of the host file itself (e.g. `#` lines of jitterbit.conf), scanned for tokens. */
export interface HostComment {
  text: string;
  start: number;
}

export interface SourceFile {
  /** Path or URI string as given by the caller; used in messages. */
  path: string;
  kind: FileKind;
  text: string;
  lines: LineMap;
  regions: ScriptRegion[];
  data: DataEntry[];
  hostComments: HostComment[];
  /** Problems reading the host format (broken JSON, not an entity file, ...), in host offsets. */
  diagnostics: SyntaxDiagnostic[];
}
