/**
 * Whether a meeting word at token i names a meeting: its needs are met (بحث … مع), it is not a press
 * conference alone (مؤتمر صحفي, but مؤتمر صحفي مع نظيره is a joint one), not an interview with an
 * outlet (لقاء مع قناة), and a namedOnly noun (حوار) is named (الحوار الاستراتيجي) or refers to the
 * meeting in focus.
 */
import { K, wordSet, type LexHit } from '../sentences';
import { needsMet } from './statement-gate';
import type { SentenceView } from './view';

type MeetingHit = Extract<LexHit, { kind: 'meeting' }>;

/** A memo of the lexicon's notBefore word sets (derived data, the same for every call). */
const notBeforeSets = new Map<string, ReadonlySet<string>>();
const NEVER = { words: '\u0640', within: 0 };

/** @param named the noun has its own modifiers (الاجتماع الدولي); @param hasFocus a meeting is in focus. */
export function meetingGate(v: SentenceView, i: number, hit: MeetingHit, named: boolean, hasFocus: boolean): boolean {
  if (!needsMet(v, i, hit.row.needs)) return false;
  const nb = hit.row.notBefore;
  if (nb && i + 1 < v.count) {
    let set = notBeforeSets.get(nb);
    if (!set) notBeforeSets.set(nb, (set = wordSet(nb)));
    if (set.has(v.norm(i + 1)) && !needsMet(v, i + 1, hit.row.notBeforeUnless ?? NEVER)) return false;
  }
  if (hit.pos === 'noun' && interview(v, i)) return false;
  if (hit.row.namedOnly && hit.pos === 'noun' && !named && !(hasFocus && (hit.definite || v.is(i - 1, K.DEMONSTRATIVE)))) return false;
  return true;
}

/** «لقاء مع قناة …»: an interview with an outlet, not a meeting. */
export function interview(v: SentenceView, i: number): boolean {
  for (let k = i + 1; k < v.count && k <= i + 2; k++) if (v.bare(k) === 'مع') return v.is(k + 1, K.OUTLET);
  return false;
}

