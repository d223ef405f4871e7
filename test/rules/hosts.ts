/**
 * Small host files written inline by the rule tables: Cloud Studio export JSON, Design Studio entity XML,
 * jitterbit.conf, and Jitterbit JavaScript bodies.
 */

export function js(...lines: string[]): string {
  return ['<javascript>', ...lines, '</javascript>'].join('\n');
}

export interface ExportSpec {
  projectVariables?: { name: string; value?: string; hidden?: boolean; description?: string }[];
  scripts?: { name: string; body: string; cleansed?: boolean; javascript?: boolean }[];
  mappings?: { targetPath: string; script: string }[];
  endpoints?: { name: string; properties: Record<string, string> }[];
}

/** A Cloud Studio project export (pretty-printed JSON), with a helper that finds the lines holding a value. */
export function cloudExport(spec: ExportSpec): { text: string; linesOf(value: string): number[] } {
  const components: unknown[] = [];
  let n = 0;
  const id = () => `6f1c2a4e-0b3d-4c5e-8f7a-${String(++n).padStart(12, '0')}`;
  for (const s of spec.scripts ?? []) {
    const c: Record<string, unknown> = { type: 400, name: s.name, id: id(), scriptType: s.javascript ? 2 : 1, scriptBody: s.body };
    if (s.cleansed !== false) c.scriptBodyCleansed = s.body;
    components.push(c);
  }
  if (spec.mappings) {
    components.push({
      type: 700, name: 'Transformation', id: id(),
      mappingRules: spec.mappings.map((m) => ({ targetPath: m.targetPath, transformScript: m.script, isPreconditionScript: false })),
    });
  }
  for (const e of spec.endpoints ?? []) components.push({ type: 600, name: e.name, id: id(), properties: e.properties });
  const doc = {
    name: 'Northwind Integrations',
    id: '2b7d9e1f-3a5c-4e6b-9d8f-0a1b2c3d4e5f',
    projectVariables: (spec.projectVariables ?? []).map((v) => ({ type: 1000, id: id(), hidden: false, ...v })),
    components,
  };
  const text = JSON.stringify(doc, null, 2);
  const lines = text.split('\n');
  return {
    text,
    linesOf(value: string) {
      const out: number[] = [];
      lines.forEach((l, i) => {
        if (l.includes(value) || l.includes(JSON.stringify(value).slice(1, -1))) out.push(i + 1);
      });
      return out;
    },
  };
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A Design Studio Script entity. `<konga.string name="script">&lt;trans&gt;` sits on line 6 + items.length, so the
 * first line of `body` is line 7 + items.length; item `i` is on line 5 + i.
 */
export function designStudioScript(body: string, items: { key: string; value: string; enc?: boolean }[] = []): string {
  const props = items.map((i) => `    <Item key="${xmlAttr(i.key)}" value="${xmlAttr(i.value)}" enc="${i.enc ? 'true' : 'false'}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Entity type="Script">',
    '  <Header ID="4e8a1c3f-6b2d-4f90-a7e5-000000000001" Name="Dock Gate Login" Deleted="false"/>',
    '  <Properties>',
    ...props,
    '  </Properties>',
    `  <konga.string name="script">${xmlText(`<trans>\n${body}\n</trans>`)}</konga.string>`,
    '</Entity>',
  ].join('\n');
}

/** A Design Studio ProjectVariable entity: the value is on line 6. */
export function designStudioProjectVariable(name: string, value: string, enc = false): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Entity type="ProjectVariable">',
    `  <Header ID="8c1f3a5e-7b9d-4e02-a6c4-000000000002" Name="${xmlAttr(name)}" Deleted="false"/>`,
    '  <Properties>',
    '    <Item key="description" value="Set per environment" enc="false"/>',
    `    <Item key="default_value" value="${xmlAttr(value)}" enc="${enc ? 'true' : 'false'}"/>`,
    '    <Item key="data_type" value="string" enc="false"/>',
    '  </Properties>',
    '</Entity>',
  ].join('\n');
}
