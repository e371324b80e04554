/**
 * Dates of year, month or day precision (2019, 2019-01, 2019-01-07), as roles carry them, and the
 * question hover cards ask: which role did a person hold on the article's date?
 */
import type { Role } from './types';

/** The first day a partial date can mean: 2019 → 2019-01-01. */
export function earliestDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** The last day a partial date can mean: 2019 → 2019-12-31, 2019-02 → 2019-02-31 (compares correctly). */
export function latestDay(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/** True when the role may have been held on `day` (YYYY-MM-DD): open ends count as held. */
export function roleCovers(role: Role, day: string): boolean {
  if (role.from && earliestDay(role.from) > day) return false;
  if (role.to && latestDay(role.to) < day) return false;
  return !!(role.from || role.to);
}

/** Roles in the order a hover card shows them: held on `day` first, then the most recent first. */
export function rolesForDay(roles: readonly Role[], day: string): Role[] {
  const key = (r: Role) => latestDay(r.to ?? '9999');
  return [...roles].sort((a, b) => Number(roleCovers(b, day)) - Number(roleCovers(a, day)) || (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/** Today as YYYY-MM-DD in UTC. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
