/**
 * Design Studio entity files (`Data/<Type>/<guid>.xml`, root `<Entity type="…">`): script text held in
 * `<konga.string>` elements or in attributes/text containing `<trans>`/`<javascript>`, `<Item key value enc>`
 * properties, and project/global variable entities.
 */
import type { SyntaxDiagnostic } from '../ast';
import type { DataEntry, HostComment, ScriptRegion } from '../source-file';
import { LineMap } from '../text';
import type { HostParseResult } from './cloud-export';
import { containsScriptTag, scriptBody } from './script-text';
import { UniqueIds } from './unique-ids';
import { decodeXmlRange, scanXml, type XmlAttr, XmlTextBuilder } from './xml-scanner';

export interface DesignStudioResult extends HostParseResult {
  /** The `type` of the root `<Entity>` (e.g. `Script`, `ProjectVariable`), when recognised. */
  entityType?: string;
  /** `<!-- … -->` comments of the entity file. */
  hostComments: HostComment[];
}

interface Frame {
  name: string;
  attrs: XmlAttr[];
  /** Path segment (`konga.string[@name='script']`, `Mapping[1]`); ids join them only when needed. */
  seg: string;
  text?: XmlTextBuilder;
  sawContent: boolean;
  children?: Map<string, number>;
}

interface ItemRecord {
  key: string;
  attr: XmlAttr;
  enc: boolean;
}

const TARGET_ATTR = /^(target|targetpath|targetfield|targetname|targetnode|field|destination|dest)$/i;
const PV_VALUE_KEYS = new Set(['default_value', 'defaultvalue', 'value', 'current_value', 'currentvalue']);
const PV_HIDDEN_KEYS = new Set(['hidden', 'hide_value', 'hidevalue', 'is_hidden', 'ishidden']);

function attrValue(host: string, a: XmlAttr | undefined): string | undefined {
  return a ? decodeXmlRange(host, a.valueStart, a.valueEnd).text : undefined;
}

function findAttr(attrs: XmlAttr[], name: string): XmlAttr | undefined {
  for (const a of attrs) if (a.name === name) return a;
  return undefined;
}

/** Raw attribute text that may hold a script tag once decoded. */
function mayHoldScript(raw: string): boolean {
  return raw.includes('trans&gt;') || raw.includes('<trans>') || raw.includes('javascript&gt;') || raw.includes('<javascript>');
}

export function parseDesignStudio(text: string): DesignStudioResult {
  const regions: ScriptRegion[] = [];
  const data: DataEntry[] = [];
  const diagnostics: SyntaxDiagnostic[] = [];
  const ids = new UniqueIds();
  const items: ItemRecord[] = [];
  const stack: Frame[] = [];
  let rootName: string | undefined;
  let entityType: string | undefined;
  let entityName: string | undefined;
  let structural: { message: string; offset: number } | undefined;
  let warnedDeclaration = false;
  let strayText = -1;
  const regionNames: ScriptRegion[] = [];
  const hostComments: HostComment[] = [];


  /** Id path of an element whose ancestors are the current stack; deep paths keep their innermost segments. */
  const pathOf = (seg: string): string => {
    const from = Math.max(0, stack.length - 15);
    const segs = stack.slice(from).map((f) => f.seg);
    if (from > 0) segs.unshift(stack[0].seg, '…');
    segs.push(seg);
    return segs.join('/');
  };

  const mappingTargetFor = (own: XmlAttr[], elementName: string): string | undefined => {
    const candidates: XmlAttr[][] = [own];
    for (let k = stack.length - 1; k >= 0 && k >= stack.length - 4; k--) candidates.push(stack[k].attrs);
    for (const attrs of candidates) {
      for (const a of attrs) if (TARGET_ATTR.test(a.name)) return attrValue(text, a);
    }
    if (entityType === 'Transformation' && elementName === 'konga.string') {
      const n = attrValue(text, findAttr(own, 'name'));
      if (n && n !== 'script' && /[$/]/.test(n)) return n;
    }
    return undefined;
  };

  const addRegion = (b: XmlTextBuilder, decoded: string, id: string, mappingTarget: string | undefined): void => {
    const body = scriptBody(decoded);
    const region: ScriptRegion = {
      id: ids.take(id),
      language: body.language,
      text: decoded.slice(body.start, body.end),
      map: b.map(body.start),
      // Text held only in CDATA is verbatim: a fix writes replacement text as is.
      encoding: b.hasEncodedText ? 'xml-text' : 'raw',
    };
    if (mappingTarget !== undefined) region.mappingTarget = mappingTarget;
    regions.push(region);
    regionNames.push(region);
  };

  const error = scanXml(text, (e) => {
    switch (e.type) {
      case 'declaration':
        if (!warnedDeclaration) {
          warnedDeclaration = true;
          diagnostics.push({
            code: 'host/doctype-skipped',
            message: `<!${e.name}> declaration skipped: document type definitions and their entities are not processed.`,
            severity: 'warning',
            start: e.start,
            end: e.end,
          });
        }
        return true;
      case 'comment':
        if (e.end > e.start) hostComments.push({ text: text.slice(e.start, e.end), start: e.start });
        return true;
      case 'text':
      case 'cdata': {
        const top = stack[stack.length - 1];
        if (!top) {
          if (e.type === 'cdata' || text.slice(e.start, e.end).trim() !== '') {
            strayText = e.start;
            return rootName !== undefined; // before the root: not XML; after it: ignored
          }
          return true;
        }
        if (!top.sawContent && top.name !== 'konga.string') {
          if (e.type === 'text' && text.slice(e.start, e.end).trim() === '') return true;
          top.sawContent = true;
        }
        top.text ??= new XmlTextBuilder(text);
        if (e.type === 'text') top.text.addRaw(e.start, e.end);
        else top.text.addVerbatim(e.start, e.end);
        return true;
      }
      case 'open': {
        if (rootName === undefined) {
          rootName = e.name;
          if (e.name !== 'Entity') return false;
          entityType = attrValue(text, findAttr(e.attrs, 'type'));
        }
        const parent = stack[stack.length - 1];
        let seg = e.name;
        const nameAttr = findAttr(e.attrs, 'name');
        if (nameAttr && e.name === 'konga.string') seg += `[@name='${attrValue(text, nameAttr)}']`;
        if (parent) {
          parent.children ??= new Map();
          const k = parent.children.get(seg) ?? 0;
          parent.children.set(seg, k + 1);
          if (k > 0) seg += `[${k}]`;
        }
        if (e.name === 'Header' && stack.length === 1) entityName ??= attrValue(text, findAttr(e.attrs, 'Name'));
        if (e.name === 'Item') {
          const key = attrValue(text, findAttr(e.attrs, 'key'));
          const value = findAttr(e.attrs, 'value');
          if (key !== undefined && value) {
            items.push({ key, attr: value, enc: (attrValue(text, findAttr(e.attrs, 'enc')) ?? '').toLowerCase() === 'true' });
          }
        }
        for (const a of e.attrs) {
          if (!mayHoldScript(text.slice(a.valueStart, a.valueEnd))) continue;
          const b = decodeXmlRange(text, a.valueStart, a.valueEnd);
          const decoded = b.text;
          if (containsScriptTag(decoded)) addRegion(b, decoded, `${pathOf(seg)}/@${a.name}`, mappingTargetFor(e.attrs, e.name));
        }
        stack.push({ name: e.name, attrs: e.attrs, seg, sawContent: false });
        return true;
      }
      case 'close': {
        const top = stack[stack.length - 1];
        if (!top) {
          structural = { message: `end tag </${e.name}> without a matching start tag`, offset: e.start };
          return false;
        }
        if (top.name !== e.name) {
          structural = { message: `end tag </${e.name}> does not match <${top.name}>`, offset: e.start };
          return false;
        }
        stack.pop();
        if (top.text && !top.text.isEmpty) {
          const decoded = top.text.text;
          if ((top.name === 'konga.string' && decoded.trim() !== '') || containsScriptTag(decoded)) {
            addRegion(top.text, decoded, pathOf(top.seg), mappingTargetFor(top.attrs, top.name));
          }
        }
        return true;
      }
    }
  });

  if (rootName !== 'Entity') {
    const why = rootName !== undefined
      ? `its root element is <${rootName}>, not <Entity type="…">`
      : strayText >= 0 ? 'it does not start with XML markup' : error ? `it is not well-formed XML (${error.message})` : 'it has no root element';
    return {
      recognised: false,
      regions: [],
      data: [],
      hostComments: [],
      diagnostics: [{ code: 'host/unsupported-format', message: `Not a Design Studio entity file: ${why}.`, severity: 'info', start: 0, end: 0 }],
    };
  }

  const problem = error ?? structural ?? (stack.length > 0 ? { message: `<${stack[stack.length - 1].name}> is never closed`, offset: text.length } : undefined);
  if (problem) {
    const pos = new LineMap(text).positionAt(problem.offset);
    diagnostics.push({
      code: 'host/malformed',
      message: `Broken Design Studio XML at line ${pos.line + 1}, column ${pos.character + 1}: ${problem.message}; content after this point was not analysed.`,
      severity: 'error',
      start: problem.offset,
      end: Math.min(problem.offset + 1, text.length),
    });
  }

  for (const r of regionNames) if (entityName !== undefined) r.name = entityName;

  const variableKind: DataEntry['kind'] | undefined =
    entityType === 'ProjectVariable' ? 'project-variable' : entityType === 'GlobalVariable' ? 'global-variable' : undefined;
  const hiddenVariable = items.some((it) => PV_HIDDEN_KEYS.has(it.key.toLowerCase()) && attrValue(text, it.attr)?.toLowerCase() === 'true');
  for (const it of items) {
    const b = decodeXmlRange(text, it.attr.valueStart, it.attr.valueEnd);
    const value = b.text;
    const isVariableValue = variableKind !== undefined && PV_VALUE_KEYS.has(it.key.toLowerCase());
    const entry: DataEntry = {
      kind: isVariableValue ? variableKind : 'ds-item',
      name: isVariableValue ? (entityName ?? it.key) : it.key,
      value,
      hidden: it.enc || (isVariableValue && hiddenVariable),
      valueStart: it.attr.valueStart,
      valueEnd: it.attr.valueEnd,
    };
    if (entityName !== undefined) entry.section = entityName;
    if (value.length !== it.attr.valueEnd - it.attr.valueStart) entry.map = b.map();
    data.push(entry);
  }
  return { recognised: true, regions, data, diagnostics, entityType, hostComments };
}
