/**
 * Whether a reporting word at token i makes a statement at all: its lemma's needs are met (أعرب عن،
 * بين … أن، وتابع:), it is not in a relative clause (الذي أكد) nor negated (لم يعلن), and a masdar
 * stands after a support verb (تم التأكيد). Whether a second verb of the sentence starts a statement
 * of its own is `newStatement`.
 */
import type { Needs } from '../event-lexicon';
import { normalizeArabic } from '../normalize';
import { GAP_COLON, GAP_COMMA, GAP_QUOTE, K, type LexHit } from '../sentences';
import type { SentenceView } from './view';

type StatementHit = Extract<LexHit, { kind: 'statement' }>;

/** A memo of each need's normalized words (derived data, the same for every call). */
const needsWords = new WeakMap<Needs, string[]>();

/** True when a word of `needs` follows token i within `needs.within` tokens (or a colon, with orColon). */
export function needsMet(v: SentenceView, i: number, needs: Needs | undefined): boolean {
  if (!needs) return true;
  if (needs.orColon && i + 1 < v.count && v.gap(i + 1) & (GAP_COLON | GAP_QUOTE)) return true;
  let list = needsWords.get(needs);
  if (!list) {
    list = needs.words.split(/\s+/).map((w) => (w.endsWith('*') ? normalizeArabic(w.slice(0, -1)) + '*' : normalizeArabic(w)));
    needsWords.set(needs, list);
  }
  for (let k = i + 1; k < v.count && k <= i + needs.within; k++) {
    const n = v.norm(k);
    for (const w of list) {
      if (w.endsWith('*') ? n.startsWith(w.slice(0, -1)) && n.length > w.length - 1 : n === w || v.bare(k) === w) return true;
    }
  }
  return false;
}

export function statementGate(v: SentenceView, i: number, hit: StatementHit): boolean {
  if (!needsMet(v, i, hit.row.needs)) return false;
  if (v.is(i - 1, K.RELATIVE)) return false;
  const prev = v.norm(i - 1);
  if ((prev === 'لم' || prev === 'لن' || prev === 'لا') && !v.hard(i)) return false;
  // A masdar is a statement after a support verb only: «تم التأكيد على …».
  if (hit.pos === 'masdar' && !(v.is(i - 1, K.SUPPORT) && !v.hard(i))) return false;
  // A participle opens a clause of its own: after punctuation, with و, or after a reporting verb; right
  // after a noun it is an adjective («دلائل مؤكدة»).
  // The masculine singular (مبينا، مشيرا) is never an adjective of a noun before it, nor is a
  // participle that opens its sentence.
  if (hit.pos === 'participle' && hit.person !== '3ms' && i > 0 && !v.hard(i) && !hit.pre.startsWith('و') && !v.is(i - 1, K.COORDINATOR) && !reportedBefore(v, i)) return false;
  // «يذكر أن …»: impersonal, nobody speaks.
  if (v.is(i, K.IMPERSONAL) && v.is(i + 1, K.OPENER) && !v.hard(i + 1)) return false;
  return true;
}

/** A reporting verb stands earlier in the sentence. */
function reportedBefore(v: SentenceView, i: number): boolean {
  for (let k = 0; k < i; k++) if (v.hit(k)?.kind === 'statement') return true;
  return false;
}

/**
 * A statement verb after another one in the same sentence starts a statement of its own only when
 * coordinated (و، ف، كما، فيما) or after a relative ما («وهو ما أكده شكري»), and in the same tense
 * or after a comma.
 */
export function newStatement(v: SentenceView, i: number, hit: StatementHit, prev: StatementHit): boolean {
  const coordinated = hit.pre.startsWith('و') || hit.pre.startsWith('ف') || v.is(i - 1, K.COORDINATOR) || v.bare(i - 1) === 'ما';
  if (!coordinated) return false;
  const gapAt = v.is(i - 1, K.COORDINATOR) ? i - 1 : i;
  const past = (t: string) => (t === 'past' ? 'past' : 'present');
  return past(hit.tense) === past(prev.tense) || (v.gap(gapAt) & GAP_COMMA) !== 0;
}
