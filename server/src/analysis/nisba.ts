/**
 * Nisba adjectives (سوري، الإيرانية، الأمريكيون) generated from masculine-singular stems.
 * All strings here are normalized (see normalize.ts): ة is ه, hamza forms of alef are ا.
 */
import { normalizeArabic } from './normalize';

/**
 * The suffixes that inflect a stem ending in ي: feminine, sound plurals and duals.
 * Applied to the normalized stem, so the feminine ـية reads ـيه.
 */
const SUFFIXES = ['', 'ه', 'ون', 'ين', 'ات', 'ان', 'تان', 'تين'];

/**
 * Derives a nisba stem from a one-word country name by the regular rule, or returns undefined when
 * the rule does not apply (several words, a name ending in ي). The input may be unnormalized.
 */
export function deriveNisbaStem(name: string): string | undefined {
  let n = normalizeArabic(name);
  if (n.includes(' ')) return undefined;
  if (n.startsWith('ال') && n.length > 4) n = n.slice(2);
  if (n.length < 3) return undefined;
  if (n.endsWith('يه')) return n.slice(0, -1);
  if (n.endsWith('يا')) return n.slice(0, -1);
  if (n.endsWith('ا')) return n.slice(0, -1) + 'ي';
  if (n.endsWith('ي')) return undefined;
  return n + 'ي';
}

/**
 * Every inflected form of a stem, without ال (the matcher strips ال from adjectives itself).
 * A stem of several words (كوري شمالي) inflects every word with the same suffix.
 */
export function inflectNisba(stem: string): string[] {
  const words = normalizeArabic(stem).split(' ');
  if (!words.every((w) => w.endsWith('ي'))) return [words.join(' ')];
  const forms = SUFFIXES.map((suffix) => words.map((w) => w + suffix).join(' '));
  // The matcher strips ال from the first word only, so the definite form of the later words
  // (الكوري الشمالي) is listed as its own pattern.
  if (words.length > 1) {
    for (const suffix of SUFFIXES) forms.push(words.map((w, i) => (i ? 'ال' : '') + w + suffix).join(' '));
  }
  return forms;
}
