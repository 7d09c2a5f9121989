// The PHI guard: finds the HIPAA identifiers that can appear in staff-written text (45 CFR
// 164.514(b)(2)): dates tied to a person (birth, admission, discharge, death, a diagnosis or a
// visit), ages over 89, phone and fax numbers, e-mail and street addresses, SSNs, medical record,
// health plan and account numbers, licence, vehicle and device numbers, URLs and IP addresses that
// point at a person, and full-face photos.
//
// Precision matters as much as recall: outreach notes are full of harmless numbers and dates
// ("call back Tuesday", "#T1D since 2019", "met at ADA 2024 booth 12", "follow-up in 2 weeks").
// So bare numbers are flagged only when their shape is unambiguous (SSN, phone, e-mail, IP) or a
// keyword says what they are (MRN, member id, serial …), and a calendar date only when it is a
// birth date or sits next to words about someone's care.

export const PhiKind = [
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

export interface PhiFinding {
  kind: PhiKind;
  /** Character offsets in the checked text (end exclusive); the matched text is never reported back. */
  start: number;
  end: number;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A date with at least a day and a month: 3/14/2021, 03-14-21, 2021-03-14, March 14(, 2021), 14 March 2021. */
const FULL_DATE = `(?:\\b\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?\\b)`;
/** An identifier after a keyword: letters allowed, but at least three digits. */
const ID = '(?=[A-Z0-9-]*\\d[A-Z0-9-]*\\d[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{2,}';
const SEP = '\\s*(?:(?:#|no\\.?|num(?:ber)?|id|:|is|was|=)\\s*)*';

interface Rule {
  kind: PhiKind;
  re: RegExp;
  /** Which capture group is the identifier itself (default: the whole match). */
  group?: number;
}

const BIRTH = '(?:\\bd\\.?o\\.?b\\.?|date\\s+of\\s+birth|birth\\s*date|birthday|\\bborn(?:\\s+on)?|\\bb\\.)';
const CARE =
  '(?:admit(?:ted)?|admission|discharg(?:ed|e)|died|passed\\s+away|death|deceased|diagnos(?:ed|is)|dx|surgery|operation|procedure|biopsy|transplant|hospitali[sz]ed|\\bER\\b|emergency\\s+room|ICU|\\bseen\\b|visit(?:ed)?|appointment|infusion|chemo(?:therapy)?|delivered|gave\\s+birth|miscarriage|overdose|seizure|amputation|DKA|rehab|scan|MRI|treated|prescribed|started\\s+(?:on\\s+)?(?:insulin|treatment|meds))';

const rules: Rule[] = [
  // URLs that lead to a person's records, files or photos (a public social profile is not PHI here:
  // the influencers' public accounts are the subject of the tool).
  {
    kind: 'url',
    re: /\bhttps?:\/\/[^\s]*(?:patient|mychart|portal|chart|record|mrn|member|dob|ssn|drive\.google\.com\/file|dropbox\.com\/s|photos\.app\.goo\.gl|photos\.google|icloud\.com\/photos|imgur\.com|wetransfer)[^\s]*/gi,
  },
  {
    kind: 'date_of_birth',
    re: new RegExp(`${BIRTH}[\\s:,-]*(?:(?:is|was|in|on)\\s+)*(${FULL_DATE})`, 'gi'),
    group: 1,
  },
  // A date within a few words of a care event, on either side.
  { kind: 'care_date', re: new RegExp(`${CARE}\\b[^.;\\n]{0,40}?(${FULL_DATE})`, 'gi'), group: 1 },
  { kind: 'care_date', re: new RegExp(`(${FULL_DATE})[^.;\\n]{0,30}?\\b${CARE}`, 'gi'), group: 1 },
  {
    kind: 'age_over_89',
    re: /\b(?:age[ds]?|aged)\s*(9\d|1[0-2]\d)\b|\b(9\d|1[0-2]\d)[- ](?:years?|yrs?)[- ]old\b/gi,
  },
  { kind: 'ssn', re: /\b(?!000|666|9\d\d)\d{3}[- ](?!00)\d{2}[- ](?!0000)\d{4}\b/g },
  {
    kind: 'ssn',
    re: /\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\s*(?:#|:|is|was)?\s*(\d{9}|\d{3}[- .]\d{2}[- .]\d{4}|x{3}-x{2}-\d{4})\b/gi,
    group: 1,
  },
  { kind: 'email', re: /\b[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}\b/gi },
  {
    kind: 'fax',
    re: /\bfax(?:ed|ing)?\b[^.;\n\d]{0,30}?((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b/gi,
    group: 1,
  },
  { kind: 'phone', re: /(?<![\w/.-])(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g },
  { kind: 'phone', re: /(?<![\w/.-])\(\d{3}\)\s?\d{3}-?\d{4}\b/g },
  // International: +44 20 7946 0958, +49 30 1234567.
  { kind: 'phone', re: /(?<![\w/])\+(?:[2-9]\d{0,2})[\s.-]?\d{1,4}(?:[\s.-]?\d{2,4}){2,4}\b/g },
  {
    kind: 'street_address',
    re: /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][A-Za-z]+\.?\s+){1,3}(?:st(?:reet)?|ave(?:nue)?|rd|road|blvd|boulevard|lane|ln|dr(?:ive)?|court|ct|way|place|pl|terrace|ter|hwy|highway|pkwy|parkway|circle|cir|sq(?:uare)?)\b\.?(?:,?\s*(?:apt|apartment|unit|suite|ste|#)\.?\s*\w+)?/gi,
  },
  { kind: 'street_address', re: /\b(?:p\.?\s?o\.?\s+box|post\s+office\s+box)\s+\d+/gi },
  { kind: 'street_address', re: /\b(?:apt|apartment)\.?\s*#?\s*\d+[A-Z]?\b/gi },
  {
    kind: 'medical_record_number',
    re: new RegExp(
      `\\b(?:mrn|medical\\s+record(?:\\s+number)?|med\\s+rec|chart|patient\\s+(?:id|number))${SEP}(${ID})`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'health_plan_number',
    re: new RegExp(
      `\\b(?:member|subscriber|beneficiary|policy|insurance|health\\s+plan|plan|group|medicaid|medicare|mbi)(?:\\s+(?:id|number|no\\.?|#))?${SEP}(${ID})`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'account_number',
    re: new RegExp(
      `\\b(?:account|acct|billing|invoice|claim)(?:\\s+(?:id|number|no\\.?|#))?${SEP}(${ID})`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'licence_number',
    re: new RegExp(
      `\\b(?:licen[cs]e|lic\\.?|dea|npi|driver'?s?\\s+licen[cs]e|dl|passport|certificate)(?:\\s+[A-Z]{2,4}(?=\\s+\\d))?(?:\\s+(?:id|number|no\\.?|#))?${SEP}(${ID})`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'vehicle_identifier',
    re: /\b(?:vin|licen[cs]e\s+plate|plate)(?:\s+(?:number|no\.?|#))?\s*(?:#|:|is)?\s*([A-Z0-9-]{5,17})\b/gi,
    group: 1,
  },
  {
    kind: 'device_identifier',
    re: new RegExp(
      `\\b(?:serial|s/n|sn|imei|udi|device\\s+id|lot)(?:\\s+(?:number|no\\.?|#))?${SEP}(${ID})`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'ip_address',
    re: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g,
  },
  {
    kind: 'ip_address',
    re: /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:[0-9a-f]{1,4}\b/gi,
  },
  {
    kind: 'full_face_photo',
    re: /\b(?:full[- ]face|face\s+(?:photo|picture|pic|shot|image)|head\s*shot|selfie|mugshot|(?:photo|picture|pic|image)s?\s+of\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:patient|face|son|daughter|child|kid|baby|wife|husband|mother|father|mom|dad)|\b(?:IMG|DSC|PXL)_\d{3,}\.(?:jpe?g|png|heic))/gi,
  },
];

/** Every identifier found in the text, in order of position; overlapping hits keep the first rule's kind. */
export function findPhi(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const whole = m.index ?? 0;
      const part = rule.group ? (m[rule.group] ?? undefined) : undefined;
      const start = part !== undefined ? whole + m[0].indexOf(part) : whole;
      const end = start + (part ?? m[0]).length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ kind: rule.kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
