// Hashtags and bio keywords → specialties. The seed is the 2014 disease-hashtag list (22 groups, one
// specialty per group); clinical.csv adds the fields and community tags it lacks. See SOURCE.md.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

const here = (f: string) => new URL(f, import.meta.url);

/** Hashtag text as stored on Hashtag.tag: lower case, no '#', NFC. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').normalize('NFC').toLowerCase();
}

/** "Rare Diseases" → "rare-diseases". */
export function slug(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const DiseaseRow = z.object({ 'Raw Data': z.string(), 'Sub-Group': z.string(), Hashtags: z.string() });
const ClinicalRow = z.object({
  kind: z.enum(['hashtag', 'keyword']),
  term: z.string().min(1),
  specialty: z.string().min(1),
});

interface Taxonomy {
  byHashtag: Map<string, Set<string>>;
  keywords: { term: string; pattern: RegExp; specialty: string }[];
  specialties: Set<string>;
}

let cached: Taxonomy | null = null;

export function taxonomy(): Taxonomy {
  if (cached) return cached;
  const byHashtag = new Map<string, Set<string>>();
  const specialties = new Set<string>();
  const addTag = (tag: string, specialty: string) => {
    const t = normaliseTag(tag);
    if (!t) return;
    let set = byHashtag.get(t);
    if (!set) byHashtag.set(t, (set = new Set()));
    set.add(specialty);
    specialties.add(specialty);
  };
  const disease = parse(readFileSync(here('./DiseaseHashtags.csv'), 'utf8'), { columns: true, bom: true });
  for (const raw of disease as unknown[]) {
    const row = DiseaseRow.parse(raw);
    const group = row['Sub-Group'].trim();
    // Blank, "Multiple" and "Ill Defined" rows name no single field (the last would show as a
    // specialty called "ill-defined").
    if (!group || group === 'Multiple' || group === 'Ill Defined' || !row.Hashtags.trim()) continue;
    addTag(row.Hashtags, slug(group));
  }
  const keywords: Taxonomy['keywords'] = [];
  const clinical = parse(readFileSync(here('./clinical.csv'), 'utf8'), { columns: true, bom: true });
  for (const raw of clinical as unknown[]) {
    const row = ClinicalRow.parse(raw);
    if (row.kind === 'hashtag') addTag(row.term, row.specialty);
    else {
      const escaped = row.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+');
      keywords.push({
        term: row.term,
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'),
        specialty: row.specialty,
      });
      specialties.add(row.specialty);
    }
  }
  cached = { byHashtag, keywords, specialties };
  return cached;
}

// What people type for a field → the specialty slug we store. A Map, so "constructor" is just a word.
const SYNONYMS = new Map<string, string>([
  ['oncology', 'cancer'],
  ['cardiology', 'cardiovascular'],
  ['neurology', 'neurological'],
  ['psychiatry', 'psych'],
  ['mental-health', 'psych'],
  ['endocrinology', 'endocrine'],
  // Type 1 and type 2 are different conversations; "diabetes" alone is both.
  ['t1d', 'type-1-diabetes'],
  ['t2d', 'type-2-diabetes'],
  ['type-1', 'type-1-diabetes'],
  ['type-2', 'type-2-diabetes'],
  ['rare-disease', 'rare-diseases'],
  ['rare', 'rare-diseases'],
  ['dermatology', 'skin'],
  ['paediatrics', 'pediatrics'],
]);

/** A --specialty value → the stored slug ("Type 1 diabetes" → "type-1-diabetes", "Oncology" → "cancer"). */
export function canonicalSpecialty(input: string): string {
  const s = slug(input);
  return SYNONYMS.get(s) ?? s;
}

/**
 * Specialties of one account from the hashtags it used (with counts) and its bio, strongest first.
 * A keyword in the bio weighs as much as three uses of a hashtag: people describe their field there.
 */
export function specialtiesFor(
  hashtags: { tag: string; count: number }[],
  bio: string | null | undefined,
): string[] {
  const t = taxonomy();
  const evidence = new Map<string, number>();
  const add = (s: string, w: number) => evidence.set(s, (evidence.get(s) ?? 0) + w);
  for (const { tag, count } of hashtags) {
    for (const s of t.byHashtag.get(normaliseTag(tag)) ?? []) add(s, count);
  }
  if (bio) {
    const text = bio.normalize('NFC');
    for (const k of t.keywords) if (k.pattern.test(text)) add(k.specialty, 3);
    // A #hashtag in the bio counts like a keyword.
    for (const m of text.matchAll(/#([\p{L}\p{N}_]+)/gu)) {
      for (const s of t.byHashtag.get(normaliseTag(m[1]!)) ?? []) add(s, 3);
    }
  }
  return [...evidence.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
}
