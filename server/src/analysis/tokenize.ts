/**
 * Tokenization into reusable typed arrays. A token is a maximal run of letters and digits (marks
 * and invisible controls inside it are dropped). For each token the buffer keeps its original span,
 * its folded code units (with their original offsets: the offset map) and a hash of them, so that
 * matching never builds a string per token.
 */
import { ALEF, BEH, FEH, KAF, LAM, WAW } from './letters';
import { DROPPED, FOLD, SEPARATOR } from './normalize';

/** FNV-1a offset basis and prime, on 32-bit integers. */
export const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
/** The hash of a lone alef: the seed of a reading whose alef is not written (للأمم → الأمم). */
export const SEED_ALEF = Math.imul(HASH_SEED ^ ALEF, HASH_PRIME);
const SEED_ALEF_LAM = Math.imul(SEED_ALEF ^ LAM, HASH_PRIME);

/** Hash of folded code units `norm[from, to)`, continuing from `seed`. */
export function hashRange(norm: Uint16Array, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ norm[i], HASH_PRIME);
  return h;
}

/** Hash of a normalized string, equal to `hashRange` over the same code units. */
export function hashString(s: string, seed = HASH_SEED): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), HASH_PRIME);
  return h;
}

/** Gap characters that may stand inside a multi-word name: spaces, no-break space, hyphens. */
function isSoftGap(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x202f;
}

/** Tokens of one stretch of text, in parallel typed arrays that grow as needed and are reused. */
export class TokenBuffer {
  count = 0;
  /** Original span of each token. */
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  /** Where each token's folded code units begin in `norm`, and how many there are. */
  normStart = new Int32Array(1024);
  normLen = new Int32Array(1024);
  /** Hash of each token's folded code units. */
  hash = new Int32Array(1024);
  /**
   * Hashes of the token's clitic readings, shared by the matcher and the candidate rules so that
   * neither hashes them again: `conjHash` without a leading و/ف, `prepHash` without و/ف and then
   * ب/ك/ل. A letter is split off only when more than three letters stand from it to the end of the
   * token; when nothing is split off, the value is the hash of the token as it stands.
   */
  conjHash = new Int32Array(1024);
  prepHash = new Int32Array(1024);
  /**
   * The matcher's two readings that drop the article (see Variants in match.ts), so that it can
   * reject a token by the hashes alone: `bareHash` without ال (or the ال of لل), `lamAlefHash` after
   * ل of لل with the unwritten alef put back (للأمم → الأمم). When the token has no such reading,
   * the value is the hash of the token as it stands.
   */
  bareHash = new Int32Array(1024);
  lamAlefHash = new Int32Array(1024);
  /** 1 when only spaces or a hyphen stand between this token and the previous one. */
  softGap = new Uint8Array(1024);
  /** Folded code units of all tokens, back to back, and the original offset of each. */
  norm = new Uint16Array(8192);
  normOrig = new Int32Array(8192);
  normCount = 0;

  private growTokens(): void {
    const n = this.start.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (k) => new Int32Array(k));
    this.end = grow(this.end, (k) => new Int32Array(k));
    this.normStart = grow(this.normStart, (k) => new Int32Array(k));
    this.normLen = grow(this.normLen, (k) => new Int32Array(k));
    this.hash = grow(this.hash, (k) => new Int32Array(k));
    this.conjHash = grow(this.conjHash, (k) => new Int32Array(k));
    this.prepHash = grow(this.prepHash, (k) => new Int32Array(k));
    this.bareHash = grow(this.bareHash, (k) => new Int32Array(k));
    this.lamAlefHash = grow(this.lamAlefHash, (k) => new Int32Array(k));
    this.softGap = grow(this.softGap, (k) => new Uint8Array(k));
  }

  private growNorm(): void {
    const norm = new Uint16Array(this.norm.length * 2);
    norm.set(this.norm);
    this.norm = norm;
    const orig = new Int32Array(this.normOrig.length * 2);
    orig.set(this.normOrig);
    this.normOrig = orig;
  }

  /**
   * Tokenizes `text[from, to)`, replacing what the buffer held.
   *
   * The hot loop of the whole analysis. The arrays it writes per code unit live in locals (reloaded
   * only after growing). A token is closed by closeToken, both at a separator and at the end of the
   * text: one method that V8 warms on every token (a closing path written out after the loop, which
   * only the last token takes, was never warmed up, and V8 deoptimized the loop on it again and
   * again; treating the end as one more separator instead cost a test per code unit).
   */
  fill(text: string, from: number, to: number): void {
    let count = 0;
    let normCount = 0;
    let norm = this.norm;
    let normOrig = this.normOrig;
    let start = this.start;
    let normStart = this.normStart;
    let softGap = this.softGap;
    let inToken = false;
    let soft = true;
    let h = HASH_SEED;
    let lastKept = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const f = FOLD[c];
      if (f === SEPARATOR) {
        if (inToken) {
          this.closeToken(count - 1, normCount, h, lastKept);
          inToken = false;
          soft = true;
        }
        if (soft && !isSoftGap(c)) soft = false;
        continue;
      }
      if (f === DROPPED) {
        if (inToken) lastKept = i + 1;
        continue;
      }
      if (!inToken) {
        if (count === start.length) {
          this.count = count;
          this.growTokens();
          start = this.start;
          normStart = this.normStart;
          softGap = this.softGap;
        }
        start[count] = i;
        normStart[count] = normCount;
        softGap[count] = soft ? 1 : 0;
        count++;
        h = HASH_SEED;
        inToken = true;
      }
      if (normCount === norm.length) {
        this.growNorm();
        norm = this.norm;
        normOrig = this.normOrig;
      }
      norm[normCount] = f;
      normOrig[normCount++] = i;
      lastKept = i + 1;
      h = Math.imul(h ^ f, HASH_PRIME);
    }
    if (inToken) this.closeToken(count - 1, normCount, h, lastKept);
    this.count = count;
    this.normCount = normCount;
  }

  /**
   * Writes the end, length and hashes of token k, whose code units end at `normCount`. One method
   * for the tokens that a separator closes and for the last one, so that V8 warms a single copy.
   */
  private closeToken(k: number, normCount: number, h: number, lastKept: number): void {
    const norm = this.norm;
    const normStart = this.normStart;
    this.end[k] = lastKept;
    this.hash[k] = h;
    const s = normStart[k];
    this.normLen[k] = normCount - s;
    // The clitic readings, while the token's code units are at hand (see conjHash).
    let conj = h;
    let prep = h;
    let bare = h;
    let lamAlef = h;
    if (normCount - s > 3) {
      let q = s;
      let c0 = norm[q];
      if (c0 === WAW || c0 === FEH) {
        q++;
        conj = prep = hashRange(norm, q, normCount, HASH_SEED);
        c0 = norm[q];
      }
      if ((c0 === BEH || c0 === KAF || c0 === LAM) && normCount - q > 3) {
        prep = hashRange(norm, q + 1, normCount, HASH_SEED);
        // The matcher's article readings, under its conditions (Variants.fill in match.ts).
        if (c0 === LAM && norm[q + 1] === LAM) {
          // Both readings hash the letters after لل: one loop.
          let a = SEED_ALEF_LAM;
          let b = HASH_SEED;
          for (let j = q + 2; j < normCount; j++) {
            a = Math.imul(a ^ norm[j], HASH_PRIME);
            b = Math.imul(b ^ norm[j], HASH_PRIME);
          }
          lamAlef = a;
          if (normCount - q > 4) bare = b;
        } else if (c0 !== KAF || normCount - q > 4) q++;
      }
      if (norm[q] === ALEF && norm[q + 1] === LAM && normCount - q > 4) bare = hashRange(norm, q + 2, normCount, HASH_SEED);
    }
    this.conjHash[k] = conj;
    this.prepHash[k] = prep;
    this.bareHash[k] = bare;
    this.lamAlefHash[k] = lamAlef;
  }

  /** The folded text of token `t`, for rules that need a string (never on the hot path). */
  tokenText(t: number): string {
    const s = this.normStart[t];
    const n = this.normLen[t];
    const norm = this.norm;
    let out = '';
    // A short token is built code unit by code unit (V8 copies strings this short flat, and this is
    // several times faster than spreading a typed array); a long one in chunks of 4096.
    if (n <= 12) {
      for (let i = s; i < s + n; i++) out += String.fromCharCode(norm[i]);
      return out;
    }
    for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, norm.subarray(s + i, s + Math.min(n, i + 4096)) as unknown as number[]);
    return out;
  }
}
