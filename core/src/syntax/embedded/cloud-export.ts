/**
 * Cloud Studio / Studio project export (`.json`): script regions (script bodies, mapping rules), project and
 * global variables, and credential-like configuration fields, each with host offsets.
 */
import { isCredentialName } from '../../detectors/names';
import { isPairValueKey, pairName, PAIR_NAME_KEYS, PAIR_VALUE_KEYS } from '../name-value-pair';
import type { SyntaxDiagnostic } from '../ast';
import type { DataEntry, ScriptRegion } from '../source-file';
import { LineMap } from '../text';
import { decodeJsonString, type JsonArray, type JsonNode, type JsonObject, type JsonString, member, scanJson } from './json-scanner';
import { containsScriptTag, looksLikeScript, scriptBody, startsWithJavaScript, startsWithTrans } from './script-text';
import { UniqueIds } from './unique-ids';

export interface HostParseResult {
  /** False when the text is not this format at all (the caller reports it as unsupported). */
  recognised: boolean;
  regions: ScriptRegion[];
  data: DataEntry[];
  diagnostics: SyntaxDiagnostic[];
}

/** Keys whose string value is always a script. */
const SCRIPT_KEYS = new Set(['scriptBody', 'scriptBodyCleansed', 'transformScript', 'transformScriptCleansed']);

/** Top-level keys that identify a project export. */
const EXPORT_KEYS = new Set([
  'components', 'projectVariables', 'projectData', 'project', 'metadataVersion', 'workflows', 'operations',
  'globalVariables', 'mappingRules', 'scriptBody', 'transformations', 'scripts', 'endpoints', 'connections',
]);

const VALUE_KEYS = ['value', 'defaultValue', 'default_value', 'currentValue'];

/**
 * Keys of configuration fields that may hold credentials. Matched case-insensitively on the key with `_`, `-`,
 * `.` and spaces removed.
 */
const CREDENTIAL_KEY = /(pass(word|wd|phrase)?|pwd|secret|token|apikey|accesskey|privatekey|credential|authorization|auth(header|string|value)?|sas|signature|connectionstring|clientkey|bearer)$/;

const PURE_PV_REFERENCE = /^\s*\[[A-Za-z_][A-Za-z0-9_.]*\]\s*$/;

function normaliseKey(key: string): string {
  return key.replace(/[_\-.\s]/g, '').toLowerCase();
}

/** Structural keys (names, ids, types, paths) hold no data worth scanning; nor do short or single-word values. */
const STRUCTURAL_KEYS = new Set(['name', 'id', 'type', 'guid', 'uuid', 'version', 'metadataVersion', 'targetPath', 'sourcePath', 'path', 'schemaVersion', 'componentId', 'parentId', 'folderId']);

function mayHoldData(key: string, value: string): boolean {
  return value.length >= 6 && !STRUCTURAL_KEYS.has(key) && /[@:=/.\d]/.test(value);
}

/**
 * A configuration key that names a credential: the suffixes above on the squeezed key, or any credential name of the
 * policy (`Passwort`, `sessionId`, `subscriptionKey`, `bindCredentials`), whose values are then kept whatever their
 * shape (a password of letters only is no less a password).
 */
export function isCredentialKey(key: string): boolean {
  const k = normaliseKey(key);
  return k.length <= 64 && (CREDENTIAL_KEY.test(k) || isCredentialName(key));
}

function pathSegment(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Path segments are linked to their parent and joined only for a region id (deep nesting stays linear). */
interface PathLink {
  parent?: PathLink;
  seg: string;
}

/** Most segments spelled out in an id; deeper paths keep their innermost segments after `…`. */
const MAX_PATH_SEGMENTS = 64;

function pathString(link: PathLink | undefined): string {
  const segs: string[] = [];
  let l = link;
  while (l && segs.length < MAX_PATH_SEGMENTS) {
    segs.push(l.seg);
    l = l.parent;
  }
  if (l) segs.push('…');
  segs.reverse();
  const joined = segs.join('');
  return joined.startsWith('.') ? joined.slice(1) : joined;
}

function isTrue(node: JsonNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'boolean') return node.raw === 'true';
  if (node.type === 'string') return node.value.toLowerCase() === 'true';
  if (node.type === 'number') return node.raw !== '0';
  return false;
}

function hasKey(obj: JsonObject, key: string): boolean {
  return member(obj, key) !== undefined;
}

/** Whether a string under `key` is a script. */
function isScriptString(key: string | undefined, value: string): boolean {
  if (value.trim() === '') return false;
  // A value that is only a tag (editor configuration, snippets: `"open": "<trans>"`) is not a script.
  if (/^\s*<\/?(trans|javascript)>\s*$/.test(value)) return false;
  if (startsWithTrans(value) || startsWithJavaScript(value)) return true;
  if (key === undefined) return false;
  if (SCRIPT_KEYS.has(key)) return true;
  if (key.endsWith('Script') || key.endsWith('ScriptCleansed') || key.endsWith('scriptBody')) {
    return containsScriptTag(value) || looksLikeScript(value);
  }
  return false;
}

function isProjectVariable(obj: JsonObject, parentKey: string | undefined): boolean {
  const type = member(obj, 'type');
  if (type?.type === 'number' && type.raw === '1000') return true;
  const name = member(obj, 'name');
  if (name?.type !== 'string') return false;
  const hasValue = VALUE_KEYS.some((k) => hasKey(obj, k));
  if (parentKey === 'projectVariables') return true;
  return hasValue && (hasKey(obj, 'hidden') || hasKey(obj, 'isHidden'));
}

interface Frame {
  node: JsonNode;
  path?: PathLink;
  /** Key under which the node sits in its parent object (the array's key for array elements). */
  key?: string;
  /** True for an array element. */
  inArray: boolean;
  /** Name of the nearest enclosing object with a `name` (the component). */
  componentName?: string;
  /** `targetPath` of the containing object (mapping rules). */
  mappingTarget?: string;
  /** The containing object is marked hidden/secret. */
  hidden: boolean;
  /** Inside a project-variable or global-variable object: no scripts, no credential fields. */
  inVariable: boolean;
  /** The containing object is a `{ name: "url", value: "…" }` pair: the property's name (its `value` is the data). */
  pairLabel?: string;
}

class ExportWalker {
  readonly regions: ScriptRegion[] = [];
  readonly data: DataEntry[] = [];
  private readonly ids = new UniqueIds();

  constructor(private readonly text: string) {}

  addRegion(str: JsonString, id: string, name: string | undefined, mappingTarget: string | undefined): void {
    const body = scriptBody(str.value);
    const decoded = decodeJsonString(this.text, str.start, true, body.start);
    const uid = this.ids.take(id);
    const region: ScriptRegion = {
      id: uid,
      language: body.language,
      text: str.value.slice(body.start, body.end),
      map: decoded.map!,
      encoding: 'json-string',
    };
    if (name !== undefined) region.name = name;
    if (mappingTarget !== undefined) region.mappingTarget = mappingTarget;
    this.regions.push(region);
  }

  entry(kind: DataEntry['kind'], name: string, valueNode: JsonNode | undefined, hidden: boolean, section: string | undefined, fallback: number): void {
    let value = '';
    let valueStart = fallback;
    let valueEnd = fallback;
    let map;
    if (valueNode?.type === 'string') {
      value = valueNode.value;
      valueStart = valueNode.start + 1;
      valueEnd = valueNode.closed ? valueNode.end - 1 : valueNode.end;
      if (valueEnd - valueStart !== value.length) map = decodeJsonString(this.text, valueNode.start, true).map;
    } else if (valueNode?.type === 'number' || valueNode?.type === 'boolean') {
      value = valueNode.raw;
      valueStart = valueNode.start;
      valueEnd = valueNode.end;
    }
    const e: DataEntry = { kind, name, value, hidden, valueStart, valueEnd };
    if (section !== undefined) e.section = section;
    if (map) e.map = map;
    this.data.push(e);
  }

  projectVariable(obj: JsonObject): void {
    const name = member(obj, 'name');
    if (name?.type !== 'string') return;
    const hidden = isTrue(member(obj, 'hidden')) || isTrue(member(obj, 'isHidden'));
    const key = VALUE_KEYS.find((k) => hasKey(obj, k));
    // No value in the export (values excluded): a zero-width range at the name keeps the name known.
    this.entry('project-variable', name.value, key ? member(obj, key) : undefined, hidden, undefined, name.start + 1);
    // The description is free text anyone reading the export sees (an owner's e-mail, a pasted token).
    const description = member(obj, 'description');
    if (description?.type === 'string' && mayHoldData('description', description.value)) {
      this.entry('property', 'description', description, false, name.value, description.start + 1);
    }
  }

  globalVariables(arr: JsonArray, componentName: string | undefined): void {
    for (const item of arr.items) {
      if (item.type !== 'object') continue;
      const name = member(item, 'name');
      if (name?.type !== 'string') continue;
      const hidden = isTrue(member(item, 'isHidden')) || isTrue(member(item, 'hidden'));
      this.entry('global-variable', name.value, member(item, 'value'), hidden, componentName, name.start + 1);
    }
  }

  /**
   * A configuration property written as a name/value pair (`{"name": "password", "value": "…"}`, also with
   * `key`/`field` for the name): a credential field when the name is credential-like.
   */
  namedCredential(obj: JsonObject, componentName: string | undefined): void {
    let label: JsonNode | undefined;
    for (const k of PAIR_NAME_KEYS) {
      label = member(obj, k);
      if (label?.type === 'string') break;
    }
    if (label?.type !== 'string' || !isCredentialKey(label.value)) return;
    const valueKey = PAIR_VALUE_KEYS.find((k) => hasKey(obj, k));
    const value = valueKey === undefined ? undefined : member(obj, valueKey);
    if (value?.type !== 'string' || value.value.trim() === '' || PURE_PV_REFERENCE.test(value.value)) return;
    const hidden = isTrue(member(obj, 'hidden')) || isTrue(member(obj, 'isHidden')) || isTrue(member(obj, 'secret')) || isTrue(member(obj, 'encrypted'));
    this.entry('credential-field', label.value, value, hidden, componentName, value.start + 1);
  }

  walk(root: JsonNode): void {
    const stack: Frame[] = [{ node: root, inArray: false, hidden: false, inVariable: false }];
    while (stack.length > 0) {
      const f = stack.pop()!;
      const node = f.node;
      if (node.type === 'string') {
        if (f.inVariable) continue;
        if (f.inArray) {
          // A bare string in an array: a script only when it starts with a tag.
          if (isScriptString(undefined, node.value)) this.addRegion(node, pathString(f.path), f.componentName, undefined);
        } else if (f.key !== undefined && isScriptString(f.key, node.value)) {
          this.addRegion(node, pathString(f.path), f.componentName, f.mappingTarget);
        } else if (f.key !== undefined && f.key !== 'name' && isCredentialKey(f.key) && node.value.trim() !== '' && !PURE_PV_REFERENCE.test(node.value)) {
          this.entry('credential-field', f.key, node, f.hidden, f.componentName, node.start + 1);
        } else if (f.key !== undefined && f.componentName !== undefined) {
          // Any other property of a component (a URL, request headers, notes, an e-mail recipient): scanned for
          // known credential formats and personal data like a string literal is. A credential pair's value is
          // namedCredential's.
          const pairValue = f.pairLabel !== undefined && isPairValueKey(f.key);
          const name = pairValue && f.pairLabel !== undefined ? f.pairLabel : f.key;
          if (!(pairValue && f.pairLabel !== undefined && isCredentialKey(f.pairLabel)) && mayHoldData(name, node.value)) {
            this.entry('property', name, node, f.hidden, f.componentName, node.start + 1);
          }
        }
        continue;
      }
      if (node.type === 'array') {
        if (f.key === 'globalVariables') {
          this.globalVariables(node, f.componentName);
          continue;
        }
        for (let i = node.items.length - 1; i >= 0; i--) {
          stack.push({ ...f, node: node.items[i], path: { parent: f.path, seg: `[${i}]` }, inArray: true });
        }
        continue;
      }
      if (node.type !== 'object') continue;
      const ownName = member(node, 'name');
      const pairLabel = pairLabelOf(node);
      // A `{ name, value }` pair is a property of the component around it, not a component.
      const componentName = ownName?.type === 'string' && pairLabel === undefined ? ownName.value : f.componentName;
      let inVariable = f.inVariable;
      if (!inVariable && isProjectVariable(node, f.key)) {
        this.projectVariable(node);
        inVariable = true;
      }
      if (!inVariable) this.namedCredential(node, f.componentName);
      const targetPathNode = member(node, 'targetPath');
      const mappingTarget = targetPathNode?.type === 'string' ? targetPathNode.value : undefined;
      const hidden = isTrue(member(node, 'hidden')) || isTrue(member(node, 'isHidden')) || isTrue(member(node, 'secret'));
      for (let i = node.members.length - 1; i >= 0; i--) {
        const m = node.members[i];
        if (m.value.type === 'number' || m.value.type === 'boolean' || m.value.type === 'null') continue;
        const key = m.key.value;
        stack.push({ node: m.value, path: { parent: f.path, seg: pathSegment(key) }, key, inArray: false, componentName, mappingTarget, hidden, inVariable, pairLabel });
      }
    }
  }
}

/** The name of a `{ name|key|field|…Name: "…", value|…Value: … }` pair, if `obj` is one (no scripts in it). */
function pairLabelOf(obj: JsonObject): string | undefined {
  if (obj.members.some((m) => SCRIPT_KEYS.has(m.key.value))) return undefined;
  return pairName(obj.members.length, (k) => hasKey(obj, k), (k) => {
    const v = member(obj, k);
    return v?.type === 'string' ? v.value : undefined;
  });
}

function looksLikeExport(root: JsonNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  for (const m of root.members) {
    if (EXPORT_KEYS.has(m.key.value)) return true;
  }
  return false;
}

/** Parse a Cloud Studio export. `recognised` is false for JSON that is not an export (or not JSON at all). */
export function parseCloudExport(text: string): HostParseResult {
  const scanned = scanJson(text);
  const walker = new ExportWalker(text);
  if (scanned.root) walker.walk(scanned.root);
  const recognised = looksLikeExport(scanned.root) || walker.regions.length > 0 || walker.data.some((d) => d.kind !== 'credential-field');
  const diagnostics: SyntaxDiagnostic[] = [];
  if (scanned.error) {
    const pos = new LineMap(text).positionAt(scanned.error.offset);
    const where = `line ${pos.line + 1}, column ${pos.character + 1}`;
    diagnostics.push({
      code: recognised ? 'host/malformed' : 'host/unsupported-format',
      message: recognised
        ? `Broken project export JSON at ${where}: ${scanned.error.message}; scripts after this point were not analysed.`
        : `Not a Cloud Studio project export: invalid JSON at ${where}: ${scanned.error.message}.`,
      severity: recognised ? 'error' : 'info',
      start: scanned.error.offset,
      end: Math.min(scanned.error.offset + 1, text.length),
    });
  }
  if (!recognised) return { recognised, regions: [], data: [], diagnostics };
  return { recognised, regions: walker.regions, data: walker.data, diagnostics };
}
