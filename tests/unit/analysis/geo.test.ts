import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalRegion, distanceKm, resolvePlace } from '../../../queries/geo/resolve.ts';

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
