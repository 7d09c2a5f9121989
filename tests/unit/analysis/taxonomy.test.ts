import { describe, expect, it } from 'vitest';
import { canonicalSpecialty, specialtiesFor, taxonomy } from '../../../queries/taxonomy/specialties.ts';
import { roleFromBio } from '../../../queries/taxonomy/role.ts';

describe('specialty taxonomy', () => {
  it('is seeded with the 2014 disease hashtag groups and extended for clinical fields', () => {
    const t = taxonomy();
    // 22 groups minus "Multiple" (no single field), plus our clinical fields.
    for (const s of [
      'cancer',
      'neurological',
      'endocrine',
      'rare-diseases',
      'psych',
      'diabetes',
      'nursing',
    ]) {
      expect(t.specialties.has(s), s).toBe(true);
    }
    expect(t.specialties.has('multiple')).toBe(false);
    expect([...(t.byHashtag.get('bcsm') ?? [])].sort()).toEqual(['cancer', 'lymphatic']);
    expect(t.byHashtag.get('adhd')).toEqual(new Set(['neurological']));
    expect(t.byHashtag.size).toBeGreaterThan(300);
  });

  it('weighs hashtag use and bio keywords, strongest first', () => {
    expect(
      specialtiesFor(
        [
          { tag: 'T1D', count: 5 },
          { tag: 'bcsm', count: 1 },
        ],
        null,
      ),
      // Type 1 is its own specialty too (issue 14): #t1d is type 1 diabetes, not type 2.
    ).toEqual(['diabetes', 'endocrine', 'type-1-diabetes', 'cancer', 'lymphatic']);
    expect(specialtiesFor([], 'Oncologist at a cancer centre')).toEqual(['cancer']);
    expect(specialtiesFor([], 'Dad. #epilepsy awareness')).toEqual(['neurological']);
    expect(specialtiesFor([], 'I like dogs and football')).toEqual([]);
  });

  it('does not match keywords inside other words', () => {
    expect(specialtiesFor([], 'nursery rhymes')).toEqual([]);
  });

  it('maps what people type to the stored specialty', () => {
    // Type 1 and type 2 are different specialties (issue 14); "diabetes" is both.
    expect(canonicalSpecialty('Type 1 Diabetes')).toBe('type-1-diabetes');
    expect(canonicalSpecialty('T2D')).toBe('type-2-diabetes');
    expect(canonicalSpecialty('diabetes')).toBe('diabetes');
    expect(canonicalSpecialty('constructor')).toBe('constructor');
    expect(canonicalSpecialty('Oncology')).toBe('cancer');
    expect(canonicalSpecialty('Rare Diseases')).toBe('rare-diseases');
    expect(canonicalSpecialty('cardiovascular')).toBe('cardiovascular');
  });
});

describe('role from bio cues', () => {
  it.each([
    ['T1D since 1998. Advocate for #insulin4all', 'patient_advocate'],
    ['Breast cancer survivor, mom of 3', 'patient_advocate'],
    ['Oncologist at MGH. MD, PhD', 'clinician'],
    ['Pediatric nurse (RN) and T1D mom', 'clinician'],
    ['Dr. Jane Smith, endocrinologist', 'clinician'],
    ['Official account of the American Diabetes Association', 'organisation'],
    ['We are a nonprofit funding rare disease research', 'organisation'],
    ['PhD student in epidemiology', 'researcher'],
    ['Professor of public health', 'researcher'],
    ['Coffee, dogs, hiking', 'other'],
    ['', 'other'],
  ])('%s → %s', (bio, role) => {
    expect(roleFromBio(bio)).toBe(role);
  });
});
