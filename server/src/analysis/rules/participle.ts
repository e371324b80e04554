/**
 * A participle (مشيرا، مؤكدا، قائلا) continues a subject of its sentence: «وأكد X …، مشيرا إلى …»,
 * «التقى X بـ Y، مؤكدا …». Its speaker is the last statement's in the sentence, else the first party
 * of the sentence's meeting, else the first actor that stands as a subject before it (not after a
 * preposition: «بالرئيس»).
 */
import type { EventActor } from '../types';
import { SPEAKER_KINDS, type RuleContext } from './view';

export function participleSpeaker(ctx: RuleContext, i: number, lastSpeakers: readonly EventActor[] | undefined): EventActor[] {
  if (lastSpeakers?.length) return lastSpeakers.slice();
  if (ctx.sentenceParties?.length) return [ctx.sentenceParties[0]];
  const v = ctx.v;
  for (let k = 0; k < i; k++) {
    const a = v.actorAt(k);
    if (!a) continue;
    if (SPEAKER_KINDS.has(a.kind) && a.kind !== 'document' && a.actors.length && !afterPreposition(ctx, a.from)) return a.actors.slice();
    k = a.to;
  }
  return [];
}

/** True when a preposition (ب، ل، ك) is written before the mention token k starts (بالرئيس، لروسيا). */
export function afterPreposition(ctx: RuleContext, k: number): boolean {
  const m = ctx.v.mentionAt(k);
  if (!m) return false;
  const start = ctx.v.start(k);
  const conj = ctx.v.bare(k) !== ctx.v.norm(k) ? 1 : 0;
  if (m.start - start <= conj) return false;
  const c = ctx.text.charCodeAt(start + conj);
  return c === 0x628 || c === 0x644 || c === 0x643;
}
