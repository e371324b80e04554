/**
 * Arabic normalization for matching, as one table lookup per UTF-16 code unit.
 *
 * The table folds spelling variants onto one letter (أ إ آ ٱ → ا, ى ی ې → ي, ک → ك, ة → ه, Persian and
 * Arabic-Indic digits → ASCII), folds the letters that Persian and transliterations add onto the
 * Arabic letter news writes for them (پ → ب, ڤ ڥ → ف, گ → ك, ڨ → ق, چ → ج, ژ → ز), drops marks that do not change a name (tashkeel, tatweel, zero-width and
 * bidi controls) and says which code units separate tokens. Folding never changes the number of
 * letters it keeps, so the tokenizer can keep an exact map back to the original offsets.
 */
import { ALEF, BEH, HEH, KAF, YEH } from './letters';

/** A code unit that ends a token (spaces, punctuation, symbols, lone surrogates). */
export const SEPARATOR = 0;
/** A code unit that is dropped inside a token (tashkeel, tatweel, ZWJ, bidi controls). */
export const DROPPED = 1;


function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  // One regex pass over a string of every BMP code unit is much faster than 65,536 separate tests.
  let all = '';
  for (let c = 0; c < 0xd800; c++) all += String.fromCharCode(c);
  for (let c = 0xe000; c < 0x10000; c++) all += String.fromCharCode(c);
  for (const m of all.matchAll(/[\p{L}\p{N}]+/gu)) {
    for (let i = 0; i < m[0].length; i++) table[m[0].charCodeAt(i)] = m[0].charCodeAt(i);
  }
  for (const m of all.matchAll(/\p{M}+/gu)) {
    for (let i = 0; i < m[0].length; i++) table[m[0].charCodeAt(i)] = DROPPED;
  }
  // Latin letters fold to lower case so that Latin names in Arabic text still match.
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  const fold = (to: number, ...from: number[]) => {
    for (const f of from) table[f] = to;
  };
  fold(ALEF, 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675);
  fold(YEH, 0x0649, 0x06cc, 0x06d0, 0x06d2, 0x06d3, 0x0620, 0x06cd);
  fold(KAF, 0x06a9, 0x06aa);
  fold(HEH, 0x0629, 0x06c1, 0x06be, 0x06d5, 0x06c0);
  fold(0x0648, 0x0676, 0x06c6, 0x06c7, 0x06c8, 0x06cb); // Waw variants.
  // Letters of Persian and of transliterated names (p, v, g, ch, zh) fold onto the Arabic letter
  // that news writes for them; knowledge/variants.ts generates the other Arabic spellings of g.
  fold(BEH, 0x067e);
  fold(0x0641, 0x06a4, 0x06a5);
  fold(KAF, 0x06af);
  fold(0x0642, 0x06a8);
  fold(0x062c, 0x0686);
  fold(0x0632, 0x0698);
  // Digits: Arabic-Indic and Extended (Persian) → ASCII.
  for (let d = 0; d < 10; d++) {
    table[0x0660 + d] = 0x30 + d;
    table[0x06f0 + d] = 0x30 + d;
  }
  // Tashkeel, Quranic marks, superscript alef and tatweel are dropped inside tokens.
  for (let c = 0x064b; c <= 0x065f; c++) table[c] = DROPPED;
  table[0x0670] = DROPPED;
  table[0x0640] = DROPPED;
  // Zero-width characters and bidi controls are invisible: they never split a word.
  for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff]) table[c] = DROPPED;
  for (let c = 0x202a; c <= 0x202e; c++) table[c] = DROPPED;
  for (let c = 0x2066; c <= 0x2069; c++) table[c] = DROPPED;
  return table;
}

/** The fold table: `FOLD[codeUnit]` is SEPARATOR, DROPPED or the folded code unit. */
export const FOLD: Uint16Array = buildFoldTable();

/** Scratch space for normalizeArabic: one buffer reused, grown when a longer string comes. */
let scratch = new Uint16Array(256);

/**
 * Normalizes a short string (an alias, a query) the way the tokenizer sees text: folded letters,
 * dropped marks, and runs of separators collapsed to one space.
 *
 * Called for every alias when a knowledge base is built (20k and more), so it writes code units
 * into a reused buffer and makes one string at the end, and returns the input itself when
 * nothing changes (most aliases are already plain).
 */
export function normalizeArabic(s: string): string {
  if (scratch.length < s.length) scratch = new Uint16Array(Math.max(s.length, scratch.length * 2));
  const out = scratch;
  let n = 0;
  let pendingSpace = false;
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = FOLD[c];
    if (f === SEPARATOR) {
      // One space between two kept characters is the only separator kept as it is.
      if (c !== 0x20 || pendingSpace || n === 0) changed = true;
      pendingSpace = n > 0;
      continue;
    }
    if (f === DROPPED) {
      changed = true;
      continue;
    }
    if (pendingSpace) {
      out[n++] = 0x20;
      pendingSpace = false;
    }
    if (f !== c) changed = true;
    out[n++] = f;
  }
  if (pendingSpace) changed = true; // Trailing separators are dropped.
  if (!changed) return s;
  let result = '';
  for (let i = 0; i < n; i += 4096) result += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return result;
}
