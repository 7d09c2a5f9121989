// The patient-confirmation guard for public replies. Under HIPAA a public answer that confirms the
// person is, was or will be a patient ("sorry about your visit on the 3rd", "we looked at your chart")
// is itself a disclosure, even when it names no identifier the PHI guard knows. So a reply may
// apologise, thank, and invite the person to a private channel; it may not refer to their care:
// their stay, visit, appointment, treatment, records, bill, unit, dates, diagnosis or carers.
//
// The rules run on the reply as written (no folding) so the spans point at the staff's own words,
// which the refusal quotes back: unlike PHI, these phrases are ours, not the patient's data.

type ConfirmationKind =
  'patient_status' | 'care_reference' | 'record_access' | 'visit_date' | 'unit' | 'diagnosis' | 'carer';

interface ConfirmationFinding {
  kind: ConfirmationKind;
  start: number;
  end: number;
  phrase: string;
  message: string;
  suggestion: string;
}

const WHO = String.raw`(?:you|he|she|they|your\s+(?:mom|mum|mother|dad|father|son|daughter|child|kid|baby|husband|wife|partner|grandma|grandmother|grandpa|grandfather|brother|sister|family|loved one))`;
const RELATIVE = String.raw`(?:your|his|her|their)(?:\s+(?:mom|mum|mother|dad|father|son|daughter|child|kid|baby|husband|wife|partner|grandma|grandmother|grandpa|grandfather|brother|sister|loved one)(?:'s|’s))?`;
const CARE_NOUN = String.raw`(?:visits?|stay|admission|discharge|appointments?|procedures?|surgery|surgeries|operation|treatments?|care\b(?!\s+about)|test(?:s|\s+results)?|results|scans?|x-?rays?|mri|ct\s+scan|labs?|blood\s*work|biopsy|bill|billing|invoice|statement|prescriptions?|medications?|meds|dose|dosage|insulin|infusions?|chemo(?:therapy)?|therapy|rehab|delivery|labou?r|birth|c-section|follow-?up|referral|room|bed|discharge\s+papers|check-?up|exam|consult(?:ation)?|ambulance\s+ride|wait\s+in\s+(?:our|the)\s+\w+)`;
const DIAGNOSIS = String.raw`(?:diagnosis|condition|illness|disease|cancer|tumou?r|diabetes|infection|fracture|broken\s+\w+|injury|injuries|pregnancy|miscarriage|heart\s+attack|stroke|covid|depression|anxiety|seizures?|asthma|pneumonia|sepsis|concussion|allergy|allergies|overdose|symptoms)`;
const UNIT = String.raw`(?:er|ed|icu|nicu|picu|ccu|emergency\s+(?:room|department)|a&e|maternity(?:\s+ward)?|labou?r\s+(?:and|&)\s+delivery|l&d|oncology|cardiology|radiology|pediatrics|paediatrics|orthopa?edics|surgical\s+ward|med-?surg|psych(?:iatric)?\s+(?:ward|unit)|recovery\s+room|infusion\s+(?:center|centre|suite)|imaging|triage)`;
const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

interface Rule {
  kind: ConfirmationKind;
  re: RegExp;
  message: string;
  suggestion: string;
}

const SAFE_OFFLINE =
  "We're sorry to hear this. We can't discuss anyone's care here, but we want to help: please contact our Patient Relations team so we can follow up privately.";

const rules: Rule[] = [
  {
    kind: 'patient_status',
    re: new RegExp(
      String.raw`\b${WHO}\s+(?:is|are|was|were|will\s+be|have\s+been|has\s+been|'re|’re|'s|’s)\s+(?:a\s+|our\s+|one\s+of\s+our\s+)?(?:patients?|in\s+our\s+care|admitted|discharged|treated|seen)\b|\bas\s+(?:a|our)\s+patient\b|\b(?:our|a)\s+patient\s+of\b|\bthank(?:s|\s+you)\s+for\s+(?:choosing|trusting)\s+(?:us|[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)*|\b(?:we|our\s+(?:team|staff|nurses|doctors))\s+(?:cared\s+for|treated|saw|admitted|discharged|operated\s+on|examined|delivered)\s+(?:you|him|her|them|your\s+\w+)\b|\b(?:when|while|since|after|before)\s+(?:you|he|she|they)\s+(?:were|was|are|is|came)\s+(?:here|in|at\s+our|with\s+us|admitted|seen|treated|discharged)\b|\bduring\s+your\s+(?:time|stay|visit)\b|\b(?:who\s+)?(?:cared\s+for|looked\s+after|took\s+care\s+of)\s+(?:you|him|her|them|your\s+\w+)\b|\bin\s+good\s+hands\s+with\s+us\b`,
      'gi',
    ),
    message: 'says or implies that the person is, was or will be a patient',
    suggestion:
      'Don\'t confirm that anyone was in our care. Say "We\'d like to hear more about what happened" and invite them to contact Patient Relations privately.',
  },
  {
    kind: 'record_access',
    re: new RegExp(
      String.raw`\b(?:we|i|our\s+(?:team|staff))(?:'ve|’ve|\s+have)?\s+(?:just\s+)?(?:looked\s+(?:at|into|up)|reviewed|checked|pulled(?:\s+up)?|accessed|found|opened|read|can\s+see|saw|see)\s+(?:up\s+)?${RELATIVE}\s+(?:medical\s+)?(?:records?|chart|file|account|case|notes|history|results|details)\b|\b(?:our|the)\s+records\s+(?:show|say|indicate|confirm)|\baccording\s+to\s+(?:our|your|the)\s+(?:records?|chart|system|file)\b|\b(?:in|on)\s+${RELATIVE}\s+(?:medical\s+)?(?:records?|chart|file)\b`,
      'gi',
    ),
    message: 'says that staff looked at their records',
    suggestion:
      'Never say you looked anything up. Say "Please contact us directly so we can look into your concerns."',
  },
  {
    kind: 'diagnosis',
    re: new RegExp(String.raw`\b${RELATIVE}\s+(?:\w+\s+)?${DIAGNOSIS}\b`, 'gi'),
    message: 'refers to a diagnosis or condition',
    suggestion: 'Leave out any condition or diagnosis; speak only about their experience in general.',
  },
  {
    kind: 'care_reference',
    re: new RegExp(
      String.raw`\b${RELATIVE}\s+(?:recent\s+|last\s+|upcoming\s+|next\s+|first\s+)?${CARE_NOUN}`,
      'gi',
    ),
    message: 'refers to their care (a visit, stay, treatment, results, bill …)',
    suggestion: 'Say "your experience" or "what you describe" instead of naming a visit, stay or treatment.',
  },
  {
    kind: 'unit',
    re: new RegExp(
      String.raw`\b(?:in|on|at|from|to|into|of)\s+(?:our\s+|the\s+|your\s+)?${UNIT}\b|\b(?:ward|unit|room|bed|bay|floor)\s+(?:\d+[a-z]?|[A-Z]\b)|\b\d+(?:st|nd|rd|th)\s+floor\b|\b(?:fourth|fifth|third|second|first|sixth|seventh|eighth)\s+floor\b`,
      'gi',
    ),
    message: 'names a department, unit, floor or room',
    suggestion: 'Leave out where care took place; a department or a room ties the person to a visit.',
  },
  {
    kind: 'visit_date',
    re: new RegExp(
      String.raw`\b(?:on|last|this\s+past|since|from)\s+${WEEKDAY}\b|\b(?:on\s+)?the\s+\d{1,2}(?:st|nd|rd|th)\b|\byesterday\b|\blast\s+(?:night|week|month)\b|\bthis\s+(?:morning|afternoon)\b|\bearlier\s+today\b|\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b|\b(?!24/7\b)\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b`,
      'gi',
    ),
    message: 'gives a date or time that ties the person to a visit',
    suggestion: 'Leave out dates and times; ask them to share the details privately instead.',
  },
];

// Names of carers: a title followed by a capitalised name (case matters here, so a separate rule).
const CARER_NAME = /\b(?:Dr\.?|Doctor|Nurse|Nurse\s+Practitioner|NP|RN|Surgeon|Midwife)\s+[A-Z][\p{L}'’-]+/gu;
const CARER_ROLE =
  /\b(?:your|his|her|their)\s+(?:doctor|physician|surgeon|nurse|nurses|midwife|therapist|provider|care\s+team|oncologist|cardiologist|specialist|attending|resident|anesthesiologist|anaesthetist)s?\b|\bthe\s+(?:doctor|nurse|nurses|surgeon|midwife|anesthesiologist|anaesthetist|physician)s?\s+who\b/giu;

function carerRule(names: readonly string[]): RegExp[] {
  return names
    .map((n) => n.replace(/^(?:dr\.?|doctor)\s+/i, '').trim())
    .filter((n) => n.length >= 3)
    .map(
      (n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}\\b`, 'gi'),
    );
}

interface GuardOptions {
  /** Our physicians' public names (from the identity): a reply never names the carer. */
  carers?: readonly string[];
}

/** Every phrase in the reply that confirms a patient relationship, in order of position. */
export function findPatientConfirmation(text: string, opts: GuardOptions = {}): ConfirmationFinding[] {
  const found: ConfirmationFinding[] = [];
  const push = (kind: ConfirmationKind, start: number, end: number, message: string, suggestion: string) => {
    if (found.some((f) => start < f.end && f.start < end)) return;
    found.push({ kind, start, end, phrase: text.slice(start, end), message, suggestion });
  };
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      push(rule.kind, m.index, m.index + m[0].length, rule.message, rule.suggestion);
    }
  }
  const carerMessage = 'names or points to the people who gave their care';
  const carerSuggestion = 'Leave out who was involved; "our team" is enough, and only in general terms.';
  for (const re of [CARER_NAME, CARER_ROLE, ...carerRule(opts.carers ?? [])]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re))
      push('carer', m.index, m.index + m[0].length, carerMessage, carerSuggestion);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A reply that always passes: what the refusal offers when nothing better fits. */
export function safeReplySuggestion(contact?: string): string {
  return contact ? SAFE_OFFLINE.replace('team so', `team at ${contact} so`) : SAFE_OFFLINE;
}
