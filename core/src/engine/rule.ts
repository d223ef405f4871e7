import type { FileFacts } from './facts';
import type { Fix, RuleMeta, Finding } from './types';
import type { TaintLiteral } from '../semantics/taint';

/** What a rule reports; the engine locates, masks, fingerprints and filters it. */
export interface RuleReport {
  messageId: string;
  /** Placeholder values for the message template. Never put a raw value here: use `value`. */
  data?: Record<string, string>;
  /** Host offsets. */
  start: number;
  end: number;
  /** The raw matched value: used for the allowlist, the fingerprint and the masked form, never shown. */
  value?: string;
  fixes?: Fix[];
  regionId?: string;
  mappingTarget?: string;
  related?: Finding['related'];
  /**
   * The finding stands on these hard-coded values alone (a log of a secret literal): it is dropped when the allowlist
   * allows every one of them, by value, by hash or by the path of the file that holds it.
   */
  standsOn?: readonly TaintLiteral[];
  /** Overrides the rule's default severity for this finding (e.g. logging a secret literal is an error). */
  severity?: Finding['severity'];
}

export interface RuleContext {
  facts: FileFacts;
  options: Record<string, unknown>;
  report(r: RuleReport): void;
}

/** One rule per file under core/src/rules; `meta.id` is the diagnostic code, SARIF ruleId and suppression id. */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/jitterbit-guard/jitterbit-guard/blob/main/core/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
