// What the influencer table and its CSV show, in one place so the export matches the screen.
import type { InfluencerItem } from '../../api/types.ts';
import type { CsvColumn } from '../../lib/csv.ts';

const PLURAL: Record<InfluencerItem['why']['topInteractions'][number]['type'], string> = {
  mention: 'mentions',
  reply: 'replies',
  repost: 'reposts',
  quote: 'quotes',
  follow: 'follows',
};

export const placeText = (i: InfluencerItem) =>
  i.place ? [i.place.name, i.place.region, i.place.country].filter(Boolean).join(', ') : '';

/** "Why ranked" in words: the filters it matched, its community and its strongest interactions. */
export function whyText(i: InfluencerItem): string {
  // The server's plain-words explanation (what was counted, where the account stands) comes first.
  const parts = [...(i.why.summary ?? []), ...i.why.matched];
  if (i.why.community) parts.push(`community ${i.why.community.label ?? `#${i.why.community.id}`}`);
  const top = i.why.topInteractions
    .slice(0, 3)
    .map((t) => `${t.count} ${t.count === 1 ? t.type : PLURAL[t.type]} from @${t.handle ?? t.accountId}`);
  if (top.length) parts.push(top.join(', '));
  return parts.join('; ');
}

export const influencerCsvColumns: CsvColumn<InfluencerItem & { rank: number }>[] = [
  { header: 'rank', value: (i) => i.rank },
  { header: 'account_id', value: (i) => i.accountId },
  { header: 'handle', value: (i) => i.handle },
  { header: 'name', value: (i) => i.name },
  { header: 'score', value: (i) => i.score },
  { header: 'topic_score', value: (i) => i.topic?.score ?? '' },
  { header: 'window_attention', value: (i) => i.window?.attention ?? '' },
  { header: 'rising', value: (i) => i.window?.rising ?? '' },
  { header: 'local_reach', value: (i) => i.localReach ?? '' },
  { header: 'role', value: (i) => i.role },
  { header: 'specialties', value: (i) => i.specialties.join('; ') },
  { header: 'place', value: placeText },
  { header: 'community', value: (i) => i.community },
  { header: 'why', value: whyText },
];

/** Rank is the position in the list as ranked by the server. */
export function influencerCsvRows(items: readonly InfluencerItem[]) {
  return items.map((item, idx) => ({ ...item, rank: idx + 1 }));
}
