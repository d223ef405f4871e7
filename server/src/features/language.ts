import {
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  ResponseError,
  ErrorCodes,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Position,
  type Range,
  type SignatureHelp,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FUNCTION_CATALOGUE, loadSourceFile, SYSTEM_VARIABLES, type CatalogueFunction, type VariableInfo, type VariableOccurrence } from '../analysis';
import { uriToPath } from '../paths';
import type { GuardService } from '../service';
import { foldableRanges, scanContext, wordAt } from './scan';

const catalogue = new Map<string, CatalogueFunction>(FUNCTION_CATALOGUE.map((f) => [f.name.toLowerCase(), f]));

/** Component reference kinds offered inside `<TAG>…</TAG>` (Studio and Design Studio spellings). */
const TAG_KINDS = ['script', 'operation', 'endpoint', 'activity', 'Scripts/', 'Operations/', 'Sources/', 'Targets/'];

/** Jitterbit's rules for a global / project variable name (reference §a.5, §d). */
export function validVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !name.endsWith('.') && !/^jitterbit\./i.test(name);
}

export function signatureLabel(f: CatalogueFunction): string {
  const params = f.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${f.name}(${params.join(', ')})`;
}

function functionDoc(f: CatalogueFunction): string {
  const secret = f.params.filter((p) => p.secret).map((p) => `\`${p.name}\``);
  const lines = ['```jitterbit', `${signatureLabel(f)} → ${f.returns}`, '```'];
  if (f.description) lines.push('', f.description);
  if (secret.length) lines.push('', `Credential parameter${secret.length > 1 ? 's' : ''}: ${secret.join(', ')} — pass a hidden project variable, never a literal.`);
  return lines.join('\n');
}

export function variableKindLabel(info: VariableInfo | undefined, name: string): string {
  if (!info) return /^jitterbit\./i.test(name) ? 'Jitterbit variable' : 'global variable';
  if (info.kind === 'project-variable') return info.hidden ? 'hidden project variable' : 'project variable';
  if (info.kind === 'system') return 'Jitterbit variable';
  return 'global variable';
}

export class LanguageFeatures {
  constructor(
    private readonly service: GuardService,
    private readonly snippets: () => boolean,
  ) {}

  /** Host offset where the cursor's script starts (after `<trans>`), so scans skip inert text. */
  private scriptStart(doc: TextDocument, text: string, offset: number): number {
    const open = text.lastIndexOf('<trans>', offset);
    if (open !== -1) return open + '<trans>'.length;
    const js = text.lastIndexOf('<javascript>', offset);
    return js !== -1 ? js + '<javascript>'.length : 0;
  }

  private namesCache: { generation: number; names: VariableInfo[] } | undefined;

  /**
   * Globals, project variables and Jitterbit variables. The project-wide list is cached until a file that is
   * not open changes (it costs a pass over every file's summary); `doc`'s own `$names` are added from its text,
   * so what was just typed is offered too. `projectWide: false` (while the index warms up) skips the project.
   */
  private variables(doc?: TextDocument, projectWide = true): VariableInfo[] {
    const known = new Map<string, VariableInfo>();
    if (projectWide) {
      const gen = this.service.namesGeneration;
      if (!this.namesCache || this.namesCache.generation !== gen) this.namesCache = { generation: gen, names: this.service.project.variableNames() };
      for (const v of this.namesCache.names) known.set(v.name.toLowerCase(), v);
    }
    for (const s of SYSTEM_VARIABLES) if (!known.has(s.toLowerCase())) known.set(s.toLowerCase(), { name: s, kind: 'system' });
    if (doc) {
      for (const m of doc.getText().matchAll(/\$([A-Za-z_][\w]*(?:\.[\w]+)*)/g)) {
        const key = m[1].toLowerCase();
        if (!known.has(key)) known.set(key, { name: m[1], kind: /^jitterbit\./.test(key) ? 'system' : 'global' });
      }
    }
    return [...known.values()];
  }

  completion(doc: TextDocument, pos: Position, projectWide = true): CompletionItem[] {
    const text = doc.getText();
    const offset = doc.offsetAt(pos);
    const ctx = scanContext(text, this.scriptStart(doc, text, offset), offset);
    if (ctx.inComment) return [];
    if (ctx.inString) {
      const tag = /<TAG>([^<]*)$/.exec(ctx.stringPrefix);
      if (tag) return this.tagCompletions(tag[1]);
      const getVar = /^\$?[\w.]*$/.test(ctx.stringPrefix) && ctx.call && /^(get|set|getvar|setvar)$/i.test(ctx.call.name);
      if (getVar) return this.variableCompletions(this.variables(doc, projectWide), ctx.stringPrefix.replace(/^\$/, ''));
      return [];
    }
    if (ctx.dollarPrefix !== undefined) return this.variableCompletions(this.variables(doc, projectWide), ctx.dollarPrefix);
    if (doc.languageId === 'jitterbit-javascript') return [];
    return this.functionCompletions();
  }

  private functionCompletions(): CompletionItem[] {
    const snippets = this.snippets();
    return FUNCTION_CATALOGUE.map((f) => {
      const required = f.params.filter((p) => !p.optional);
      const item: CompletionItem = {
        label: f.name,
        kind: CompletionItemKind.Function,
        detail: `${signatureLabel(f)} → ${f.returns}`,
        documentation: { kind: MarkupKind.Markdown, value: functionDoc(f) },
      };
      if (snippets) {
        item.insertText = `${f.name}(${required.map((p, i) => `\${${i + 1}:${p.name.replace(/[$}\\]/g, '')}}`).join(', ')})`;
        item.insertTextFormat = InsertTextFormat.Snippet;
      }
      return item;
    });
  }

  private variableCompletions(variables: VariableInfo[], prefix: string): CompletionItem[] {
    const dot = prefix.lastIndexOf('.');
    const items: CompletionItem[] = [];
    for (const v of variables) {
      if (!v.name.toLowerCase().startsWith(prefix.slice(0, dot + 1).toLowerCase())) continue;
      items.push({
        label: v.name,
        // After a dot, VS Code replaces only the word after it; keep the label's tail as the insert text.
        insertText: dot >= 0 ? v.name.slice(dot + 1) : v.name,
        filterText: dot >= 0 ? v.name.slice(dot + 1) : v.name,
        kind: v.kind === 'system' ? CompletionItemKind.Constant : v.kind === 'project-variable' ? CompletionItemKind.Property : CompletionItemKind.Variable,
        detail: variableKindLabel(v, v.name),
        sortText: `${v.kind === 'project-variable' ? 0 : v.kind === 'global' ? 1 : 2}${v.name}`,
      });
    }
    return items;
  }

  private tagCompletions(typed: string): CompletionItem[] {
    const snippets = this.snippets();
    const items: CompletionItem[] = [];
    for (const kind of TAG_KINDS) {
      const sep = kind.endsWith('/') ? '' : ':';
      if (!`${kind}${sep}`.toLowerCase().startsWith(typed.toLowerCase().slice(0, kind.length + sep.length)) && typed) continue;
      items.push({
        label: `${kind}${sep}`,
        kind: CompletionItemKind.Reference,
        detail: 'component reference',
        insertText: snippets ? `${kind}${sep}\${1:Name}</TAG>` : `${kind}${sep}`,
        insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      });
    }
    // Script names known from the workspace (file names of .jb scripts).
    if (/^script:/i.test(typed) || /^Scripts\//.test(typed)) {
      for (const p of this.service.project.files()) {
        const m = /([^/\\]+)\.(jb|jitterbit)$/i.exec(p);
        if (m) items.push({ label: m[1], kind: CompletionItemKind.File, detail: 'script', insertText: m[1] });
      }
    }
    return items;
  }

  /** The occurrence of a global / project variable at `offset` in `doc`, from the project's index. */
  occurrenceAt(doc: TextDocument, offset: number): VariableOccurrence | undefined {
    const text = doc.getText();
    const w = wordAt(text, offset);
    if (!w) return undefined;
    const path = uriToPath(doc.uri);
    const candidates = new Set([w.word, w.word.replace(/^\$/, '')]);
    for (const name of candidates) {
      const hit = this.service.project.variableOccurrences(name, path).find((o) => o.start <= offset && offset <= o.end);
      if (hit) return hit;
    }
    // Fall back to the text itself when the index has nothing at this spot (e.g. the stand-in project).
    if (w.dollar && !w.callee) return { name: w.word, path, start: w.start, end: w.end, access: 'read', form: 'dollar' };
    return undefined;
  }

  hover(doc: TextDocument, pos: Position): Hover | null {
    const text = doc.getText();
    const offset = doc.offsetAt(pos);
    const w = wordAt(text, offset);
    if (!w) return null;
    const range: Range = { start: doc.positionAt(w.start), end: doc.positionAt(w.end) };
    if (!w.dollar && w.callee) {
      const f = catalogue.get(w.word.toLowerCase());
      if (f) return { contents: { kind: MarkupKind.Markdown, value: functionDoc(f) }, range };
    }
    const occ = this.occurrenceAt(doc, offset);
    if (occ) {
      const info = this.variables().find((v) => v.name.toLowerCase() === occ.name.toLowerCase());
      const uses = this.service.project.variableOccurrences(occ.name);
      const files = new Set(uses.map((u) => u.path)).size;
      const label = variableKindLabel(info, occ.name);
      const value = [`\`$${occ.name}\` — ${label}`, '', `${uses.length} reference${uses.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`];
      if (label === 'hidden project variable') value.push('', 'Its value is kept out of the workspace (set per environment).');
      return { contents: { kind: MarkupKind.Markdown, value: value.join('\n') }, range: { start: doc.positionAt(occ.start), end: doc.positionAt(occ.end) } };
    }
    return null;
  }

  signatureHelp(doc: TextDocument, pos: Position): SignatureHelp | null {
    const text = doc.getText();
    const offset = doc.offsetAt(pos);
    const ctx = scanContext(text, this.scriptStart(doc, text, offset), offset);
    if (ctx.inComment || !ctx.call) return null;
    const f = catalogue.get(ctx.call.name.toLowerCase());
    if (!f) return null;
    const label = signatureLabel(f);
    let at = f.name.length + 1;
    const parameters = f.params.map((p) => {
      const shown = p.optional ? `[${p.name}]` : p.name;
      const start = label.indexOf(shown, at);
      at = start + shown.length;
      return { label: [start, start + shown.length] as [number, number], documentation: p.secret ? 'credential: use a hidden project variable' : undefined };
    });
    const last = Math.max(0, parameters.length - 1);
    return {
      signatures: [{ label, documentation: f.description ? { kind: MarkupKind.Markdown, value: f.description } : undefined, parameters }],
      activeSignature: 0,
      activeParameter: Math.min(ctx.call.argIndex, last),
    };
  }

  documentSymbols(doc: TextDocument): DocumentSymbol[] {
    const path = uriToPath(doc.uri);
    const symbols: DocumentSymbol[] = [];
    const seen = new Set<string>();
    const occs = this.service.project.variableOccurrences(undefined, path).filter((o) => o.access !== 'read');
    for (const o of occs) {
      if (seen.has(o.name)) continue;
      seen.add(o.name);
      const range = { start: doc.positionAt(o.start), end: doc.positionAt(o.end) };
      symbols.push({ name: `$${o.name}`, kind: o.access === 'declaration' ? SymbolKind.Constant : SymbolKind.Variable, range, selectionRange: range, detail: o.access === 'declaration' ? 'project variable' : 'global' });
    }
    // The document's regions come from its last analysis, or straight from its text when that is not done yet.
    const source = this.service.cached(doc.uri)?.analysis.source ?? loadSourceFile(path, doc.getText());
    for (const r of source.regions) {
      if (!r.name) continue;
      const start = r.map.toHost(0);
      const end = r.map.toHost(r.text.length);
      const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
      symbols.push({ name: r.name, kind: r.language === 'javascript' ? SymbolKind.Function : SymbolKind.Module, range, selectionRange: { start: range.start, end: range.start }, detail: r.mappingTarget ? `mapping of ${r.mappingTarget}` : 'script' });
    }
    return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  foldingRanges(doc: TextDocument): FoldingRange[] {
    const text = doc.getText();
    const out: FoldingRange[] = [];
    const push = (s: number, e: number, kind?: string): void => {
      const a = doc.positionAt(s).line;
      const b = doc.positionAt(e).line;
      if (b > a) out.push({ startLine: a, endLine: kind === FoldingRangeKind.Comment ? b : Math.max(a, b - 1), kind });
    };
    const entry = this.service.cached(doc.uri);
    const regions = entry?.analysis.source?.regions ?? [];
    const embedded = regions.filter((r) => r.encoding !== 'raw');
    if (embedded.length) {
      for (const r of embedded) push(r.map.toHost(0), r.map.toHost(r.text.length) + 1, FoldingRangeKind.Region);
      return out;
    }
    for (const f of foldableRanges(text)) push(f.startOffset, f.endOffset, f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region);
    return out;
  }

  private locationsOf(occs: VariableOccurrence[]): Location[] {
    const out: Location[] = [];
    for (const o of occs) {
      const lines = this.service.linesOf(o.path);
      if (!lines) continue;
      out.push({ uri: this.service.uriOf(o.path), range: { start: lines.positionAt(o.start), end: lines.positionAt(o.end) } });
    }
    return out;
  }

  definition(doc: TextDocument, pos: Position): Location[] {
    const text = doc.getText();
    const offset = doc.offsetAt(pos);
    const occ = this.occurrenceAt(doc, offset);
    if (occ) {
      const all = this.service.project.variableOccurrences(occ.name);
      const decl = all.filter((o) => o.access === 'declaration');
      return this.locationsOf(decl.length ? decl : all.filter((o) => o.access === 'write'));
    }
    // `<TAG>script:Name</TAG>` → the script file of that name.
    const line = doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } });
    const tag = /<TAG>(?:script:|Scripts\/)([^<]+)<\/TAG>/i.exec(line);
    if (tag) {
      const name = tag[1].trim().toLowerCase();
      return this.service.project
        .files()
        .filter((p) => (/([^/\\]+)\.(jb|jitterbit|js)$/i.exec(p)?.[1] ?? '').toLowerCase() === name)
        .map((p) => ({ uri: this.service.uriOf(p), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
    }
    void text;
    return [];
  }

  references(doc: TextDocument, pos: Position, includeDeclaration: boolean): Location[] {
    const occ = this.occurrenceAt(doc, doc.offsetAt(pos));
    if (!occ) return [];
    const all = this.service.project.variableOccurrences(occ.name).filter((o) => includeDeclaration || o.access !== 'declaration');
    return this.locationsOf(all);
  }

  prepareRename(doc: TextDocument, pos: Position): { range: Range; placeholder: string } | null {
    const occ = this.occurrenceAt(doc, doc.offsetAt(pos));
    if (!occ) return null;
    const info = this.variables().find((v) => v.name.toLowerCase() === occ.name.toLowerCase());
    if (info?.kind === 'system' || /^jitterbit\./i.test(occ.name)) throw new ResponseError(ErrorCodes.InvalidRequest, 'Jitterbit variables cannot be renamed.');
    return { range: { start: doc.positionAt(occ.start), end: doc.positionAt(occ.end) }, placeholder: occ.name };
  }

  /** Renames a global or project variable in every file of the workspace (open or not). */
  rename(doc: TextDocument, pos: Position, newName: string): WorkspaceEdit {
    const target = newName.replace(/^\$/, '');
    const occ = this.occurrenceAt(doc, doc.offsetAt(pos));
    if (!occ) throw new ResponseError(ErrorCodes.InvalidRequest, 'No global or project variable here.');
    this.prepareRename(doc, pos);
    if (!validVariableName(target)) throw new ResponseError(ErrorCodes.InvalidParams, `"${target}" is not a valid Jitterbit variable name (letters, digits, _ and .; no spaces, hyphens or parentheses; not jitterbit.*).`);
    const taken = [...this.service.project.variableNames(), ...SYSTEM_VARIABLES.map((name) => ({ name }))];
    if (target.toLowerCase() !== occ.name.toLowerCase() && taken.some((v) => v.name.toLowerCase() === target.toLowerCase())) throw new ResponseError(ErrorCodes.InvalidParams, `$${target} already exists; global and project variable names share one namespace.`);
    const changes: Record<string, TextEdit[]> = {};
    for (const o of this.service.project.variableOccurrences(occ.name)) {
      const lines = this.service.linesOf(o.path);
      if (!lines) continue;
      const uri = this.service.uriOf(o.path);
      (changes[uri] ??= []).push({ range: { start: lines.positionAt(o.start), end: lines.positionAt(o.end) }, newText: target });
    }
    if (Object.keys(changes).length === 0) {
      // Stand-in index: rename the occurrence under the cursor only.
      changes[doc.uri] = [{ range: { start: doc.positionAt(occ.start), end: doc.positionAt(occ.end) }, newText: target }];
    }
    return { changes };
  }
}
