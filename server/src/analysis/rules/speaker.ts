/**
 * Who says a statement made with a reporting verb at token i: the party after the verb (VSO, past
 * honorifics and pronoun objects), the subject before it (SVO, «وكان X قد قال», a headline «X يؤكد»),
 * with conjuncts and counterparts («X ونظيره الأميركي Y»), the party after عن for relayed words
 * (نقل عن), and a subject no pack knows up to إن («قال خبراء اقتصاديون إن»).
 */
import { K, type LexHit } from '../sentences';
import type { EventActor } from '../types';
import { SPEAKER_KINDS, type Actor, type RuleContext } from './view';

export interface SpeakerFound {
  speakers: EventActor[];
  /** First token of what was said. */
  contentFrom: number;
  /** The speaker is a document (البيان الختامي): the statement belongs to its meeting. */
  byDocument?: boolean;
  /** The token that names the statement when it is not the verb (قوله after نقل عن). */
  anchor?: number;
}

const QAWL = /^قول(ه|ها|هم|هما)$/;

export function findSpeaker(ctx: RuleContext, i: number, hit: Extract<LexHit, { kind: 'statement' }>): SpeakerFound {
  const { v, text } = ctx;
  const resolve = (a: Actor): EventActor[] => {
    if (a.kind === 'dual') return ctx.meetingParties ? ctx.meetingParties.slice() : [{ text: text.slice(v.start(a.from), v.end(a.to)) }];
    return a.actors.slice();
  };
  const withConjuncts = (a: Actor): { speakers: EventActor[]; end: number } => {
    const speakers = resolve(a);
    let end = a.to;
    for (;;) {
      const n = end + 1;
      if (n >= v.count || !v.norm(n).startsWith('و') || v.hard(n)) break;
      // «X ونظيره الأميركي Y»: the counterpart, after its adjectives, joins the subject.
      if (v.is(n, K.COUNTERPART)) {
        let e = end + 2;
        while (e < v.count && e <= end + 4 && !v.hard(e) && v.actorAt(e)?.kind === 'adjective') e = v.actorAt(e)!.to + 1;
        const c = v.actorAt(e);
        if (!c || v.hard(e) || c.kind !== 'person') break;
        speakers.push(...resolve(c));
        end = c.to;
        continue;
      }
      const b = v.actorAt(n);
      if (!b || !SPEAKER_KINDS.has(b.kind) || b.kind === 'document') break;
      speakers.push(...resolve(b));
      end = b.to;
    }
    return { speakers, end };
  };
  if (hit.row.relay) {
    // «نقلت وكالة سانا عن الوزير قوله»: the party after عن speaks, not the outlet.
    for (let k = i + 1; k < v.count && k <= i + 6; k++) {
      if (v.norm(k) !== 'عن') continue;
      const a = v.actorAt(k + 1);
      if (a && SPEAKER_KINDS.has(a.kind)) {
        const got = withConjuncts(a);
        const from = got.end + 1;
        // «نقلت … عنه قوله»: the masdar قوله is the statement's word.
        if (QAWL.test(v.norm(from))) return { speakers: got.speakers, contentFrom: from + 1, anchor: from };
        return { speakers: got.speakers, contentFrom: from };
      }
      return { speakers: [], contentFrom: k + 1 };
    }
    return { speakers: [], contentFrom: i + 1 };
  }
  // «وكان X قد قال»: auxiliaries stand between the subject and the verb.
  let b = i - 1;
  while (b > 0 && v.is(b, K.AUXILIARY) && !v.hard(b + 1) && i - b <= 2) b--;
  const before = b < i - 1 || !v.hard(i) ? v.actorAt(b) : undefined;
  const subjectBefore = before && SPEAKER_KINDS.has(before.kind) && !v.hard(b + 1) ? before : undefined;
  // A subject that opens the sentence (a headline «عباس يتعهد», «موسكو انتقدت واشنطن») speaks, not the object after.
  if (subjectBefore && (b < i - 1 || opensSentence(ctx, subjectBefore.from))) {
    return { speakers: resolve(subjectBefore), contentFrom: i + 1, byDocument: subjectBefore.kind === 'document' };
  }
  let k = i + 1;
  while (k < v.count && v.is(k, K.SKIP | K.HONORIFIC | K.PRONOUN_OBJECT) && k - i <= 3) k++;
  let after = v.actorAt(k);
  // «قال المتحدث باسم البيت الأبيض جوش إرنست»: a title kept as text, then the person it describes.
  if (after && after.kind === 'text') {
    let p = after.to + 1;
    while (p < v.count && p <= after.to + 2 && v.is(p, K.HONORIFIC)) p++;
    const person = v.actorAt(p);
    // Not a candidate that is a trigger or a function word (عقد، أكد).
    const candidateWord = v.mentionAt(p)?.reason === 'candidate' && (v.hit(p) || v.classes(p));
    if (person && person.kind === 'person' && !v.hard(p) && !candidateWord) after = person;
  }
  if (after && SPEAKER_KINDS.has(after.kind) && !v.hard(k) && !v.is(k, K.OUTLET)) {
    const got = withConjuncts(after);
    return { speakers: got.speakers, contentFrom: got.end + 1, byDocument: after.kind === 'document' };
  }
  if (subjectBefore) return { speakers: resolve(subjectBefore), contentFrom: i + 1, byDocument: subjectBefore.kind === 'document' };
  // «قال خبراء اقتصاديون إن …»: a subject no pack knows, up to the complementizer, kept as text.
  if (k < v.count && !v.hard(k) && !v.is(k, K.AT | K.OPENER | K.TOPIC | K.SKIP) && !v.hit(k) && !/^[بل]/.test(v.norm(k))) {
    for (let e = k + 1; e < v.count && e <= k + 5; e++) {
      if (v.hard(e) || v.hit(e) || v.is(e, K.AT | K.TOPIC | K.RELATIVE)) break;
      const n = v.norm(e);
      if (n === 'ان' || n === 'انه' || n === 'انها') return { speakers: [{ text: text.slice(v.start(k), v.end(e - 1)) }], contentFrom: e };
    }
  }
  return { speakers: [], contentFrom: i + 1 };
}

/** True when only skipped words or honorifics stand before token `from` in its sentence. */
export function opensSentence(ctx: RuleContext, from: number): boolean {
  for (let k = 0; k < from; k++) if (!ctx.v.is(k, K.SKIP | K.HONORIFIC)) return false;
  return true;
}
