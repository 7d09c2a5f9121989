// Planted spam in the demo network, so the spam and bot flags (queries/analysis/spam.ts) have known
// answers: a handful of promotional accounts with one templated bio (only a number and a handle
// change), thousands of follows and few followers, posting #followback / #giveaway / #cryptogiveaway.
// They take the last slots of the requested account count, so counts stay as asked.

/** Promotional tags the planted accounts post, all matching spam.ts's SPAM_TAG_PATTERN. */
const SPAM_TAGS = ['followback', 'giveaway', 'cryptogiveaway', 'f4f'];

/** Bio template of the planted accounts; tests recognise them by its start. */
export const SPAM_BIO_START = '🎁 WIN a $';

/** How many accounts to plant: one per 250 accounts, between 3 and 40. */
function plantedCount(accounts: number): number {
  return Math.max(3, Math.min(40, Math.floor(accounts / 250)));
}

/** True for the account slots that are planted spam (the last plantedCount(n) of n). */
export function isPlanted(index: number, accounts: number): boolean {
  return index >= accounts - plantedCount(accounts);
}

export function spamProfile(k: number): { name: string; handleBase: string; bio: string } {
  return {
    name: `Free Gifts ${k}`,
    handleBase: `promo_gifts${k}`,
    bio: `${SPAM_BIO_START}${(k + 1) * 100} gift card! Follow + RT, DM @promo_gifts${k} 💰 #followback`,
  };
}

export function spamTags(pick: <T>(xs: readonly T[]) => T): string[] {
  return [pick(SPAM_TAGS), pick(SPAM_TAGS)];
}
