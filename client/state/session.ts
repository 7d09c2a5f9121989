// Who is signed in, for views that show or hide what the role may do (the server enforces it anyway).
import { createContext, useContext } from 'react';
import type { Me, Role } from '../api/types.ts';

export const SessionContext = createContext<Me['user'] | null>(null);

const RANK: Record<Role, number> = { viewer: 0, outreach: 1, admin: 2 };

export function useCan(needs: Role): boolean {
  const user = useContext(SessionContext);
  return user !== null && RANK[user.role] >= RANK[needs];
}
