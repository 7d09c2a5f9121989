// What demo accounts say about the demo hospital (Mercy General, ingest/demo/mentions.ts), written
// into the texts of ordinary demo posts so a large demo network carries a realistic share of
// mentions (about one per ten interactions): complaints about waits, bills, parking and staff,
// praise, questions, now and then a safety concern, and false friends ("have mercy", the
// competitor Mercy Medical Center) that must not land in the inbox. Seeded; no real person's words.

/** How the post names us, so every matching rule (name, nickname, handle, campus …) is exercised. */
const NAMED = [
  'Mercy General',
  'Mercy General',
  'Mercy General Hospital',
  '@MercyGeneral',
  '@MercyGeneral',
  'Mercy Gen',
  'mercy general',
  'Mercy Westside',
];

const COMPLAINTS = [
  'Waited {h} hours in the {at} ER and nobody told us anything.',
  'Second bill from {at} for the same visit. On hold for {m} minutes again.',
  'Parking at {at} is impossible, circled for {m} minutes before my appointment.',
  'The front desk at {at} was rude to my mother today. Not okay.',
  'Called {at} {n} times about test results and nobody called back.',
  'Appointment at {at} cancelled the morning of, for the third time.',
  'The billing office at {at} keeps losing my insurance card. So frustrating.',
  'Six weeks to get a callback from {at} scheduling. Ridiculous.',
  '{at} waiting room was filthy tonight and the wait was {h} hours.',
];

const PRAISE = [
  'Huge thanks to the nurses at {at}. You made a hard week easier. #MercyCares',
  'The team at {at} was kind and quick today. Grateful.',
  'Shout out to the {at} maternity staff, best care we could ask for.',
  'Finally a hospital that listens. Thank you {at}!',
  'Smooth visit at {at} this morning, in and out in an hour.',
];

const QUESTIONS = [
  'Does {at} take Aetna for physical therapy?',
  'What time does the {at} lab open on Saturdays?',
  'Is there free parking for visitors at {at}?',
  'Can anyone recommend a pediatrician at {at}?',
  'How do I get my records sent from {at} to a new doctor?',
];

const OTHER = [
  '{at} is hosting a free flu shot clinic this weekend.',
  'Read that {at} is opening a new cardiology wing next year.',
  '{at} job fair on Thursday for nurses and techs.',
];

const SAFETY = [
  'My dad was given the wrong medication at {at} and now he can barely breathe.',
  'After the procedure at {at} the wound is hot and oozing and nobody answers the phone.',
];

/** Posts that look like ours and are not: the matcher must leave them out. */
const FALSE_FRIENDS = [
  'Lord have mercy, this traffic.',
  'Mercy Medical Center Springfield has a great new birth center.',
  'Have mercy on my inbox this Monday.',
];

interface MentionTexts {
  /** The text for a post that may name the hospital, or undefined for a post without text. */
  next(): string | undefined;
  /** How many of the texts given so far name the hospital. */
  readonly named: number;
}

/**
 * `share` of the posts asked about name the hospital; a small share more are false friends. Uses
 * its own random stream, so the network's accounts, posts and interactions are the same with or
 * without the texts.
 */
export function mentionTexts(rand: () => number, share: number): MentionTexts {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const fill = (t: string) =>
    t
      .replace('{at}', pick(NAMED))
      .replace('{h}', String(2 + Math.floor(rand() * 8)))
      .replace('{m}', String(20 + Math.floor(rand() * 70)))
      .replace('{n}', String(3 + Math.floor(rand() * 6)));
  let named = 0;
  return {
    get named() {
      return named;
    },
    next() {
      const r = rand();
      if (r >= share + share / 20) return undefined;
      if (r >= share) return pick(FALSE_FRIENDS);
      const kind = rand();
      const list =
        kind < 0.42
          ? COMPLAINTS
          : kind < 0.66
            ? PRAISE
            : kind < 0.86
              ? QUESTIONS
              : kind < 0.995
                ? OTHER
                : SAFETY;
      named++;
      return fill(pick(list));
    },
  };
}
