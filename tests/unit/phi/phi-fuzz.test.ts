// Fuzzing the PHI guard: every identifier kind, written in a carrier sentence, with look-alike
// letters (Cyrillic, Greek), digits from other scripts (full-width, mathematical, Arabic-Indic,
// Devanagari), dashes (en, em, minus) and invisible characters (zero-width space and joiners, word
// joiner, byte-order mark, soft hyphen) injected at random. The guard must still find the
// identifier, name its kind, and point at a span of the ORIGINAL text that covers it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrgContacts } from '../../../queries/phi/allow-list.ts';
import { findPhi, type PhiKind } from '../../../queries/phi/detect.ts';

const allow = OrgContacts.parse({});

const LOOKALIKE: Record<string, string[]> = {
  a: ['\u0430', '\u03b1'],
  c: ['\u0441', '\u03f2'],
  e: ['\u0435'],
  i: ['\u0456'],
  o: ['\u043e', '\u03bf'],
  p: ['\u0440', '\u03c1'],
  x: ['\u0445', '\u03c7'],
  y: ['\u0443'],
  A: ['\u0410', '\u0391'],
  B: ['\u0412', '\u0392'],
  C: ['\u0421'],
  E: ['\u0415', '\u0395'],
  H: ['\u041d', '\u0397'],
  I: ['\u0406', '\u0399'],
  K: ['\u041a', '\u039a'],
  M: ['\u041c', '\u039c'],
  N: ['\u039d'],
  O: ['\u041e', '\u039f'],
  P: ['\u0420', '\u03a1'],
  T: ['\u0422', '\u03a4'],
  X: ['\u0425', '\u03a7'],
};
const DIGIT_ZERO = [0xff10, 0x1d7ce, 0x1d7ec, 0x0660, 0x0966, 0x06f0];
const DASHES = ['\u2013', '\u2014', '\u2212', '\u2010'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

/** How each character of the text may be disguised: [kind of change, choice]. */
const disguise = (text: string) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat(), fc.nat()), {
    minLength: text.length,
    maxLength: text.length,
  });

function apply(text: string, plan: [number, number, number][]): string {
  let out = '';
  [...text].forEach((ch, i) => {
    const [what, a, b] = plan[i]!;
    let c = ch;
    if (what <= 4) {
      if (/\d/.test(ch)) c = String.fromCodePoint(DIGIT_ZERO[a % DIGIT_ZERO.length]! + Number(ch));
      else if (LOOKALIKE[ch]) c = LOOKALIKE[ch][a % LOOKALIKE[ch].length]!;
      else if (ch === '-') c = DASHES[a % DASHES.length]!;
    }
    if (what >= 6) c += INVISIBLE[b % INVISIBLE.length]!;
    out += c;
  });
  return out;
}

const d = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
const exchange = fc.integer({ min: 200, max: 999 });
const phone = fc
  .tuple(
    fc.constantFrom(617, 508, 781, 413, 857, 978, 212, 415),
    exchange,
    d(4),
    fc.constantFrom('(a) e-n', 'a-e-n', 'a.e.n', 'a e n'),
  )
  .map(([a, e, n, f]) => f.replace('a', String(a)).replace('e', String(e)).replace('n', n));
const name = fc.constantFrom('Liam', 'Emma', 'Noah', 'Olivia', 'Ethan', 'Sophie', 'Kevin', 'Karen');
const month = fc.constantFrom('January', 'March', 'June', 'August', 'October', 'December');

/** [kind, generator of a sentence and the identifier inside it]. */
const CASES: [PhiKind, fc.Arbitrary<[string, string]>][] = [
  ['phone', phone.map((p) => [`Call her mum back at ${p} tonight.`, p])],
  ['fax', phone.map((p) => [`Fax the release to ${p} for her doctor.`, p])],
  [
    'email',
    fc
      .tuple(
        fc.constantFrom('kim', 'jo.hart', 'mark_t', 'pat88'),
        fc.constantFrom('gmail', 'yahoo', 'outlook'),
      )
      .map(([l, dm]) => [`Her email is ${l}@${dm}.com for the form.`, `${l}@${dm}.com`]),
  ],
  [
    'ssn',
    fc
      .tuple(
        fc.integer({ min: 100, max: 665 }),
        fc.integer({ min: 10, max: 99 }),
        fc.integer({ min: 1000, max: 9999 }),
      )
      .map(([a, b, c]) => [`SSN ${a}-${b}-${c} was on the form.`, `${a}-${b}-${c}`]),
  ],
  ['medical_record_number', d(7).map((n) => [`Her MRN ${n} came up in the DM.`, n])],
  ['health_plan_number', d(9).map((n) => [`Aetna member ID W${n} on her card.`, `W${n}`])],
  ['account_number', d(8).map((n) => [`Billing account ${n} is in dispute.`, n])],
  ['licence_number', d(8).map((n) => [`Driver's license S${n} was in the photo.`, `S${n}`])],
  ['vehicle_identifier', d(5).map((n) => [`VIN 1HGCM8${n}A00435 of the van.`, `1HGCM8${n}A00435`])],
  ['device_identifier', d(7).map((n) => [`Her pump serial number PA${n} keeps failing.`, `PA${n}`])],
  [
    'ip_address',
    fc
      .tuple(fc.integer({ min: 11, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
      .map(([a, b, c, e]) => [`She logged in from ${a}.${b}.${c}.${e} per IT.`, `${a}.${b}.${c}.${e}`]),
  ],
  [
    'url',
    d(5).map((n) => [
      `Her chart: mychart.example.org/visit/${n} she said.`,
      `mychart.example.org/visit/${n}`,
    ]),
  ],
  [
    'date_of_birth',
    fc
      .tuple(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1930, max: 2020 }),
      )
      .map(([m, dd, y]) => [`DOB ${m}/${dd}/${y} was in her message.`, `${m}/${dd}/${y}`]),
  ],
  [
    'care_date',
    fc
      .tuple(month, fc.integer({ min: 1, max: 28 }))
      .map(([m, dd]) => [`Her dad was admitted on ${m} ${dd} with pneumonia.`, `${m} ${dd}`]),
  ],
  [
    'age_over_89',
    fc
      .integer({ min: 90, max: 110 })
      .map((a) => [`The patient is ${a} years old and wants a story.`, `${a}`]),
  ],
  [
    'street_address',
    fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('Maple', 'Cedar Hill', 'Winthrop'))
      .map(([n, s]) => [`Mail the kit to ${n} ${s} Street for her son.`, `${n} ${s} Street`]),
  ],
  ['name', name.map((n) => [`Her son ${n} was admitted with DKA.`, n])],
  ['geographic', d(5).map((z) => [`Patient zip code ${z}, no car.`, z])],
  ['full_face_photo', d(4).map((n) => [`Got IMG_${n}.jpg from the family.`, `IMG_${n}.jpg`])],
];

describe('PHI guard fuzzing with look-alike and invisible characters', () => {
  for (const [kind, gen] of CASES) {
    it(`finds ${kind} through confusables, other scripts' digits, dashes and invisible characters`, () => {
      fc.assert(
        fc.property(
          gen.chain(([sentence, id]) => disguise(sentence).map((plan) => ({ sentence, id, plan }))),
          ({ sentence, id, plan }) => {
            const text = apply(sentence, plan);
            const found = findPhi(text, { allow });
            const hit = found.find((f) => f.kind === kind);
            expect(hit, `${kind} in ${JSON.stringify(text)}: ${JSON.stringify(found)}`).toBeDefined();
            // The span covers the disguised identifier in the original text.
            const at = sentence.indexOf(id);
            const prefix = apply(sentence.slice(0, at), plan.slice(0, at)).length;
            const len = apply(id, plan.slice(at, at + id.length)).length;
            expect(hit!.start).toBeLessThanOrEqual(prefix + len);
            expect(hit!.end).toBeGreaterThanOrEqual(prefix);
          },
        ),
        { numRuns: 60, seed: 1313 },
      );
    });
  }
});
