// Words → a topic: what someone types ("breast cancer", "heart", "type 1 diabetes", "#t1d") becomes the
// set of hashtags whose conversation a topic ranking measures. Specialties come from the taxonomy
// (specialties.ts); vocabulary.csv adds the everyday words for them and named hashtag sets that are
// narrower than a whole specialty ("breast cancer" is #bcsm, #breastcancer, #mbcsm, not all of cancer).
// Lookups go through Maps, so "constructor" or "toString" are ordinary unknown words.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { Invalid } from '../errors.ts';
import { normaliseTag, slug, taxonomy } from './specialties.ts';

export type TopicKind = 'specialty' | 'phrase' | 'hashtag';

export interface Topic {
  /** Stable key stored on the Topic node: `specialty:cancer`, `phrase:breast-cancer`, `hashtag:t1d`. */
  key: string;
  kind: TopicKind;
  /** The specialty slug, the phrase or the tag. */
  name: string;
  /** How explanations name the conversation: "#t1d", "type 1 diabetes", "breast cancer". */
  label: string;
  /** The hashtags whose posts make up the conversation, sorted. */
  tags: string[];
}

const VocabularyRow = z.object({ words: z.string().min(1), specialty: z.string(), hashtags: z.string() });

interface Vocabulary {
  /** slug of the words → topic */
  byWords: Map<string, Topic>;
  specialtyTopics: Map<string, Topic>;
  phraseTopics: Topic[];
}

let cached: Vocabulary | null = null;

function specialtyLabel(s: string): string {
  return s.replace(/-/g, ' ');
}

function vocabulary(): Vocabulary {
  if (cached) return cached;
  const t = taxonomy();
  const tagsOf = new Map<string, Set<string>>();
  for (const [tag, specialties] of t.byHashtag) {
    for (const s of specialties) {
      let set = tagsOf.get(s);
      if (!set) tagsOf.set(s, (set = new Set()));
      set.add(tag);
    }
  }
  const specialtyTopics = new Map<string, Topic>();
  for (const s of [...t.specialties].sort()) {
    specialtyTopics.set(s, {
      key: `specialty:${s}`,
      kind: 'specialty',
      name: s,
      label: specialtyLabel(s),
      tags: [...(tagsOf.get(s) ?? [])].sort(),
    });
  }
  const byWords = new Map<string, Topic>();
  for (const [s, topic] of specialtyTopics) byWords.set(s, topic);
  const phraseTopics: Topic[] = [];
  const rows = parse(readFileSync(new URL('./vocabulary.csv', import.meta.url), 'utf8'), {
    columns: true,
    bom: true,
  }) as unknown[];
  for (const raw of rows) {
    const row = VocabularyRow.parse(raw);
    const words = slug(row.words);
    if (row.specialty) {
      const topic = specialtyTopics.get(row.specialty);
      if (!topic) throw new Error(`vocabulary.csv: "${row.words}" names unknown specialty ${row.specialty}`);
      byWords.set(words, topic);
    } else {
      const topic: Topic = {
        key: `phrase:${words}`,
        kind: 'phrase',
        name: words,
        label: row.words.trim().toLowerCase(),
        tags: row.hashtags.split(/\s+/).filter(Boolean).map(normaliseTag).sort(),
      };
      byWords.set(words, topic);
      phraseTopics.push(topic);
    }
  }
  cached = { byWords, specialtyTopics, phraseTopics };
  return cached;
}

/** Every specialty and named phrase: what analysis scores ahead of time. */
export function knownTopics(): Topic[] {
  const v = vocabulary();
  return [...v.specialtyTopics.values(), ...v.phraseTopics].filter((t) => t.tags.length > 0);
}

export function hashtagTopic(tag: string): Topic {
  const t = normaliseTag(tag);
  return { key: `hashtag:${t}`, kind: 'hashtag', name: t, label: `#${t}`, tags: [t] };
}

/** The known words closest to `input`, nearest first (edit distance, then containment, then name). */
export function nearestWords(input: string, max = 5): string[] {
  const s = slug(input);
  const words = [...vocabulary().byWords.keys()];
  return words
    .map((w) => {
      const d = distance(s, w);
      // "diabetes type 1" and "cancers" are near "type-1-diabetes" and "cancer" even when far by edits.
      const contains = s.length >= 3 && (w.includes(s) || s.includes(w)) ? 0.5 : 1;
      return { w, d: d * contains };
    })
    .sort((a, b) => a.d - b.d || a.w.localeCompare(b.w))
    .slice(0, max)
    .map(({ w }) => w.replace(/-/g, ' '));
}

/**
 * A specialty in words → its topic. An unknown one is an `Invalid` naming the field and the nearest
 * known words, so a typo never answers with a silent empty list.
 */
export function resolveSpecialty(input: string, field = 'specialty'): Topic {
  const s = slug(input);
  const topic = vocabulary().byWords.get(s) ?? vocabulary().byWords.get(slug(input.replace(/^#+/, '')));
  if (topic) return topic;
  // A hashtag typed as a specialty ("#bcsm", "t1d" is in the list already): the tag's own topic when the
  // taxonomy knows the tag.
  const tag = normaliseTag(input);
  if (taxonomy().byHashtag.has(tag)) return hashtagTopic(tag);
  const nearest = nearestWords(input, 3);
  const message = `${field}: "${input.trim()}" is not a known specialty; did you mean ${nearest
    .map((w) => `"${w}"`)
    .join(', ')}?`;
  throw new Invalid(message, [{ field, message, suggestions: nearest }]);
}
