import { strict as assert } from 'node:assert';
import { isCredentialName, isSensitiveDataName } from '../../../core/src/detectors';
import { buildFacts, parseRegions, type ParsedRegion } from '../../../core/src/engine/facts';
import { isContextSecret, scanLiteralTokens } from '../../../core/src/rules/shared/classify';
import type { FlowHost, ScriptFacts } from '../../../core/src/semantics/flow';
import type { Taint } from '../../../core/src/semantics/taint';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';
import { mutate, prng } from '../../fuzz/harness';

/**
 * A flow pass that reuses the previous pass's facts for the statements an incremental re-parse kept must give
 * exactly the facts of a pass from scratch, whatever the edit.
 */

const host: FlowHost = {
  scanTokens: scanLiteralTokens,
  isContextSecret,
  isCredentialName,
  isSensitiveDataName,
  isHiddenProjectVariable: (n) => n.toLowerCase() === 'hidden_pv',
  incomingGlobal: () => undefined,
};

// Values generated for the test (not real credentials).
const STATEMENTS = [
  '$api.password = "Zq8vN3kLp7Wx2RtY";',
  'token = $api.password;',
  'WriteToOperationLog("t=" + token);',
  'token = Left(token, 4) + "****";',
  'session = SFLogin("<TAG>endpoint:salesforce/Prod</TAG>");',
  'WriteToOperationLog("session " + session);',
  '$ctx.user = root$transaction.request$body$Customer$SSN$;',
  'RaiseError("bad " + $ctx.user);',
  'If(Length(token) > 0, $ctx.seen = true, $ctx.seen = false);',
  'd = Dict(); d["api_key"] = "kT9wQ2mZ7xLp4VnR8sYb";',
  'WriteToOperationLog(d);',
  // Fields of containers (kept apart in the state).
  'd["host"] = "db01.northwind.local";',
  'WriteToOperationLog("host " + d["host"] + " key " + d["api_key"]);',
  '$cfg = Dict(); $cfg["client_secret"] = $api.password; $cfg["region"] = "eu";',
  'WriteToOperationLog($cfg["region"]); d = $cfg;',
  // A field masked or removed (the whole container is joined again from its fields); a script's result.
  'd["api_key"] = "****"; RemoveKey($cfg, "client_secret");',
  'WriteToOperationLog($cfg); d;',
  'SetLastError("x" + $hidden_pv);',
  'count = Length($orders);',
  'WriteToOperationLog("count " + count);',
  '// a comment; with a semicolon',
  'token = "";',
];

function script(rng: () => number, n: number): string {
  const lines = ['<trans>'];
  for (let i = 0; i < n; i++) lines.push(STATEMENTS[Math.floor(rng() * STATEMENTS.length)]);
  lines.push('</trans>');
  return lines.join('\n');
}

function edit(text: string, rng: () => number): string {
  if (rng() < 0.5) return mutate(text, rng);
  // Insert or delete whole statements: the edits that change the flow state most.
  const lines = text.split('\n');
  const at = 1 + Math.floor(rng() * Math.max(1, lines.length - 2));
  if (rng() < 0.6) lines.splice(at, 0, STATEMENTS[Math.floor(rng() * STATEMENTS.length)]);
  else lines.splice(at, 1);
  return lines.join('\n');
}

const t = (x: Taint | undefined) => (x ? [x.bits, x.label, x.secretLiteral, x.origin?.start, x.origin?.end, x.literals?.map((l) => l.value)] : null);

function normal(f: ScriptFacts): unknown {
  return {
    literals: f.literals.map((l) => [l.lit.start, l.lit.end, l.lit.valueStart, l.lit.value, JSON.stringify(l.ctx), l.secret, l.contextSecret, l.tokens]),
    sinks: f.sinks.map((s) => [s.call.start, s.call.end, s.call.name, s.argIndex, t(s.taint), s.parts.map((p) => [p.ir.start, p.ir.end, t(p.taint)])]),
    calls: f.calls.map((c) => [c.start, c.end, c.name]),
    vars: f.vars.map((v) => [v.v.start, v.v.end, v.v.name, v.access]),
    arrays: f.arrays.map((a) => [a.start, a.end]),
    globalWrites: [...f.globalWrites].map(([k, x]) => [k, t(x)]),
    globalReads: [...f.globalReads],
    globalsWritten: [...f.globalsWritten],
  };
}

function fresh(text: string): ScriptFacts {
  const file = loadSourceFile('/w/a.jb', text);
  return buildFacts(file, parseRegions(file), host).regions[0].flow;
}

describe('semantics/flow-memo (incremental flow pass)', () => {
  it('gives the facts of a pass from scratch along 600 random edit chains', function () {
    this.timeout(120_000);
    const rng = prng(0xf10);
    let reusedPrefix = 0;
    let reusedTail = 0;
    let withSinks = 0;
    for (let chain = 0; chain < 30; chain++) {
      let text = script(rng, 20 + Math.floor(rng() * 60));
      let file = loadSourceFile('/w/a.jb', text);
      let parsed: ParsedRegion[] = parseRegions(file);
      buildFacts(file, parsed, host, { memoKey: 'k' });
      for (let step = 0; step < 20; step++) {
        text = edit(text, rng);
        file = loadSourceFile('/w/a.jb', text);
        parsed = parseRegions(file, parsed);
        const prior = parsed[0]?.flowMemo;
        const got = buildFacts(file, parsed, host, { memoKey: 'k' }).regions[0]?.flow;
        const want = fresh(text);
        if (!got) {
          assert.equal(file.regions.length, 0);
          continue;
        }
        if (prior && prior.body[0] === parsed[0].ir.body[0]) reusedPrefix++;
        const last = got.literals[got.literals.length - 1];
        if (prior && last && last === prior.facts.literals[prior.facts.literals.length - 1]) reusedTail++;
        if (got.sinks.length > 0) withSinks++;
        assert.deepEqual(normal(got), normal(want), `chain ${chain} step ${step}: ${JSON.stringify(text)}`);
      }
    }
    // The chains must exercise both kinds of reuse, on scripts with findings, or the comparison proves little.
    assert.ok(reusedPrefix > 300, `only ${reusedPrefix} passes reused kept statements`);
    assert.ok(reusedTail > 150, `only ${reusedTail} passes took the kept tail`);
    assert.ok(withSinks > 300, `only ${withSinks} passes had sinks`);
  });

  it('takes the kept tail when the state on entry to it is unchanged, and evaluates it when not', () => {
    const lines = ['<trans>'];
    for (let i = 0; i < 50; i++) lines.push(`count_${i} = Length($orders.list_${i % 7});`, `WriteToOperationLog("batch ${i}: " + count_${i});`);
    lines.push('token = "";', 'WriteToOperationLog("t=" + token);', '</trans>');
    const text = lines.join('\n');
    const file = loadSourceFile('/w/a.jb', text);
    const parsed = parseRegions(file);
    const before = buildFacts(file, parsed, host, { memoKey: 'k' }).regions[0].flow;
    assert.equal(before.sinks.length, 0);

    // A comment typed in the middle: the tail's facts are the previous pass's own objects.
    const commented = text.replace('count_20 = ', '/* note */ count_20 = ');
    const f2 = loadSourceFile('/w/a.jb', commented);
    const p2 = parseRegions(f2, parsed);
    const after = buildFacts(f2, p2, host, { memoKey: 'k' }).regions[0].flow;
    const lastBefore = before.literals[before.literals.length - 1];
    assert.equal(after.literals[after.literals.length - 1], lastBefore, 'the tail was taken, not evaluated');
    assert.deepEqual(normal(after), normal(fresh(commented)));

    // A secret assigned in the middle changes the state the tail sees: the tail is evaluated, the log found.
    const leaked = commented.replace('count_30 = ', 'token = "Zq8vN3kLp7Wx2RtY"; WriteToOperationLog(token); count_30 = ');
    const f3 = loadSourceFile('/w/a.jb', leaked);
    const p3 = parseRegions(f3, p2);
    const third = buildFacts(f3, p3, host, { memoKey: 'k' }).regions[0].flow;
    assert.deepEqual(normal(third), normal(fresh(leaked)));
    assert.ok(third.sinks.length >= 1);
  });

  it('evaluates the tail again when a secret literal before it changed for another of the same length', () => {
    // The literals a sink's value stands on decide what an allowlist leaves of the log: they are part of the state.
    // (Values that are no variable name: a local holding a name's text is state of its own, see flow.ts CONST.)
    const lines = ['<trans>', 'n = 0;', 'token = "Zq8vN3kLp7Wx2R!Y";'];
    for (let i = 0; i < 20; i++) lines.push(`count_${i} = Length($orders.list_${i % 7});`);
    lines.push('WriteToOperationLog("t=" + token);', '</trans>');
    const text = lines.join('\n');
    const file = loadSourceFile('/w/a.jb', text);
    const parsed = parseRegions(file);
    buildFacts(file, parsed, host, { memoKey: 'k' });
    const swapped = text.replace('Zq8vN3kLp7Wx2R!Y', 'Hc4mT9bVx2KqW7!L');
    const f2 = loadSourceFile('/w/a.jb', swapped);
    const p2 = parseRegions(f2, parsed);
    assert.ok(p2[0].flowMemo, 'the edit is re-parsed incrementally');
    const after = buildFacts(f2, p2, host, { memoKey: 'k' }).regions[0].flow;
    assert.deepEqual(normal(after), normal(fresh(swapped)));
    assert.deepEqual(after.sinks[0].taint.literals?.map((l) => l.value), ['Hc4mT9bVx2KqW7!L']);
  });

  it('reuses nothing under another key (the project variables changed)', () => {
    const text = '<trans>\nx = $hidden_pv;\nWriteToOperationLog(x);\n</trans>';
    const file = loadSourceFile('/w/a.jb', text);
    const parsed = parseRegions(file);
    buildFacts(file, parsed, host, { memoKey: 'k1' });
    const other: FlowHost = { ...host, isHiddenProjectVariable: () => false };
    const f = buildFacts(file, parsed, other, { memoKey: 'k2' }).regions[0].flow;
    assert.equal(f.sinks.length, 0, 'evaluated with the new host');
  });
});
