/**
 * Dates of year, month or day precision (2019, 2019-01, 2019-01-07), as roles carry them, and the
 * question hover cards, outputs and fact checks ask: which role did a person hold on a given date?
 */
import type { Role } from './types';

/** Compares two ISO dates of year, month or day precision on their common precision. */
export function compareIsoDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).localeCompare(b.slice(0, n));
}

/**
 * Where a role stands on a date:
 * - `held`: it started on or before the date and its end, if any, is known to be after it;
 * - `may-have-ended`: the date falls inside the end's precision (a role ending «2015» and a date in
 *   July 2015), so the pack cannot say whether it was still held;
 * - `ended`: it ended before the date;
 * - `not-started`: it started after the date.
 * A start given at a coarser precision than the date (from «2015», date 2015-03-01) counts as started.
 */
export type RoleStatus = 'held' | 'may-have-ended' | 'ended' | 'not-started';

export function roleStatus(role: Role, date: string): RoleStatus {
  if (role.from && compareIsoDates(role.from, date) > 0) return 'not-started';
  if (!role.to) return 'held';
  const c = compareIsoDates(date, role.to);
  if (c > 0) return 'ended';
  // Equal on the common precision: the date is inside the end (or on the very day it ended).
  if (c === 0 && role.to.length < date.length) return 'may-have-ended';
  return 'held';
}

/** True when the role was held on `date`, or may still have been (see roleStatus). */
export function heldOn(role: Role, date: string): boolean {
  const s = roleStatus(role, date);
  return s === 'held' || s === 'may-have-ended';
}

/** The start of a role for ordering: later starts first, unknown starts last. */
const byStartDesc = (a: Role, b: Role) => (b.from ?? '').localeCompare(a.from ?? '');

const RANK: Record<RoleStatus, number> = { held: 0, 'may-have-ended': 1, ended: 2, 'not-started': 3 };

/**
 * Roles with the one held on `date` first, then those that may have ended, then the ended ones (the
 * most recent first), then those not yet started (the nearest first).
 */
export function orderRoles(roles: readonly Role[], date: string): Role[] {
  return [...roles].sort((a, b) => {
    const sa = roleStatus(a, date);
    const rank = RANK[sa] - RANK[roleStatus(b, date)];
    if (rank) return rank;
    return sa === 'not-started' ? -byStartDesc(a, b) : byStartDesc(a, b);
  });
}

/**
 * The role held on `date` (the latest started when several are), else one that may have ended then,
 * with its status; undefined when no role of the list covers the date. Undated roles never answer.
 */
export function roleOnDate(roles: readonly Role[] | undefined, date: string): { role: Role; status: 'held' | 'may-have-ended' } | undefined {
  if (!roles?.length) return undefined;
  let best: { role: Role; status: 'held' | 'may-have-ended' } | undefined;
  for (const role of roles) {
    if (!role.from && !role.to) continue;
    const s = roleStatus(role, date);
    if (s !== 'held' && s !== 'may-have-ended') continue;
    if (!best || RANK[s] < RANK[best.status] || (RANK[s] === RANK[best.status] && byStartDesc(role, best.role) < 0)) best = { role, status: s };
  }
  return best;
}

/** Today as YYYY-MM-DD (UTC). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
