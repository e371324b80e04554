/**
 * Dates of year, month or day precision (2019, 2019-01, 2019-01-07), as roles carry them, and the
 * question hover cards and fact checks ask: which role did a person hold on a given date?
 */
import type { Role } from './types';

/** Compares two ISO dates of year, month or day precision on their common precision. */
export function compareIsoDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).localeCompare(b.slice(0, n));
}

/** True when the role was held on `date`; an open end counts as held. */
export function heldOn(role: Role, date: string): boolean {
  return (!role.from || compareIsoDates(role.from, date) <= 0) && (!role.to || compareIsoDates(date, role.to) <= 0);
}

/** Roles with those held on `date` first, then the most recent first. */
export function orderRoles(roles: readonly Role[], date: string): Role[] {
  return [...roles].sort((a, b) => {
    const held = Number(heldOn(b, date)) - Number(heldOn(a, date));
    if (held) return held;
    return (b.from ?? '').localeCompare(a.from ?? '');
  });
}

/** Today as YYYY-MM-DD (UTC). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
