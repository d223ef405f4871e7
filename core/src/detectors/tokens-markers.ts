// The marker pass of scanSecretTokens: one regex over the text sets which detectors run (tokens.ts runs it after
// its trigger test). A marker added here needs its detector's flag and, in tokens.ts, a word in TRIGGER_RE.

/** Which format markers a text contains, found in one regex pass; detectors run only when theirs is present. */
export interface Markers {
  aws: boolean;
  secret: boolean;
  accountKey: boolean;
  sharedAccessKey: boolean;
  sig: boolean;
  google: boolean;
  gh: boolean;
  ghPat: boolean;
  npm: boolean;
  slack: boolean;
  slackHook: boolean;
  stripe: boolean;
  whsec: boolean;
  sendgrid: boolean;
  twilio: boolean;
  salesforce: boolean;
  misc: boolean;
  jwt: boolean;
  pem: boolean;
  url: boolean;
  authScheme: boolean;
  oracle: boolean;
}

const MARKER_RE =
  /AKIA|ASIA|[Ss]ecret|SECRET|AccountKey|SharedAccessKey|sig=|AIza|gh[pousr]_|github_pat_|npm_|xox|xapp-|hooks\.slack\.com|_live_|_test_|whsec_|SG\.|00D|glpat-|shp(?:at|ca|pa|ss)_|pypi-|sk-|eyJ|-----BEGIN |:\/\/|(?:AC|SK)[0-9a-f]{8}|[Bb]asic|BASIC|[Bb]earer|BEARER|[Tt]oken|TOKEN|SSWS|GenieKey|[Aa]pi[Kk]ey|APIKEY|do[opr]_v1_|GOCSPX-|ATATT3|lin_api_|PMAK-|NRAK-|HRKU-|dapi[0-9a-f]|xkeysib-|sq0(?:atp|csp)-|ntn_|figd_|dp\.pt\.|pat-(?:na|eu)1-|\dQ~|key-[0-9a-f]{8}|[0-9a-f]{8}-us\d|jdbc:oracle:/g;

/** Markers of the formats in MISC_FORMATS (checked before the first-character switch below). */
const MISC_MARKER_RE = /^(?:do[opr]_v1_|GOCSPX-|ATATT3|lin_api_|PMAK-|NRAK-|HRKU-|dapi[0-9a-f]|xkeysib-|sq0(?:atp|csp)-|ntn_|figd_|dp\.pt\.|pat-(?:na|eu)1-|\dQ~|key-[0-9a-f]{8}|[0-9a-f]{8}-us\d)$/;
/** Authorization schemes other than Basic / Bearer / Token (Okta `SSWS`, Opsgenie `GenieKey`, `ApiKey`). */
const OTHER_SCHEME_MARKER_RE = /^(?:SSWS|GenieKey|[Aa]pi[Kk]ey|APIKEY)$/;

function emptyMarkers(): Markers {
  return {
    aws: false, secret: false, accountKey: false, sharedAccessKey: false, sig: false, google: false, gh: false, ghPat: false,
    npm: false, slack: false, slackHook: false, stripe: false, whsec: false, sendgrid: false, twilio: false, salesforce: false,
    misc: false, jwt: false, pem: false, url: false, authScheme: false, oracle: false,
  };
}
export const NO_MARKERS: Markers = emptyMarkers();

export function findMarkers(text: string): Markers {
  const mk = emptyMarkers();
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(text)) !== null) {
    const v = m[0];
    if (MISC_MARKER_RE.test(v)) {
      mk.misc = true;
      continue;
    }
    if (OTHER_SCHEME_MARKER_RE.test(v)) {
      mk.authScheme = true;
      continue;
    }
    switch (v.charCodeAt(0)) {
      case 65: // A
        if (v === 'AKIA' || v === 'ASIA') mk.aws = true;
        else if (v === 'AccountKey') mk.accountKey = true;
        else if (v === 'AIza') mk.google = true;
        else mk.twilio = true;
        break;
      case 83: // S
        if (v === 'SharedAccessKey') mk.sharedAccessKey = true;
        else if (v === 'SG.') mk.sendgrid = true;
        else if (v.startsWith('SK')) mk.twilio = true;
        else mk.secret = true;
        break;
      case 115: // s
        if (v === 'sig=') mk.sig = true;
        else if (v === 'sk-' || v.startsWith('shp')) mk.misc = true;
        else mk.secret = true;
        break;
      case 103: // g
        if (v === 'github_pat_') mk.ghPat = true;
        else if (v === 'glpat-') mk.misc = true;
        else mk.gh = true;
        break;
      case 110:
        mk.npm = true;
        break;
      case 120:
        mk.slack = true;
        break;
      case 104:
        mk.slackHook = true;
        break;
      case 95:
        mk.stripe = true;
        break;
      case 119:
        mk.whsec = true;
        break;
      case 48:
        mk.salesforce = true;
        break;
      case 112:
        mk.misc = true;
        break;
      case 101:
        mk.jwt = true;
        break;
      case 45:
        mk.pem = true;
        break;
      case 58:
        mk.url = true;
        break;
      case 106: // j
        mk.oracle = true;
        break;
      default:
        mk.authScheme = true; // Basic / Bearer / Token in any of the cases above
    }
  }
  return mk;
}
