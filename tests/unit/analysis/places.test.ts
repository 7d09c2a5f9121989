// Issue 14, item 3: the cases people reported, exonyms, ambiguity and region names.
import { beforeAll, describe, expect, it } from 'vitest';
import { UnknownPlace } from '../../../queries/errors.ts';
import { distanceKm, lookupPlace, placeForQuery, resolvePlace } from '../../../queries/geo/resolve.ts';

// The gazetteer loads on the first lookup (a few seconds on a busy machine), not inside a test.
beforeAll(() => {
  resolvePlace('Boston, MA');
}, 60_000);

describe('places people reported as wrong or refused', () => {
  it.each([
    ['Geneva, Switzerland', 'Genève', null, 'CH'],
    ['Geneva', 'Genève', null, 'CH'],
    ['Washington, United States', 'Washington, D.C.', 'District of Columbia', 'US'],
    ['Washington, DC', 'Washington, D.C.', 'District of Columbia', 'US'],
    ['New York', 'New York City', 'New York', 'US'],
    ['New York, USA', 'New York City', 'New York', 'US'],
    ['NYC', 'New York City', 'New York', 'US'],
    ['Athens', 'Athens', null, 'GR'],
    ['Athens, Greece', 'Athens', null, 'GR'],
    ['Athens, GA', 'Athens', 'Georgia', 'US'],
    ['Kyiv', 'Kyiv', null, 'UA'],
    ['Kiev, Ukraine', 'Kyiv', null, 'UA'],
    ['Cologne', 'Köln', null, 'DE'],
    ['Cologne, Germany', 'Köln', null, 'DE'],
    ['Köln, Deutschland', 'Köln', null, 'DE'],
    ['Nuremberg', 'Nürnberg', null, 'DE'],
    ['Gothenburg, Sweden', 'Göteborg', null, 'SE'],
    ['Seville', 'Sevilla', null, 'ES'],
    ['Bangalore', 'Bengaluru', null, 'IN'],
    ['Bombay', 'Mumbai', null, 'IN'],
    ['Quebec City', 'Québec', 'Quebec', 'CA'],
    ['Paris', 'Paris', null, 'FR'],
    ['Paris, TX', 'Paris', 'Texas', 'US'],
    ['Munich', 'Munich', null, 'DE'],
    ['San Jose', 'San Jose', 'California', 'US'],
    ['Singapore', 'Singapore', null, 'SG'],
  ])('%s → %s, %s, %s', (text, name, region, country) => {
    const p = resolvePlace(text);
    expect(p).toMatchObject({ name, region, country });
    expect(p?.lat).toEqual(expect.any(Number));
  });

  it('puts "Geneva" in Switzerland, ~1 km from the lake, not 6,900 km away in Illinois', () => {
    const g = resolvePlace('Geneva')!;
    expect(distanceKm(g.lat!, g.lon!, 46.2044, 6.1432)).toBeLessThan(5);
  });

  it.each([
    ['West Virginia', 'West Virginia', 'US'],
    ['California, USA', 'California', 'US'],
    ['Washington', 'Washington', 'US'],
    ['Washington State', 'Washington', 'US'],
    ['Quebec', 'Quebec', 'CA'],
    ['Georgia, USA', 'Georgia', 'US'],
  ])('reads %s as the region %s, not a town of that name', (text, region, country) => {
    expect(resolvePlace(text)).toEqual({ name: null, region, country, lat: null, lon: null });
  });

  it('knows country names in English and in the local language', () => {
    expect(resolvePlace('Greece')).toMatchObject({ name: null, country: 'GR' });
    expect(resolvePlace('Schweiz')).toMatchObject({ name: null, country: 'CH' });
    expect(resolvePlace('Ukraine')).toMatchObject({ name: null, country: 'UA' });
    expect(resolvePlace('Mexico')).toMatchObject({ name: null, country: 'MX' });
  });
});

describe('ambiguous bare names', () => {
  it('lists the Springfields instead of guessing, largest first', () => {
    const found = lookupPlace('Springfield');
    expect(found).toMatchObject({ ambiguous: true });
    const regions = found && 'ambiguous' in found ? found.candidates.map((c) => c.region) : [];
    expect(regions.slice(0, 3)).toEqual(['Missouri', 'Massachusetts', 'Illinois']);
    // A profile that only says "Springfield" stays unresolved rather than landing in the wrong state.
    expect(resolvePlace('Springfield')).toBeNull();
    expect(resolvePlace('Springfield, MA')).toMatchObject({ region: 'Massachusetts' });
  });

  it('treats Cambridge (England, Ontario, Massachusetts) as ambiguous and Cambridge, MA as not', () => {
    const found = lookupPlace('Cambridge');
    expect(found && 'ambiguous' in found ? found.candidates.map((c) => c.country).sort() : []).toEqual([
      'CA',
      'GB',
      'US',
    ]);
    expect(resolvePlace('Cambridge, MA')).toMatchObject({ region: 'Massachusetts' });
  });

  it('answers a --near query on an ambiguous name with UnknownPlace naming the field and the candidates', () => {
    let err: unknown;
    try {
      placeForQuery('Springfield', 'query.near');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownPlace);
    const e = err as UnknownPlace;
    expect(e.message).toContain('query.near');
    expect(e.message).toContain('Springfield, Missouri, US');
    expect(e.details).toEqual([
      expect.objectContaining({
        field: 'query.near',
        candidates: expect.arrayContaining([expect.anything()]),
      }),
    ]);
  });

  it('refuses a region or an unknown name for --near, and gives coordinates for a city', () => {
    expect(() => placeForQuery('West Virginia', 'near')).toThrow(UnknownPlace);
    expect(() => placeForQuery('Xyzzyville', 'near')).toThrow(/not a city we know/);
    expect(placeForQuery('Geneva, Switzerland', 'near')).toMatchObject({
      country: 'CH',
      lat: expect.any(Number),
    });
  });
});
