// Helpers to recognise the parts of a person record: a name, a date of birth, a street address.
// Rules combine them over the elements of an array literal; scanPii combines them inside one delimited string.

const NOT_NAME_WORDS = new Set([
  // test/data words
  'test', 'tests', 'testing', 'account', 'accounts', 'user', 'users', 'customer', 'customers', 'demo', 'sample', 'example',
  'admin', 'default', 'company', 'client', 'vendor', 'supplier', 'employee', 'contact', 'record', 'order', 'invoice', 'item',
  'product', 'service', 'team', 'group', 'dept', 'department', 'support', 'sales', 'billing', 'unknown', 'none', 'null', 'new',
  'old', 'main', 'primary', 'secondary', 'other', 'general', 'global', 'local', 'total', 'error', 'warning', 'info', 'debug',
  'success', 'failed', 'pending', 'active', 'inactive', 'open', 'closed', 'yes', 'no', 'true', 'false', 'the', 'and', 'of',
  'for', 'to', 'from', 'with', 'by', 'at', 'in', 'on', 'is', 'not', 'all', 'any', 'api', 'data', 'file', 'id', 'name', 'date',
  'born', 'birth', 'address', 'street', 'phone', 'email', 'mail', 'number', 'code', 'status', 'type', 'value', 'key',
  // business / document words
  'report', 'reports', 'summary', 'annual', 'quarterly', 'monthly', 'weekly', 'daily', 'price', 'prices', 'list', 'batch', 'export',
  'import', 'sync', 'job', 'run', 'schedule', 'release', 'version', 'project', 'plan', 'budget', 'payment', 'payments', 'ledger',
  'shipment', 'delivery', 'purchase', 'sales', 'stock', 'inventory', 'material', 'master', 'mapping', 'script', 'operation',
  'request', 'response', 'header', 'body', 'field', 'table', 'row', 'column', 'start', 'end', 'begin', 'stop', 'last', 'first',
  'next', 'previous', 'created', 'updated', 'modified', 'deleted', 'effective', 'expiry', 'expires', 'valid', 'invoice',
  // organisations
  'inc', 'llc', 'ltd', 'gmbh', 'corp', 'corporation', 'co', 'plc', 'bv', 'ag', 'sa', 'group', 'holdings', 'bank', 'trust',
  'university', 'school', 'hospital', 'store', 'shop', 'warehouse', 'logistics', 'systems', 'solutions', 'services',
  'traders', 'trading', 'freight', 'foods', 'partners', 'industries', 'enterprises', 'associates', 'consulting', 'motors',
  'airlines', 'airways', 'labs', 'media', 'foundation', 'pharma', 'energy', 'supply', 'supplies', 'distribution', 'retail',
  'manufacturing', 'technologies', 'tech', 'software', 'global', 'international', 'imports', 'exports', 'brands', 'capital',
  // places and address words
  'north', 'south', 'east', 'west', 'san', 'los', 'las', 'santa', 'saint', 'st', 'fort', 'port', 'mount', 'lake', 'city', 'county',
  'united', 'states', 'kingdom', 'republic', 'york', 'jersey', 'avenue', 'road', 'lane', 'drive', 'boulevard', 'court', 'way',
  'place', 'suite', 'floor', 'building', 'box',
  // places and sites (not surnames: Park, Hill, Rivers, White… are people too)
  'beach', 'harbor', 'harbour', 'valley', 'heights', 'springs', 'falls', 'island', 'creek', 'dock', 'gate', 'yard',
  'terminal', 'station', 'center', 'centre', 'plaza', 'mall', 'market', 'depot', 'hub', 'airport', 'pier', 'tower', 'campus',
  'office', 'plant', 'factory', 'zone',
  // goods and operations
  'widget', 'gadget', 'parts', 'unit', 'units', 'kit', 'pallet', 'carton', 'crate', 'bundle', 'receiving', 'shipping',
  'returns', 'staging', 'loading', 'packing', 'picking', 'storage', 'bulk', 'overflow', 'large', 'small', 'medium',
  'standard', 'premium', 'deluxe', 'express', 'economy', 'priority', 'overnight', 'refund',
  // time words
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'tomorrow', 'yesterday',
]);

/** Conventional placeholder persons (John Doe, Max Mustermann, Joe Bloggs…): documentation names, nobody's data. */
const PLACEHOLDER_PERSONS = new Set([
  'john doe', 'jane doe', 'johnny doe', 'janie doe', 'baby doe', 'richard roe', 'jane roe', 'joe bloggs', 'joe public',
  'john q public', 'jane q public', 'max mustermann', 'erika mustermann', 'otto normalverbraucher', 'jean dupont',
  'juan perez', 'juan pérez', 'mario rossi', 'fulano de tal', 'jan kowalski', 'jan jansen', 'ola nordmann', 'kari nordmann',
  'matti meikäläinen', 'jan novák', 'jan novak', 'joe schmoe', 'test user', 'a n other',
]);

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'mx']);
// Letters of any script (`Émilie`, `Wiśniewski`, `Łukasz`, `Ólafsdóttir`), not only Latin-1.
const NAME_WORD_RE = /^(?:\p{Lu}\p{Ll}{1,20}|\p{Lu}['\u2019]\p{Lu}\p{Ll}{1,20}|Ma?c\p{Lu}\p{Ll}{1,20})(?:-\p{Lu}\p{Ll}{1,20})?$/u;
const INITIAL_RE = /^[A-Z]\.?$/;
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'la', 'le', 'du', 'dos', 'bin', 'al', 'ter']);

/**
 * A person's name: 2–4 capitalised words (initials, particles like `van`/`de`, an optional title allowed),
 * no digits, none of them a common non-name word ("Test Account", "New York", "Customer Service").
 * Also accepts "Last, First" written with a comma.
 */
export function looksLikePersonName(s: string): boolean {
  if (typeof s !== 'string') return false;
  let t = s.trim();
  if (t.length < 4 || t.length > 60) return false;
  const comma = t.indexOf(',');
  if (comma > 0 && t.indexOf(',', comma + 1) < 0) t = `${t.slice(comma + 1).trim()} ${t.slice(0, comma).trim()}`;
  const words = t.split(/\s+/);
  if (PLACEHOLDER_PERSONS.has(words.map((w) => w.replace(/\.$/, '')).join(' ').toLowerCase())) return false;
  let i = 0;
  if (words.length > 2 && TITLES.has(words[0].replace(/\.$/, '').toLowerCase())) i = 1;
  const rest = words.slice(i);
  if (rest.length < 2 || rest.length > 4) return false;
  let full = 0;
  let initials = 0;
  for (let k = 0; k < rest.length; k++) {
    const w = rest[k];
    if (NOT_NAME_WORDS.has(w.toLowerCase().replace(/[.']/g, ''))) return false;
    if (NAME_WORD_RE.test(w)) full++;
    else if (INITIAL_RE.test(w) && k < rest.length - 1) initials++;
    else if (PARTICLES.has(w) && k > 0 && k < rest.length - 1) continue;
    else return false;
  }
  return (full >= 2 || (full === 1 && initials >= 1 && rest[0].endsWith('.'))) && NAME_WORD_RE.test(rest[rest.length - 1]);
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const DOB_PREFIX_RE = /^(?:(?:born|b\.|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthdate|birthday)\s*(?:on\s+)?[:=-]?\s*)/i;
const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const TEXT_DMY_RE = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]([A-Za-z]{3,9})\.?[\s\-,]{1,2}(\d{4})$/;
const TEXT_MDY_RE = /^([A-Za-z]{3,9})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})$/;
const COMPACT_RE = /^(19\d{2}|20\d{2})(\d{2})(\d{2})$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= dim;
}

function plausibleBirth(y: number, m: number, d: number, now: Date): boolean {
  if (!validDate(y, m, d) || y < 1900) return false;
  const limit = new Date(Date.UTC(now.getUTCFullYear() - 10, now.getUTCMonth(), now.getUTCDate()));
  return Date.UTC(y, m - 1, d) <= limit.getTime();
}

/**
 * A plausible date of birth: a valid calendar date between 1900 and ten years before `now`, written as
 * `YYYY-MM-DD` (also `/` `.`, optional time), `MM/DD/YYYY` or `DD/MM/YYYY` (also `-` `.`), `YYYYMMDD`,
 * `12 March 1984`, `12-Mar-1984`, `March 12, 1984`; optionally preceded by `born`, `DOB:`, `date of birth`.
 */
export function looksLikeDateOfBirth(s: string, now: Date = new Date()): boolean {
  if (typeof s !== 'string') return false;
  let t = s.trim();
  if (t.length < 6 || t.length > 60) return false;
  const hadPrefix = DOB_PREFIX_RE.test(t);
  t = t.replace(DOB_PREFIX_RE, '').trim();
  let m = ISO_RE.exec(t);
  if (m) return plausibleBirth(+m[1], +m[2], +m[3], now);
  m = DMY_RE.exec(t);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const y = +m[4];
    return plausibleBirth(y, a, b, now) || plausibleBirth(y, b, a, now);
  }
  m = TEXT_DMY_RE.exec(t);
  if (m) {
    const mon = MONTHS[m[2].toLowerCase()];
    return mon !== undefined && plausibleBirth(+m[3], mon, +m[1], now);
  }
  m = TEXT_MDY_RE.exec(t);
  if (m) {
    const mon = MONTHS[m[1].toLowerCase()];
    return mon !== undefined && plausibleBirth(+m[3], mon, +m[2], now);
  }
  if (hadPrefix) {
    m = COMPACT_RE.exec(t);
    if (m) return plausibleBirth(+m[1], +m[2], +m[3], now);
  }
  return false;
}

// A key naming another event says its date is no birth date: `hireDate`, `founded`, `created_at`, `validTo`, `dateOfHire`.
const BIRTH_KEY_WORDS = new Set(['birth', 'birthday', 'birthdate', 'dob', 'born', 'geburtsdatum', 'geburtstag', 'naissance', 'nacimiento', 'nascita']);
const OTHER_EVENT_KEY_WORDS = new Set([
  'founded', 'founding', 'established', 'incorporated', 'incorporation', 'created', 'creation', 'updated', 'modified', 'opened',
  'opening', 'closed', 'closing', 'release', 'released', 'launch', 'launched', 'start', 'started', 'end', 'ended', 'expiry',
  'expires', 'expired', 'expiration', 'due', 'ship', 'shipped', 'shipping', 'delivery', 'delivered', 'order', 'ordered',
  'invoice', 'invoiced', 'effective', 'valid', 'since', 'registered', 'registration', 'renewal', 'renewed', 'issue', 'issued',
  'hire', 'hired', 'join', 'joined', 'joining', 'termination', 'terminated', 'login', 'posted', 'paid', 'booked', 'signed',
  'visit', 'admission', 'admitted', 'discharge', 'discharged', 'install', 'installed', 'purchase', 'purchased', 'manufactured',
  'eintritt', 'austritt', 'gruendung', 'creado', 'cree',
]);

/** True when a record key names a date other than a birth (`hireDate`, `founded`, `created_at`); false for birth keys. */
export function isOtherEventDateKey(key: string): boolean {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/);
  if (words.some((w) => BIRTH_KEY_WORDS.has(w))) return false;
  return words.some((w) => OTHER_EVENT_KEY_WORDS.has(w));
}

const STREET_SUFFIX =
  '(?:Street|St|Avenue|Ave|Av|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Crescent|Cres|Close|Row|Alley|Loop|Run|Path|Pike|Plaza|Walk|Gardens|Grove|Hill|Mews)';
const US_ADDRESS_RE = new RegExp(
  `^\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z0-9][A-Za-z0-9'\\u2019.\\-]{0,24}\\s+){0,4}${STREET_SUFFIX}\\.?(?=$|[\\s,;#])`,
);
const EU_ADDRESS_RE = /^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff-]{1,40}(?:stra(?:ss|\u00df)e|str\.|weg|gasse|allee|platz|laan|straat|gracht|plein|gata|gatan|vej|vei|katu|tie)\s+\d{1,5}[a-zA-Z]?(?=$|[\s,;])/i;
const FR_ADDRESS_RE = /^\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|all[e\u00e9]e|impasse|quai|route|calle|via|viale|piazza|corso|avenida|rua)\s+\S/i;
const PO_BOX_RE = /^(?:P\.?\s?O\.?\s?Box|Post\s+Office\s+Box)\s+\d{1,8}\b/i;
/** The street word first, then the name, then the number: `ul. Długa 14/3`, `Via Roma, 12`, `Calle Mayor 5`, `Rua Augusta 100`. */
const STREET_FIRST_RE = /^(?:ul\.|ulica|al\.|aleja|os\.|pl\.|plac|via|viale|piazza|corso|calle|c\/|avda\.?|avenida|paseo|rua|travessa|largo|rue|avenue|ulitsa|ul|str\.|strada|bulevardul|ulice|utca)\s+(\p{L}[\p{L}\p{M} .'\u2019-]{1,40}?),?\s+\d{1,5}[A-Za-z]?(?:\/\d{1,4})?(?=$|[\s,;])/iu;

/** A street-first address whose street name is capitalised (`Via Roma 12`, not `via email 2 times`). */
function streetFirst(t: string): boolean {
  const m = STREET_FIRST_RE.exec(t);
  return m !== null && /^\p{Lu}/u.test(m[1]);
}

/**
 * A street address: `42 Elm St`, `4891 Larkspur Lane, Boise, ID 83702`, `Hauptstraße 5`, `12 rue de la Paix`,
 * `P.O. Box 123`. The address may continue after the street part (city, postcode).
 */
export function looksLikeStreetAddress(s: string): boolean {
  if (typeof s !== 'string') return false;
  const t = s.trim();
  if (t.length < 6 || t.length > 200) return false;
  return US_ADDRESS_RE.test(t) || EU_ADDRESS_RE.test(t) || FR_ADDRESS_RE.test(t) || PO_BOX_RE.test(t) || streetFirst(t);
}

/** UK National Insurance number: two prefix letters (not D F I Q U V; second not O; no BG GB KN NK NT TN ZZ), six digits, A–D. */
const NINO_RE = /^([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])$/;
const NINO_BAD_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
/** A label naming a national id before its value (`NINO`, `national id:`, `passport no.`). */
const NATIONAL_ID_LABEL_RE = /^(?:nino|ni\s?(?:no\.?|number)|national\s(?:id(?:entity)?|insurance)(?:\s(?:no\.?|number|card))?|passport(?:\s(?:no\.?|number))?|personal\s(?:id|number)|tax\s(?:id|number)|id\s(?:card|number)|citizen\sid|sin|bsn|dni|nie|nif|cpf|pesel|nir|personnummer|henkil[oö]tunnus|cpr|steuer-?id|steueridentifikationsnummer|codice\sfiscale|aadhaar|sozialversicherungsnummer|svnr|ahv(?:-?nr)?|rrn|nric)(?![A-Za-z])\.?\s{0,3}[:#=]?\s{0,3}/i;

function isNino(s: string): boolean {
  const m = NINO_RE.exec(s);
  return m !== null && !NINO_BAD_PREFIXES.has(m[1] + m[2]);
}

/**
 * A national id other than a US SSN, as a record field: a UK National Insurance number (`JT 48 21 93 B`), or a value
 * labelled as a national id, passport or personal number (`national id 7405121234`): 6–20 letters and digits, 4+ digits.
 */
export function looksLikeNationalId(s: string): boolean {
  if (typeof s !== 'string') return false;
  const t = s.trim();
  if (t.length < 6 || t.length > 60) return false;
  if (isNino(t.toUpperCase() === t ? t : '')) return true;
  const m = NATIONAL_ID_LABEL_RE.exec(t);
  if (!m) return false;
  return isNationalIdNumber(t.slice(m[0].length));
}

/** A national id's value: a UK NINO, or 6–20 letters and digits (4+ digits) once spaces, dots and dashes are gone. */
function isNationalIdNumber(value: string): boolean {
  const v = value.trim();
  if (isNino(v)) return true;
  const compact = v.replace(/[\s.-]/g, '');
  return isNino(compact.toUpperCase()) || (/^[A-Za-z0-9]{6,20}$/.test(compact) && (compact.match(/\d/g)?.length ?? 0) >= 4);
}

/** A national-id value under a key that says so (`nationalId`, `nino`, `passport_number`): 6–20 letters and digits, 4+ digits. */
export function isNationalIdValue(key: string, value: string): boolean {
  if (!/^(?:national[\s_-]?(?:id|identity|insurance)(?:[\s_-]?(?:no|num|number))?|nino|ni[\s_-]?(?:no|number)|passport(?:[\s_-]?(?:no|num|number))?|personal[\s_-]?(?:id|number)|citizen[\s_-]?id|sin|social[\s_-]?insurance[\s_-]?(?:no|num|number)|bsn|dni|nie|nif|cpf|pesel|personnummer|cpr|steuer[\s_-]?id|codice[\s_-]?fiscale|aadhaar|nric)$/i.test(key)) return false;
  return isNationalIdNumber(value);
}
