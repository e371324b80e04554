/**
 * Arabic proclitics, in one place for the rule layer (lexicon index, roles, sentences, events).
 *
 * A word may carry, in this order: a conjunction (و، ف), a preposition (ب، ل، ك), the article (ال).
 * Verbs take the conjunction and the future prefix (س) only. ل before ال loses the alef of the article
 * (ل + الاجتماع → للاجتماع). All functions work on normalized text (normalize.ts).
 */

export const CONJUNCTIONS = ['', 'و', 'ف'] as const;
export const PREPOSITIONS = ['', 'ب', 'ل', 'ك'] as const;
export const ARTICLE = 'ال';
export const FUTURE = 'س';
/** The purpose ل before a present verb (ليؤكد: so as to confirm). */
export const PURPOSE = 'ل';

/** Every proclitic stack a noun may take, from '' to وبال. */
export const NOUN_STACKS: readonly string[] = (() => {
  const out: string[] = [];
  for (const c of CONJUNCTIONS) for (const p of PREPOSITIONS) for (const a of ['', ARTICLE]) out.push(c + p + a);
  return out;
})();

/** The proclitic stacks a verb may take (the future prefix is added to present forms by the index). */
export const VERB_STACKS: readonly string[] = CONJUNCTIONS;

/** Writes a proclitic stack onto a normalized stem: ل + ال loses the alef (للقاء). */
export function attach(stack: string, stem: string): string {
  return (stack + stem).replace(/^([وف]?)لال/, '$1لل');
}

/** The stack without its conjunction (وبال → بال). */
export function withoutConjunction(stack: string): string {
  return stack.startsWith('و') || stack.startsWith('ف') ? stack.slice(1) : stack;
}

/** A stack with a preposition (ب، ل، ك after an optional و/ف): the word it stands on is a complement. */
export function hasPreposition(stack: string): boolean {
  const p = withoutConjunction(stack);
  return p.startsWith('ب') || p.startsWith('ل') || p.startsWith('ك');
}

/** Two-letter function words that و or ف may stand before (ومن، وفي، فلم). */
const SHORT_AFTER_CONJUNCTION = new Set(['من', 'في', 'عن', 'لا', 'لم', 'لن', 'ما', 'ان', 'قد', 'مع', 'ثم']);

/**
 * A word without a leading و or ف, when that letter can be the conjunction: words of four letters or
 * more, and the short function words (ومن → من). Three-letter words keep it (وفد، فتح).
 */
export function stripConjunction(norm: string): string {
  const c = norm.charCodeAt(0);
  if (c !== 0x648 && c !== 0x641) return norm;
  if (norm.length >= 4) return norm.slice(1);
  return norm.length === 3 && SHORT_AFTER_CONJUNCTION.has(norm.slice(1)) ? norm.slice(1) : norm;
}

/**
 * The stem of a word with its conjunction, preposition and article stripped, for comparing title words
 * (للأمين → امين، والمغتربين → مغتربين، بالخارجية → خارجية). Short words are left alone.
 */
export function stem(norm: string): string {
  let s = norm;
  if ((s.startsWith('وال') || s.startsWith('فال')) && s.length >= 5) s = s.slice(1);
  if (s.startsWith('لل') && s.length >= 4) return s.slice(2);
  if ((s.startsWith('بال') || s.startsWith('كال')) && s.length >= 5) return s.slice(3);
  if (s.startsWith('ال') && s.length >= 4) return s.slice(2);
  if (s.startsWith('ل') && s.length >= 5) return s.slice(1);
  return s;
}

/**
 * How many code units of a word written with `stack` stand before the first letter a mention keeps:
 * و/ف and the preposition are dropped, ال is kept, and in لل the second lam (the article's) is kept.
 */
export function mentionOffset(stack: string): number {
  const written = attach(stack, '');
  if (written.endsWith('لل')) return written.length - 1;
  return written.endsWith(ARTICLE) ? written.length - 2 : written.length;
}

/** True when the word carries the article, after any conjunction and preposition (الوزير، بالوزير، للوزير). */
export function isDefinite(norm: string): boolean {
  const s = norm.startsWith('و') || norm.startsWith('ف') ? norm.slice(1) : norm;
  return s.startsWith('ال') || s.startsWith('لل') || s.startsWith('بال') || s.startsWith('كال');
}
