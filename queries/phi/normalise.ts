// Turns what staff paste into the plain text the detectors are written for, and remembers where each
// character came from so a finding can point at the original span (the UI highlights it there).
//
// People (and copy-paste) hide identifiers without meaning to: full-width digits from a phone's IME,
// a Cyrillic "М" in "MRN", zero-width spaces and soft hyphens from a word processor, en dashes in
// "617–555–0143". Each of those is folded here, one original character at a time, so the offset
// map stays exact.
import { confusablesMap } from 'confusables';

interface Normalised {
  /** The folded text the detectors read. */
  text: string;
  /** For each character of `text`, the offset of the original character it came from. */
  from: number[];
  /** For each character of `text`, the offset just after that original character. */
  to: number[];
}

// Format characters (zero-width space/joiners, BOM, word joiner, bidi marks), the soft hyphen and
// the combining grapheme joiner carry no visible meaning: drop them.
const INVISIBLE = /[\p{Cf}\u00AD\u115F\u1160\u180E\u3164]|\u034F|\u17B4|\u17B5|\p{Variation_Selector}/u;
const DASH = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D\u30FC]/u;
const SPACE = /[\p{Zs}\t\u2028\u2029]/u;
const DIGIT = /\p{Nd}/u;

/** The value of a decimal digit from any script (NFKC leaves Arabic-Indic, Devanagari … as they are). */
function digitValue(ch: string): string {
  let cp = ch.codePointAt(0)!;
  // Every script's digits are ten consecutive code points; walk back to the block's zero.
  let n = 0;
  while (n < 60 && DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp--;
    n++;
  }
  return String(n % 10);
}

function fold(ch: string): string {
  if (ch.charCodeAt(0) < 128) return ch;
  if (INVISIBLE.test(ch)) return '';
  if (DASH.test(ch)) return '-';
  if (SPACE.test(ch)) return ' ';
  const k = ch.normalize('NFKC');
  let out = '';
  for (const c of k) {
    if (c.charCodeAt(0) < 128) out += c;
    else if (DIGIT.test(c)) out += digitValue(c);
    else if (DASH.test(c)) out += '-';
    else {
      // Latin look-alikes (Cyrillic М, Greek Ν, accented letters …) become their skeleton letter.
      let base = confusablesMap.get(c);
      // The skeleton of a capital I look-alike (Cyrillic І, Greek Ι) is "l"; keywords want "I".
      if (base === 'l' && c !== c.toLowerCase()) base = 'I';
      out += base !== undefined && /^[\x20-\x7e]+$/.test(base) ? base : c;
    }
  }
  return out;
}

export function normalise(original: string): Normalised {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of original) {
    const folded = fold(ch);
    for (let k = 0; k < folded.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    text += folded;
    i += ch.length;
  }
  return { text, from, to };
}

/** Maps a span of the normalised text back to the original text. */
export function originalSpan(n: Normalised, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: n.from[start] ?? 0, end: n.from[start] ?? 0 };
  return { start: n.from[start]!, end: n.to[end - 1]! };
}
