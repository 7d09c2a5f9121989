// Roles, from least to most: viewer reads; outreach also writes outreach records; admin also
// manages users and starts ingest and analysis jobs. The enum lives with the users (queries/users.ts).
import { Role } from '../../queries/users.ts';

export { Role };

const rank: Record<Role, number> = { viewer: 0, outreach: 1, admin: 2 };

export function allows(has: Role, needs: Role): boolean {
  return rank[has] >= rank[needs];
}
