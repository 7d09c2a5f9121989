// The zod shapes of the analysis columns on an Account, built from the one list in contract.ts: as
// they are read back (every column nullable: an account analysis has not seen yet has none) by the
// export, the account page and the rankings, and as the write-back sends them.
import { z } from 'zod';
import { ACCOUNT_COLUMNS, ACCOUNT_SIGNAL_COLUMNS } from './contract.ts';

const KINDS = {
  long: z.number().int(),
  double: z.number(),
  string: z.string(),
  strings: z.array(z.string()),
} as const;
type Kinds = typeof KINDS;

type StoredShape<C extends Record<string, keyof Kinds>> = {
  [K in keyof C]: z.ZodNullable<Kinds[C[K]]>;
};

function stored<C extends Record<string, keyof Kinds>>(columns: C): z.ZodObject<StoredShape<C>> {
  const shape = Object.fromEntries(
    Object.entries(columns).map(([name, kind]) => [name, KINDS[kind].nullable()]),
  ) as StoredShape<C>;
  return z.object(shape);
}

/** The analysis columns of one Account as stored: each is null until an analysis has written it. */
export const StoredAccountColumns = stored(ACCOUNT_COLUMNS);
export type StoredAccountColumns = z.infer<typeof StoredAccountColumns>;

/** spamFlag and localReach as stored. */
export const StoredAccountSignals = stored(ACCOUNT_SIGNAL_COLUMNS);

/** The score columns among them: what an account's page shows under "scores". */
export const ScoreColumns = StoredAccountColumns.pick({
  score: true,
  pagerank: true,
  inWeight: true,
  communityShare: true,
  bridge: true,
});
