// Known secret formats and credentials inside structured strings, found in one string (a literal value,
// a comment's text, a config value). Policy section 1: "known token format" and "inside structured strings".
// This module is the entry: the trigger test, the detector order, long-text windows and overlap resolution.
// The detectors: tokens-formats.ts, tokens-structured.ts, tokens-key-values.ts; their markers: tokens-markers.ts.
//
// Cost: every detector is guarded by a cheap prefilter (indexOf of its marker) and uses anchored regexes with
// bounded quantifiers, so the scan is linear in the text length.

import type { ValueSite } from './placeholder';
import type { Candidate, Out, SecretMatch } from './tokens-candidate';
import {
  scanAws, scanAzure, scanGithubNpm, scanGoogle, scanJwt, scanMisc, scanPem, scanSalesforce, scanSendgrid, scanSlack, scanStripe, scanTwilio,
} from './tokens-formats';
import { scanKeyValues, scanXmlElements } from './tokens-key-values';
import { findMarkers, NO_MARKERS, type Markers } from './tokens-markers';
import { scanAuthHeaders, scanOracleJdbc, scanUrlUserinfo, scanWholeBasicBase64 } from './tokens-structured';

export type { SecretMatch } from './tokens-candidate';
export { decodeBasicCredentials, hasValidTokenChecksum, isAwsSecretKeyShape, isJwt } from './tokens-validate';

type Detector = (text: string, where: ValueSite, out: Out, mk: Markers) => void;

// The order is part of the result: candidates that rank equal in resolveOverlaps keep it (the sort is stable).
const DETECTORS: Detector[] = [
  scanAws, scanAzure, scanGoogle, scanGithubNpm, scanSlack, scanStripe, scanSendgrid, scanTwilio, scanSalesforce, scanMisc,
  scanJwt, scanPem, scanUrlUserinfo, scanOracleJdbc, scanAuthHeaders, scanWholeBasicBase64, scanKeyValues, scanXmlElements,
];

/** Texts longer than CHUNK are scanned in overlapping windows (bounded per-window work, linear overall). */
const CHUNK = 1 << 20;
const OVERLAP = 16384;

/**
 * Anything a detector could match needs one of these: a format marker, a credential-name hint (key/value
 * pairs, XML elements, AWS/Twilio labels), a URL scheme, or an auth scheme word. Most code literals have none,
 * and then the whole scan is one regex test.
 */
const TRIGGER_RE = /AKIA|ASIA|AIza|gh[pousr]_|github_pat_|npm_|xox|xapp-|hooks\.slack|_live_|_test_|whsec_|SG\.|00D|glpat-|shp|pypi-|sk-|eyJ|-----BEGIN|:\/\/|basic|bearer|pass|pwd|pw|secret|token|key|sess|sas|sig|auth|cred|(?:AC|SK)[0-9a-f]{32}|ssws|geniekey|_v1_|gocspx-|atatt3|lin_api_|pmak-|nrak-|hrku-|dapi|sq0|ntn_|figd_|dp\.pt\.|pat-|q~|-us\d|jdbc:oracle/i;
const BASE64ISH_RE = /^\s*["'`]?[A-Za-z0-9+/]{8,512}={0,2}["'`]?\s*$/;

function runDetectors(text: string, where: ValueSite, out: Out): void {
  if (!TRIGGER_RE.test(text)) {
    if (BASE64ISH_RE.test(text)) scanWholeBasicBase64(text, where, out, NO_MARKERS);
    return;
  }
  const mk = findMarkers(text);
  for (const d of DETECTORS) {
    try {
      d(text, where, out, mk);
    } catch {
      // A detector never breaks the scan: its matches for this text are simply missing.
    }
  }
}

function rank(a: Candidate): number {
  return (a.confidence === 'high' ? 100 : 0) + a.priority * 10;
}

function byRank(a: Candidate, b: Candidate): number {
  return rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/**
 * Keeps the best of every group of overlapping candidates (higher confidence, then format-specific detectors,
 * then longer). Clusters of transitively overlapping candidates are resolved independently, so the work stays
 * proportional to the number of candidates times the (small) cluster size.
 */
function resolveOverlaps(all: Candidate[]): Candidate[] {
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let i = 0;
  while (i < all.length) {
    let j = i + 1;
    let clusterEnd = all[i].end;
    while (j < all.length && all[j].start < clusterEnd) {
      clusterEnd = Math.max(clusterEnd, all[j].end);
      j++;
    }
    if (j - i === 1) kept.push(all[i]);
    else {
      const cluster = all.slice(i, j).sort(byRank);
      const chosen: Candidate[] = [];
      for (const c of cluster) if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
      chosen.sort((a, b) => a.start - b.start);
      kept.push(...chosen);
    }
    i = j;
  }
  return kept;
}

/**
 * Finds known secret formats and credentials inside structured strings in `text`.
 * `where` tells whether the text is code (a literal or config value) or comment/documentation text, which
 * changes what counts as a placeholder (`changeit` is a placeholder only in comments).
 * Matches never overlap; they are sorted by start offset.
 */
export function scanSecretTokens(text: string, where: ValueSite): SecretMatch[] {
  if (typeof text !== 'string' || text.length < 8) return [];
  const all: Candidate[] = [];
  if (text.length <= CHUNK + OVERLAP) runDetectors(text, where, all);
  else {
    // Very long texts are scanned in overlapping windows so that per-window work stays bounded.
    for (let s = 0; s < text.length; s += CHUNK) {
      const win = text.slice(s, Math.min(text.length, s + CHUNK + OVERLAP));
      const part: Candidate[] = [];
      runDetectors(win, where, part);
      for (const p of part) all.push({ ...p, start: p.start + s, end: p.end + s });
    }
  }
  if (all.length === 0) return [];
  const kept = resolveOverlaps(all);
  return kept.map(({ kind, description, start, end, confidence }) => ({ kind, description, start, end, confidence }));
}
