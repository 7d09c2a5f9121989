// Roles, from least to most: viewer reads; outreach also writes outreach records; admin also
// manages users and starts ingest and analysis jobs.
import { z } from 'zod';

export const Role = z.enum(['viewer', 'outreach', 'admin']);
export type Role = z.infer<typeof Role>;

const rank: Record<Role, number> = { viewer: 0, outreach: 1, admin: 2 };

export function allows(has: Role, needs: Role): boolean {
  return rank[has] >= rank[needs];
}
