// Does a post's text name the organisation? Terms and text are compared after the same folding:
// Unicode NFKD with the accents dropped, lower case, curly quotes made straight, runs of spaces made
// one. A term matches on word boundaries only ("Mercy" is not in "Mercyful"); names also match in
// their @handle and #hashtag forms ("@MercyGeneral", "#mercygeneral"). A match that lies inside an
// exclusion phrase ("Lord have mercy", a competitor "Mercy Medical Center Springfield") is dropped.
import type { Identity, MatchReason } from './contract.ts';

/** Folds text for matching; the same function is used for terms and posts. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD = '[\\p{L}\\p{N}_]';

/** A folded phrase as a pattern: word boundaries at both ends, any run of spaces between words. */
function phrasePattern(folded: string): string {
  const body = folded
    .trim()
    .split(' ')
    .map((w) => escape(w))
    .join('\\s+');
  // A leading @ or # is part of the term itself; otherwise the term may not follow one, so that
  // "#mercy" is the hashtag list's business and not a name match.
  return `(?<!${WORD})${body}(?!${WORD})`;
}

/** "Mercy General Hospital" → "mercygeneralhospital", the form it takes as a handle or a hashtag. */
function squashed(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}_]/gu, '');
}

interface CompiledTerm {
  kind: MatchReason['kind'];
  value: string;
  re: RegExp;
}

export interface Matcher {
  /** Why the text names us (term reasons only; account links are found in the graph). */
  match(text: string | null | undefined, hashtags?: readonly string[]): MatchReason[];
  /** Handles of our accounts, folded, without '@'. */
  handles: string[];
  /** Account ids of our accounts. */
  accountIds: string[];
  hashtags: string[];
  empty: boolean;
}

const ACCOUNT_ID = /^[a-z][a-z0-9-]*:.+$/;

export function compileMatcher(identity: Identity): Matcher {
  const terms: CompiledTerm[] = [];
  const add = (kind: MatchReason['kind'], value: string, pattern: string) =>
    terms.push({ kind, value, re: new RegExp(pattern, 'gu') });

  const handles: string[] = [];
  const accountIds: string[] = [];
  for (const a of identity.accounts) {
    if (a.startsWith('@')) handles.push(fold(a.slice(1)));
    else if (ACCOUNT_ID.test(a)) accountIds.push(a);
    else handles.push(fold(a));
  }
  for (const h of handles) add('handle', `@${h}`, `(?<!${WORD})@${escape(h)}(?!${WORD})`);

  const named: [MatchReason['kind'], readonly string[]][] = [
    ['name', identity.names],
    ['nickname', identity.nicknames],
    ['physician', identity.physicians],
    ['campus', identity.campuses],
  ];
  for (const [kind, list] of named) {
    // A physician is named with or without the title: "Dr. Priya Patel", "Priya Patel".
    const forms = (raw: string) =>
      kind === 'physician' ? [raw, raw.replace(/^(?:dr\.?|doctor|prof\.?|professor)\s+/i, '')] : [raw];
    for (const raw of list.flatMap((r) => [...new Set(forms(r))].map((f) => [r, f] as const))) {
      const [configured, form] = raw;
      const f = fold(form).trim();
      if (f.split(' ').length < 2 && kind === 'physician' && form !== configured) continue;
      add(kind, configured, phrasePattern(f));
      const sq = squashed(f);
      // A multi-word name written as one word is a handle or a hashtag: "@MercyGeneral".
      if (sq !== f && sq.length >= 4) add(kind, configured, `(?<!${WORD})[@#]${escape(sq)}(?!${WORD})`);
    }
  }
  const hashtags = identity.hashtags.map((h) => squashed(fold(h.replace(/^#/, ''))));
  for (let i = 0; i < hashtags.length; i++) {
    add('hashtag', `#${hashtags[i]!}`, `(?<!${WORD})#${escape(hashtags[i]!)}(?!${WORD})`);
  }
  const exclusions = identity.exclusions.map((e) => new RegExp(phrasePattern(fold(e)), 'gu'));

  return {
    handles,
    accountIds,
    hashtags,
    empty: terms.length === 0 && accountIds.length === 0,
    match(text, tags = []) {
      const reasons: MatchReason[] = [];
      const seen = new Set<string>();
      const push = (r: MatchReason) => {
        const key = `${r.kind}\u0000${r.value}`;
        if (!seen.has(key)) {
          seen.add(key);
          reasons.push(r);
        }
      };
      if (text) {
        const t = fold(text);
        const excluded: [number, number][] = [];
        for (const re of exclusions) {
          re.lastIndex = 0;
          for (const m of t.matchAll(re)) excluded.push([m.index, m.index + m[0].length]);
        }
        for (const term of terms) {
          term.re.lastIndex = 0;
          for (const m of t.matchAll(term.re)) {
            const start = m.index;
            const end = start + m[0].length;
            if (excluded.some(([a, b]) => start >= a && end <= b)) continue;
            push({ kind: term.kind, value: term.value });
            break;
          }
        }
      }
      for (const tag of tags) {
        const f = squashed(fold(tag));
        if (hashtags.includes(f)) push({ kind: 'hashtag', value: `#${f}` });
      }
      return reasons;
    },
  };
}
