// The PHI guard: finds the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) that can appear in
// staff-written text: names tied to someone's care, towns and ZIP codes of a patient, dates tied to a
// person (birth, admission, discharge, death, a diagnosis or a visit), ages over 89, phone and fax
// numbers, e-mail and street addresses, SSNs (whole or partial), medical record, health plan and
// account numbers, licence, vehicle and device numbers, URLs and IP addresses that point at a person,
// and full-face photos.
//
// How: the text is normalised first (normalise.ts: NFKC, look-alike letters, invisible characters,
// dashes), then libraries find what they know well (libphonenumber-js for phone numbers,
// chrono-node for dates written in words, compromise for first names, linkifyjs for URLs and e-mail
// addresses), and rules find identifiers after their keyword and weigh dates, places and names by
// the care words around them (context.ts). The organisation's own public phone line, e-mail, press
// address and website are let through (allow-list.ts). Every offset points into the ORIGINAL text.
//
// Precision matters as much as recall: outreach notes are full of harmless numbers and dates
// ("call back Tuesday", "#T1D since 2019", "met at ADA 2024 booth 12", "World Kidney Day is March
// 13", "app version 10.2.3.4"), and a guard that cries wolf gets worked around.
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import * as linkify from 'linkifyjs';
import {
  allowsAddress,
  allowsEmail,
  allowsHost,
  allowsPhone,
  orgContacts,
  type OrgContacts,
} from './allow-list.ts';
import {
  CARE_EVENT,
  clauseAround,
  PATIENT_OR_RELATIVE,
  PUBLIC_EVENT,
  RELATION,
  sentenceAround,
} from './context.ts';
import { normalise, originalSpan } from './normalise.ts';

export const PhiKind = [
  'name',
  'geographic',
  'date_of_birth',
  'care_date',
  'age_over_89',
  'phone',
  'fax',
  'email',
  'street_address',
  'ssn',
  'medical_record_number',
  'health_plan_number',
  'account_number',
  'licence_number',
  'vehicle_identifier',
  'device_identifier',
  'url',
  'ip_address',
  'full_face_photo',
] as const;
export type PhiKind = (typeof PhiKind)[number];

interface PhiFinding {
  kind: PhiKind;
  /** Character offsets in the checked text (end exclusive); the matched text is never reported back. */
  start: number;
  end: number;
}

interface PhiOptions {
  /** The organisation's own public contact details; default: CARECIRCLE_ORG_CONTACTS. */
  allow?: OrgContacts;
}

interface Claim {
  start: number;
  end: number;
  /** null: a span that is known to be harmless (the organisation's phone line), kept so later rules skip it. */
  kind: PhiKind | null;
}

class Findings {
  readonly claims: Claim[] = [];
  constructor(readonly text: string) {}
  free(start: number, end: number): boolean {
    return !this.claims.some((c) => start < c.end && c.start < end);
  }
  add(kind: PhiKind | null, start: number, end: number): void {
    if (end > start && this.free(start, end)) this.claims.push({ kind, start, end });
  }
  /** Adds capture group `group` of every match of `re` (global) as `kind`. */
  rule(kind: PhiKind, re: RegExp, group = 0, keep?: (m: RegExpExecArray) => boolean): void {
    for (const m of this.text.matchAll(re)) {
      const part = m[group];
      if (part === undefined || (keep && !keep(m))) continue;
      const start = m.index + (group === 0 ? 0 : m[0].lastIndexOf(part));
      this.add(kind, start, start + part.length);
    }
  }
}

// ---- identifiers after a keyword ----------------------------------------------------------------

/** An identifier: letters, digits and dashes with at least three digits. */
const ID = String.raw`(?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,}`;
/** What may stand between a keyword and its identifier: "#", "no.", "number", "id", ":", "is" … */
const SEP = String.raw`\s*(?:(?:#|no\.?|nr\.?|num(?:ber)?|id|ref(?:erence)?|code|:|is|was|of|=|-)\s*)*`;
const KW = (words: string) => new RegExp(String.raw`\b(?:${words})${SEP}(${ID})\b`, 'gi');

const INSURERS = String.raw`aetna|bcbs|blue\s*cross(?:\s+blue\s+shield)?|blue\s+shield|anthem|cigna|uhc|united\s*health\s*care|unitedhealthcare|humana|kaiser|tricare|harvard\s+pilgrim|tufts(?:\s+health)?|wellcare|molina|centene|ambetter|oscar|highmark|premera|regence|emblem(?:health)?|fallon|mass\s*health|medicare|medicaid|mbi|chip`;

function keywordIdentifiers(f: Findings): void {
  const t = f.text;
  f.rule(
    'fax',
    /\bfax(?:ed|ing)?\b[^;\n\d]{0,40}?((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})(?!\d)/gi,
    1,
  );
  // SSNs: the keyword with a whole number, a masked one, or its last four digits.
  f.rule(
    'ssn',
    /\b(?:ssn|ss#|soc(?:ial)?\.?\s*sec(?:urity)?\.?(?:\s+(?:number|no\.?|#))?|social)\s*(?:#|:|no\.?|number|is|was)?\s*(\d{3}[\s.-]?\d{2}[\s.-]?\d{4}|x{3}-x{2}-\d{4})(?!\d)/gi,
    1,
  );
  f.rule('ssn', /\bx{3}-x{2}-\d{4}\b/gi);
  f.rule(
    'ssn',
    /\b(?:ssn|social(?:\s+security)?|soc\s+sec|ss#)\b[^.;\n\d]{0,30}?\b(?:ends?\s+(?:in|with)|ending(?:\s+in)?|last\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is))?)\s*:?\s*(\d{4})(?!\d)/gi,
    1,
  );
  f.rule(
    'ssn',
    /\blast\s+(?:4|four)(?:\s+digits)?\s+(?:of\s+)?(?:(?:his|her|their|the|my)\s+)?(?:ssn|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?|soc\s+sec)\b[^.;\n\d]{0,12}?(\d{4})(?!\d)/gi,
    1,
  );
  f.rule(
    'medical_record_number',
    KW(
      String.raw`m\s?r\s?n|mr\s*#|mr\s+no\.?|medical\s+record(?:\s+(?:number|no\.?|#))?|med\.?\s+rec(?:ord)?|record\s+(?:number|no\.?|#)|chart(?:\s+(?:number|no\.?|#))?|pt\.?\s+id|patient\s+(?:id|number|no\.?|#)|hospital\s+(?:number|no\.?|#|id)|hosp\.?\s+(?:no\.?|#|number)|wristband`,
    ),
    1,
  );
  f.rule(
    'health_plan_number',
    KW(
      String.raw`(?:(?:${INSURERS})(?:\s+(?:member|subscriber|plan|policy|insurance|health\s+plan|card))?(?:\s+(?:id|number|no\.?|#))?)|member(?:\s+(?:id|number|no\.?|#))?|subscriber(?:\s+(?:id|number|no\.?|#))?|beneficiary(?:\s+(?:id|number))?|policy(?:\s+(?:id|number|no\.?|#))?|insurance(?:\s+(?:id|number|no\.?|#))?|health\s+plan(?:\s+(?:id|number|no\.?|#))?|plan\s+(?:id|number|no\.?|#)|group(?:\s+(?:id|number|no\.?|#))?`,
    ),
    1,
  );
  f.rule(
    'account_number',
    KW(
      String.raw`(?:patient\s+|billing\s+|guarantor\s+)?acc(?:oun)?t|acct|billing|invoice|claim|guarantor|statement`,
    ),
    1,
  );
  f.rule(
    'licence_number',
    KW(
      String.raw`(?:driver'?s?\s+|nursing\s+|medical\s+|state\s+)?licen[cs]e(?:\s+(?:RN|LPN|MD|NP|PA|[A-Z]{2}))?|lic\.?|dl|dea|npi|passport|state\s+id|certificate`,
    ),
    1,
  );
  f.rule(
    'vehicle_identifier',
    /\b(?:vin|vehicle\s+id(?:entification)?(?:\s+number)?|licen[cs]e\s+plate|plate|reg(?:istration)?)(?:\s+(?:number|no\.?|#))?\s*(?:#|:|is)?\s*((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,16}|[A-Z]{2}\d{2}\s?[A-Z]{3})\b/gi,
    1,
  );
  // A bare VIN: 17 characters mixing letters and digits, never I, O or Q.
  f.rule(
    'vehicle_identifier',
    /\b(?=(?:[A-HJ-NPR-Z0-9]*\d){3})(?=(?:[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z]){3})[A-HJ-NPR-Z0-9]{17}\b/g,
  );
  f.rule('device_identifier', /\budi\s*:?\s*((?:\(\d{2,4}\)[A-Z0-9]+)+)/gi, 1);
  f.rule(
    'device_identifier',
    KW(
      String.raw`serial(?:\s+(?:number|no\.?|#))?(?:\s+of\s+(?:her|his|the|their|a)\s+\w+)?|s/n|sn|imei|device\s+id|lot(?:\s+(?:number|no\.?|#))|transmitter(?:\s+id)?|sensor(?:\s+(?:serial|id))?`,
    ),
    1,
  );
  // IP addresses, but not version numbers ("version 10.2.3.4", "firmware 1.0.0.12", "iOS 17.4.1").
  for (const m of t.matchAll(/\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g)) {
    const before = t.slice(Math.max(0, m.index - 30), m.index);
    const ipWord = /\b(?:ip|ipv4|address|from|logged|login)\b/i.test(before);
    if (
      !ipWord &&
      /\b(?:v(?:ersion)?|ver|firmware|fw|build|release|app|ios|android|macos|windows|update[ds]?(?:\s+to)?|patch|sdk|rev)\.?\s*(?:is\s+|to\s+|of\s+)?$/i.test(
        before,
      )
    )
      continue;
    if (/^\.\d/.test(t.slice(m.index + m[0].length))) continue;
    f.add('ip_address', m.index, m.index + m[0].length);
  }
  f.rule(
    'ip_address',
    /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}\b/gi,
    0,
    (m) => /\d/.test(m[0]) && /:/.test(m[0]),
  );
}

// ---- e-mails and URLs ---------------------------------------------------------------------------

const TLD = String.raw`com|org|net|edu|gov|us|uk|co|io|me|info|biz|ca|de|fr|ie|au|nz|health|mail`;
const SPELLED_AT = String.raw`\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|<\s*at\s*>)\s*|\s+at\s+|@`;
const SPELLED_DOT = String.raw`\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\}|<\s*dot\s*>)\s*|\s+dot\s+|\.`;
const SPELLED_EMAIL = new RegExp(
  String.raw`\b([a-z0-9][a-z0-9._%+-]*)(${SPELLED_AT})([a-z0-9-]+(?:(?:${SPELLED_DOT})[a-z0-9-]+)*(?:${SPELLED_DOT})(?:${TLD}))\b(?![/\w])`,
  'gi',
);
const WEBMAIL =
  /^(?:gmail|googlemail|yahoo|ymail|outlook|hotmail|live|msn|icloud|me|mac|aol|protonmail|proton|fastmail|comcast|verizon|att|sbcglobal|gmx|mail|zoho|yandex|hey)\b/i;

function emails(f: Findings, allow: OrgContacts): void {
  for (const m of f.text.matchAll(SPELLED_EMAIL)) {
    const [whole, local, at, domain] = m as unknown as [string, string, string, string];
    const spelledAt = at !== '@';
    const spelledDot = /dot/i.test(domain);
    // "public at northbayhealth.org" is a sentence, "jlee at gmail dot com" an address.
    if (spelledAt && /^\s+at\s+$/i.test(at) && !spelledDot && !WEBMAIL.test(domain) && !/[._\d]/.test(local))
      continue;
    const address = `${local}@${domain.replace(new RegExp(SPELLED_DOT, 'gi'), '.')}`.toLowerCase();
    f.add(allowsEmail(allow, address) ? null : 'email', m.index, m.index + whole.length);
  }
}

const FILE_HOSTS =
  /(?:^|\.)(?:drive\.google\.com|docs\.google\.com|photos\.google\.com|photos\.app\.goo\.gl|dropbox\.com|icloud\.com|imgur\.com|wetransfer\.com|we\.tl|box\.com|onedrive\.live\.com|1drv\.ms|flickr\.com|photobucket\.com)$/i;
const PORTAL_HOST =
  /(?:^|\.)(?:mychart|portal|patient|patients|myhealth|ehr|emr|records?|followmyhealth)\.|mychart/i;
const RECORD_PATH =
  /(?:patient|chart|record|result|visit|mrn|member|dob|ssn|labs?|scan|image|encounter|appointment|file)s?\b[^\s]*?\d{3,}|[?&](?:id|mrn|pid|patient(?:id)?|member)=\w*\d/i;

function urls(f: Findings, allow: OrgContacts): void {
  for (const l of linkify.find(f.text)) {
    if (l.type === 'email') {
      f.add(allowsEmail(allow, l.value) ? null : 'email', l.start, l.end);
      continue;
    }
    if (l.type !== 'url') continue;
    let host: string;
    let rest: string;
    try {
      const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(l.value) ? l.value : `https://${l.value}`);
      host = u.hostname;
      rest = `${u.pathname}${u.search}${u.hash}`;
    } catch {
      continue;
    }
    const personal =
      (FILE_HOSTS.test(host) && rest.replace(/\/+$/, '') !== '') ||
      PORTAL_HOST.test(host) ||
      RECORD_PATH.test(rest);
    f.add(personal && !allowsHost(allow, host) ? 'url' : null, l.start, l.end);
  }
}

// ---- dates ---------------------------------------------------------------------------------------

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
/** A date with at least a day and a month: 3/14/2021, 03-14-21, 2021-03-14, March 14(, 2021), 14 March 2021. */
const NUMERIC_DATE = new RegExp(
  String.raw`(?<![\d.:/-])(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2}))?)(?![\d:]|[/.-]\d|\.\d)`,
  'g',
);
const WORD_DATE = new RegExp(
  String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4})?\b`,
  'gi',
);
const HAS_MONTH = new RegExp(String.raw`\b${MONTH}|\d{1,2}[/.-]\d{1,2}`, 'i');

interface Span {
  start: number;
  end: number;
}

/** Calendar dates that name a day: from chrono-node (also in words) and from the numeric forms. */
function datesIn(text: string): Span[] {
  const spans: Span[] = [];
  const push = (s: Span) => {
    if (!spans.some((o) => s.start < o.end && o.start < s.end)) spans.push(s);
  };
  // chrono-node reads dates in words ("the twelfth of June 1948"); it is the slow part, so it runs
  // only when a month name is there.
  const results = new RegExp(String.raw`\b${MONTH}`, 'i').test(text)
    ? chrono.parse(text, new Date(2025, 0, 1))
    : [];
  for (const r of results) {
    if (!r.start.isCertain('day') || !r.start.isCertain('month') || !HAS_MONTH.test(r.text)) continue;
    // chrono reads "10.2.3" or "4412-2" as dates too: keep only what the forms below also accept,
    // or a date with a month in words.
    const numericOnly = !/[a-z]/i.test(r.text.replace(/\b(?:st|nd|rd|th|of|the)\b/gi, ''));
    if (numericOnly) continue;
    push({ start: r.index, end: r.index + r.text.length });
  }
  for (const m of text.matchAll(WORD_DATE)) push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const parts = m[0].split(/[/.-]/).map(Number);
    const [a, b] = parts[0]! > 31 ? [parts[1]!, parts[2]!] : [parts[0]!, parts[1]!];
    // Month/day or day/month must both be plausible; "3-114" and "7-112" are room numbers.
    if (!(a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (b <= 12 && a <= 31)))) continue;
    if (m[0].includes('.') && parts.length === 2) continue; // 4.5, 2.1 are numbers
    push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

const BIRTH = /(?:\bd\.?o\.?b\b\.?|date\s+of\s+birth|birth\s*date|birthday|\bborn\b|\bb\.\s)[^.;\n]{0,40}$/i;

function dates(f: Findings): void {
  const t = f.text;
  for (const d of datesIn(t)) {
    const before = t.slice(Math.max(0, d.start - 60), d.start);
    const clause = clauseAround(t, d.start, d.end);
    if (BIRTH.test(before) && !/\b(?:founder|anniversary)\b/i.test(clause)) {
      f.add('date_of_birth', d.start, d.end);
      continue;
    }
    if (CARE_EVENT.test(clause) && !PUBLIC_EVENT.test(clause)) f.add('care_date', d.start, d.end);
  }
}

// ---- phone numbers -------------------------------------------------------------------------------

const PHONE_WORD =
  /\b(?:call|cell|phone|mobile|number|text|reach|ring|tel|line|whatsapp|voicemail|contact|landline|home)\b/i;

function phones(f: Findings, allow: OrgContacts): void {
  const t = f.text;
  const candidates =
    /(?<![\w/.,$#-])(?:\+\s?)?\(?\d[\d\s().-]{5,22}\d(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w/-]|\.\d)/gi;
  for (const m of t.matchAll(candidates)) {
    let s = m.index;
    let text = m[0];
    // Trailing groups of a list ("12 34 56 78") belong to the candidate; a leading "(" alone does not.
    const trimmed = text.replace(/[\s(.-]+$/, '');
    text = trimmed;
    const digits = text.replace(/\s?(?:x|ext\.?)\s?\d+$/i, '').replace(/\D/g, '').length;
    const allowed = allowsPhone(allow, text);
    if (allowed) {
      f.add(null, s, s + text.length);
      continue;
    }
    let isPhone = false;
    if (text.startsWith('+')) {
      isPhone = !!parsePhoneNumberFromString(text.replace(/\s?(?:x|ext\.?)\s?\d+$/i, ''))?.isPossible();
    } else if (digits === 10 || (digits === 11 && /^1/.test(text))) {
      const p = parsePhoneNumberFromString(text.replace(/\s?(?:x|ext\.?)\s?\d+$/i, ''), 'US');
      isPhone = !!p?.isValid() && !/^\d{4}[-./]\d{2}[-./]\d{2}/.test(text);
    } else if (digits === 11 && /^0/.test(text)) {
      isPhone = !!parsePhoneNumberFromString(text, 'GB')?.isPossible();
    } else if (digits === 7 && /^\d{3}[-. ]\d{4}$/.test(text)) {
      // No area code: "555-0143". With a dash it is a phone number; with a space or a dot only when
      // the clause says so.
      isPhone = text[3] === '-' || PHONE_WORD.test(clauseAround(t, s, s + text.length));
    }
    if (isPhone) {
      s = m.index;
      f.add('phone', s, s + text.length);
    }
  }
}

// ---- addresses, ages, places, names, photos ------------------------------------------------------

const STREET = String.raw`st(?:reet)?|ave(?:nue)?|rd|road|blvd|boulevard|lane|ln|dr(?:ive)?|court|ct|way|place|pl|terrace|ter|hwy|highway|pkwy|parkway|circle|cir|sq(?:uare)?|plaza|row|alley`;
const ADDRESS = new RegExp(
  String.raw`\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][A-Za-z]+\.?\s+){1,3}(?:${STREET})\b\.?|route\s+\d{1,4}\b|(?:[A-Z][A-Za-z]+\s+){0,2}broadway\b)(?:,?\s*(?:apt|apartment|unit|suite|ste|#)\.?\s*#?\s*\w+)?`,
  'gi',
);
const VENUE =
  /\b(?:venue|convention|conference\s+cent|public|event|hub|headquarters|campus|our\s+office|press\s+office|our\s+press|city\s+hall|library|center\b(?![^.;]*\bhome\b))/i;

function addresses(f: Findings, allow: OrgContacts): void {
  const t = f.text;
  for (const m of t.matchAll(ADDRESS)) {
    const clause = clauseAround(t, m.index, m.index + m[0].length, false);
    const harmless =
      allowsAddress(allow, m[0]) ||
      (VENUE.test(clause) &&
        !/\b(?:home|house|lives|her|his|patient)\b/i.test(
          clause.replace(/\bher\s+(?:agency|office|followers)\b/gi, ''),
        ));
    f.add(harmless ? null : 'street_address', m.index, m.index + m[0].length);
  }
  f.rule('street_address', /\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box)\s*#?\s*\d+/gi);
  f.rule('street_address', /\b(?:apt|apartment)\.?\s*#?\s*\d+[A-Z]?\b/gi);
}

const AGE_WORD = String.raw`(?:ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one\s+)?hundred(?:\s+and\s+\w+)?|a\s+hundred(?:\s+and\s+\w+)?)`;
const AGE_NUM = String.raw`(?:9\d|1[0-2]\d)`;
const AGE = String.raw`(?:${AGE_NUM}|${AGE_WORD})`;

function ages(f: Findings): void {
  f.rule(
    'age_over_89',
    new RegExp(String.raw`\b(${AGE})[\s-]*(?:years?|yrs?|y/?o)\b(?:[\s-]*old)?`, 'gi'),
    1,
  );
  f.rule('age_over_89', new RegExp(String.raw`\b(${AGE_NUM})yo\b`, 'gi'), 1);
  f.rule('age_over_89', new RegExp(String.raw`\b(?:age[ds]?|aged)\s*:?\s*(${AGE})\b`, 'gi'), 1);
  f.rule(
    'age_over_89',
    new RegExp(
      String.raw`\b(?:${RELATION}s?|he|she)\b[^.;\n]{0,30}?\b(?:turned|turns|turning)\s+(${AGE})\b`,
      'gi',
    ),
    1,
  );
  f.rule(
    'age_over_89',
    new RegExp(
      String.raw`\b(?:${RELATION}s?|he|she)\b(?:,?\s+\w+){0,2}?\s+(?:is|was|is\s+now)\s+(${AGE})\b(?!\s*(?:%|percent|people|followers|posts|minutes|min|hours|days|kg|lbs?|pounds))`,
      'gi',
    ),
    1,
  );
}

const CAP = String.raw`[A-Z][a-z]+(?:-[A-Z][a-z]+)?`;
const FIRST_NAMES = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one
  .lexicon;
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);
const NOT_A_NAME =
  /^(?:The|A|An|She|He|Her|His|They|Our|We|I|It|This|That|Mom|Dad|Mum|Mother|Father|Dr|Doctor|Nurse|Patient|Baby|Little|ICU|NICU|ER|ED|MS|T1D|DKA|Spoke|Talked|Called|Met|Sent|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Boston|Christmas|Mass|General|Hospital|Type|Stage|COVID|Jr|Sr)$/;
const TITLE_BEFORE =
  /\b(?:dr|doctor|nurse|prof|professor|rn|np|pa|md|coach|rep|senator|mayor|our|from|columnist|reporter|advocate|influencer)\.?\s*$/i;
const ROLE_AFTER =
  /^\s*(?:\(|,\s*(?:the|our|a|an)\s+(?:columnist|reporter|advocate|nurse|doctor|influencer|host|writer|blogger|editor|director|manager)|\s+from\s+(?:the\s+)?(?:agency|comms|team|our)|,?\s+(?:md|rn|np|phd)\b)/i;

function names(f: Findings): void {
  const t = f.text;
  const spans: Span[] = [];
  // "her son Liam", "husband Raj", "the patient, Sophie Chen,", "Baby Olivia", "Aunt Maggie".
  const related = new RegExp(
    String.raw`\b(?:${RELATION}|little|grandma|grandpa|granny|nana|aunt|uncle)\b,?\s+(${CAP}(?:\s+${CAP})?)\b`,
    'gi',
  );
  for (const m of t.matchAll(related)) {
    // The pattern is case-insensitive for the relation word; the name is its capitalised words only.
    const words = m[1]!.split(' ');
    const name = words.slice(0, /^[A-Z]/.test(words[1] ?? '') ? 2 : 1).join(' ');
    if (!/^[A-Z]/.test(name) || NOT_A_NAME.test(name.split(' ')[0]!)) continue;
    const start = m.index + m[0].lastIndexOf(m[1]!);
    spans.push({ start, end: start + name.length });
  }
  // "Mr. Alvarez", "Mrs. Okafor's".
  for (const m of t.matchAll(
    new RegExp(String.raw`\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(${CAP}(?:\s+${CAP})?)`, 'g'),
  )) {
    const start = m.index;
    spans.push({ start, end: start + m[0].length });
  }
  // First names that compromise's lexicon knows: "Mom says Ethan is starting insulin", "Jordan's
  // stroke recovery". (Its full tagger is ten times slower and finds no more of these.)
  for (const m of t.matchAll(new RegExp(String.raw`\b(${CAP})(?:\s+(${CAP}))?`, 'g'))) {
    const first = m[1]!;
    if (NOT_A_NAME.test(first) || !FIRST_NAME_TAGS.has(FIRST_NAMES[first.toLowerCase()] ?? '')) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const s of spans) {
    const before = t.slice(Math.max(0, s.start - 16), s.start);
    const after = t.slice(s.end, s.end + 40);
    if (TITLE_BEFORE.test(before) || ROLE_AFTER.test(after)) continue;
    const patient = /\bpatient,?\s*$/i.test(before);
    const sentence = sentenceAround(t, s.start, s.end);
    // The name belongs to someone's care when the same clause (or, for a named relative or
    // patient, the sentence) carries a care event.
    const clause = clauseAround(t, s.start, s.end);
    const relative = new RegExp(
      String.raw`\b(?:${RELATION}|little|grandma|grandpa|aunt|uncle|mr|mrs|ms|miss)\.?,?\s*$`,
      'i',
    ).test(before);
    const tied =
      patient ||
      CARE_EVENT.test(clause) ||
      (relative && CARE_EVENT.test(sentence)) ||
      (/^['’]s\s+(?:\w+\s+){0,2}?/.test(t.slice(s.end)) && CARE_EVENT.test(t.slice(s.end, s.end + 40)));
    if (tied) f.add('name', s.start, s.end);
  }
}

const TOWN = String.raw`${CAP}(?:\s+${CAP})?`;

function places(f: Findings): void {
  const t = f.text;
  f.rule(
    'geographic',
    /\b(?:zip(?:\s*code)?|postcode|postal\s+code)\b\s*(?:is|:|of\s+the\s+patient:?|#)?\s*(\d{5}(?:-\d{4})?)\b/gi,
    1,
    (m) => !/\bour\b/i.test(clauseAround(t, m.index, m.index + m[0].length)),
  );
  // A bare ZIP in a clause about a patient or a relative: "Her dad is in Hyde Park, 02136".
  for (const m of t.matchAll(/(?<![\d$#.-])\d{5}(?![\d-])/g)) {
    const sentence = sentenceAround(t, m.index, m.index + 5);
    if (
      PATIENT_OR_RELATIVE.test(sentence) &&
      /\b(?:in|from|lives?|area|zip)\b/i.test(sentence) &&
      !/\bour\b/i.test(sentence)
    ) {
      f.add('geographic', m.index, m.index + 5);
    }
  }
  // The town of a patient or a relative: "his mom lives in Brockton", "the patient is from Chelsea".
  const town = new RegExp(
    String.raw`\b(?:lives?|living|stays?|staying|is|was|are|home\s+town\s+is|hometown\s+is)\s+(?:\w+\s+)?(?:in|from|at)\s+(${TOWN})|\b(?:${RELATION}s?)\s+(?:in|from)\s+(${TOWN})|\bhome\s*town\s+is\s+(${TOWN})`,
    'g',
  );
  for (const m of t.matchAll(town)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (!name || NOT_A_NAME.test(name) || /^(?:ZIP|Zip|The|Our|Room)$/.test(name)) continue;
    const sentence = sentenceAround(t, m.index, m.index + m[0].length);
    const clause = clauseAround(t, m.index, m.index + m[0].length);
    const who = new RegExp(String.raw`\b(?:${RELATION}s?)\b`, 'i');
    if (!who.test(clause) && !who.test(sentence.slice(0, sentence.indexOf(name)))) continue;
    if (!CARE_EVENT.test(sentence) && !/\bpatient/i.test(sentence)) continue;
    const start = m.index + m[0].lastIndexOf(name);
    f.add('geographic', start, start + name.length);
  }
}

function photos(f: Findings): void {
  const t = f.text;
  f.rule('full_face_photo', /\b(?:IMG|DSC|PXL|DCIM|MVIMG)_\d{3,}\w*\.(?:jpe?g|png|heic|mov|mp4)\b/gi);
  f.rule(
    'full_face_photo',
    /\b(?:full[\s-]face(?:\s+(?:photo|picture|pic|shot|image))?|face\s+(?:fully\s+|clearly\s+)?visible|(?:shows?|showing)\s+(?:the\s+)?(?:patient|\w+)'?s?\s+face|close-up\s+of\s+the\s+patient)\b/gi,
  );
  const shot = new RegExp(
    String.raw`\b(?:selfie|head\s*shot|photo|picture|pic|image|portrait|mugshot)s?\b[^.;\n]{0,30}?\b(?:patient|face|${RELATION})s?\b`,
    'gi',
  );
  for (const m of t.matchAll(shot)) {
    if (/\b(?:our|ceo|team|lobby|staff|logo|venue|avatar|cartoon)\b/i.test(m[0])) continue;
    f.add('full_face_photo', m.index, m.index + m[0].length);
  }
}

/** Every identifier found in the text, in order of position; overlapping hits keep the first kind found. */
export function findPhi(text: string, options: PhiOptions = {}): PhiFinding[] {
  const allow = options.allow ?? orgContacts();
  const n = normalise(text);
  const f = new Findings(n.text);
  emails(f, allow);
  urls(f, allow);
  keywordIdentifiers(f);
  dates(f);
  // An SSN in its usual shape needs no keyword.
  f.rule('ssn', /(?<![\d-])(?!000|666|9\d\d)\d{3}[- ](?!00)\d{2}[- ](?!0000)\d{4}(?![\d-])/g);
  phones(f, allow);
  addresses(f, allow);
  ages(f);
  places(f);
  names(f);
  photos(f);
  return f.claims
    .filter((c): c is Claim & { kind: PhiKind } => c.kind !== null)
    .map((c) => ({ kind: c.kind, ...originalSpan(n, c.start, c.end) }))
    .sort((a, b) => a.start - b.start);
}
