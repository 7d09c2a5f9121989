// What an analysis run can be asked for, with the defaults written down once. The interaction-type
// weights turn the per-type counts on INTERACTS into one edge weight:
//   mention 1, reply 2, quote 2, repost 1.5, follow 0.5
// A reply or a quote costs the author more effort than a mention, a repost spreads the post as is,
// and a follow is a standing signal rather than an act of attention, so it counts least.
import { z } from 'zod';

export const InteractionWeights = z
  .object({
    mention: z.number().min(0).default(1),
    reply: z.number().min(0).default(2),
    quote: z.number().min(0).default(2),
    repost: z.number().min(0).default(1.5),
    follow: z.number().min(0).default(0.5),
  })
  .strict();
export type InteractionWeights = z.infer<typeof InteractionWeights>;

export const AnalysisParams = z.object({
  seed: z.number().int().min(0).default(42),
  resolution: z.number().positive().max(100).default(1),
  weights: InteractionWeights.default(InteractionWeights.parse({})),
  /** 'node': Louvain and PageRank in this process; 'gds': inside Neo4j with Graph Data Science. */
  engine: z.enum(['node', 'gds']).default('node'),
});
export type AnalysisParams = z.infer<typeof AnalysisParams>;
export type AnalysisParamsInput = z.input<typeof AnalysisParams>;
