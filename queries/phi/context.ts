// Words that say a note is about someone's care, and words that say a date or a place belongs to a
// public event or to the organisation. The detectors weigh a date, a town or a first name by the
// clause around it: "her dialysis started on March 8" is PHI, "World Kidney Day is March 13" is not.

/** A care event that happened (or will happen) to a person. */
export const CARE_EVENT =
  /\b(?:admit(?:ted)?|admission|discharg(?:ed|e)|died|passed\s+away|death|deceased|diagnos(?:ed|is)|dx|surger(?:y|ies)|surgical|operation|procedure|biopsy|transplant|hospitali[sz](?:ed|ation)|ER|ED|emergency\s+(?:room|department)|urgent\s+care|ICU|NICU|PICU|(?:was|were|being|got)\s+seen|appointment|infusions?|chemo(?:therapy)?|radiation|dialysis|c-?section|cesarean|caesarean|delivered|gave\s+birth|miscarriage|overdos(?:e|ed)|seizure|stroke|heart\s+attack|amputation|DKA|rehab|scans?|MRI|CT\s+scan|x-?ray|mastectomy|bypass|(?:knee|hip)\s+replacement|sepsis|pneumonia|ambulance|hospice|memory\s+care|treated|treatment|prescribed|insulin|remission|relapse|fracture|broke\s+(?:her|his)|ventilator|intubated|bedbound|on\s+oxygen|home\s+oxygen|labs|lab\s+(?:results|work|tests?)|results|implant|pacemaker|burn\s+unit|cardiac\s+(?:floor|unit|rehab)|recovering|recovery|physical\s+therapy|PT|leukemia|cancer|hypo|wound|NICU)\b/i;

/** A public happening or an organisational date: these make a nearby date not someone's care. */
export const PUBLIC_EVENT =
  /\b(?:day|week|month|walk|run|race|marathon|5k|event|conference|summit|congress|sessions|webinar|meetup|town\s+hall|q&a|live|chat|panel|keynot\w*|fair|screening|clinic\s+hours|open\s+house|opens|opening|gala|tour|celebrat\w*|awareness|anniversary|launch\w*|episode|podcast|class|course|lecture|booth|expo|rsvp|tickets?|registration|deadline|campaign|series|recording|meeting|call\s+with|slot|director|workshop|vigil|fundraiser|orientation|certification|hiring|since)\b/i;

/** Someone the note is about: a patient or a relative of the person spoken to. */
export const RELATION =
  '(?:son|daughter|husband|wife|partner|mother|mom|mum|mommy|father|dad|daddy|brother|sister|grandma|grandmother|grandpa|grandfather|granddad|grandson|granddaughter|great-grandmother|great-grandfather|great-aunt|great-uncle|aunt|auntie|uncle|nephew|niece|cousin|baby|toddler|kid|child|boy|girl|twins?|fianc[eé]e?|stepson|stepdaughter|patient|resident|caregiver|family)';

export const PATIENT_OR_RELATIVE = new RegExp(`\\b${RELATION}s?\\b`, 'i');

const ABBREV =
  /\b(?:mr|mrs|ms|dr|st|ave|no|vs|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|approx|e\.g|i\.e|ref|hosp|pt|lic|inc|co|jr|sr|soc|sec)$/i;

/** The clause around a span (at most 300 characters each side): up to the nearest ; ! ? — or line break, a sentence end, or (optionally) a comma. */
export function clauseAround(text: string, start: number, end: number, commas = true): string {
  const isStop = (i: number): boolean => {
    const c = text[i]!;
    if (c === ';' || c === '!' || c === '?' || c === '\n' || c === '—') return true;
    if (c === ' ' && text[i + 1] === '-' && text[i + 2] === ' ') return true;
    if (commas && c === ',' && !/\d/.test(text[i + 1] ?? '') && !/\d/.test(text[i + 2] ?? '')) return true;
    if (c === '.' && /\s/.test(text[i + 1] ?? '') && /[A-Z]/.test(text[i + 2] ?? '')) {
      return !ABBREV.test(text.slice(Math.max(0, i - 6), i));
    }
    return false;
  };
  // Bounded, so a long note without punctuation costs linear time, not quadratic.
  const lo = Math.max(0, start - 300);
  const hi = Math.min(text.length, end + 300);
  let s = start;
  while (s > lo && !isStop(s - 1)) s--;
  let e = end;
  while (e < hi && !isStop(e)) e++;
  return text.slice(s, e);
}

/** The sentence around a span (commas do not end it). */
export function sentenceAround(text: string, start: number, end: number): string {
  return clauseAround(text, start, end, false);
}
