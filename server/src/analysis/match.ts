/**
 * Leftmost-longest matching of knowledge-base aliases over a token buffer, with Arabic proclitics
 * split off. One pass, no backtracking: at each token the clitic variants are hashed, looked up, and
 * the longest verified pattern wins; then the scan jumps past it.
 *
 * Clitic rule (documented in ARCHITECTURE.md): و/ف, then ب/ك/ل, are split off and are not part of the
 * mention's span. After ل, the article ال loses its alef (للأمم = ل + الأمم): the span then starts at
 * the second lam, the first letter of the name that is really written. ال is part of a name when the
 * alias has it (العراق); adjectives match with or without it (السوري, سوري), and their span keeps it.
 */
import type { AliasEntry } from '../knowledge/knowledge-base';
import type { Gazetteer, Pattern } from './gazetteer';
import { COMMON_WORDS } from './stopwords';
import { HASH_SEED, hashRange, hashStep, type TokenBuffer } from './tokenize';
import type { MatchReason, Mention } from './types';
import { ALEF, BEH, FEH, KAF, LAM, WAW } from './letters';


const SEED_ALEF = hashStep(HASH_SEED, ALEF);

/** What an article remembers while it is scanned: who was named in full, and their short forms. */
export interface ArticleState {
  index: number;
  /** Entities named by a safe alias so far: unsafe aliases of these may now match. */
  seen: Set<string>;
  /** Last names of people named in full so far, by hash of the folded token. */
  links: Map<number, { token: string; entry: AliasEntry }>;
  /**
   * A bit per low bits of each hash in `links`, so that most tokens skip the map; kept by
   * rememberLastName. When absent (a state made by hand), the map is asked every time.
   */
  linkBits?: Int32Array;
}

const LINK_BITS = 1 << 12;

export function newArticleState(index: number): ArticleState {
  // The link bits are made with the first link (most articles name nobody in full).
  return { index, seen: new Set(), links: new Map(), linkBits: undefined };
}

/** True when `h` may be a key of `state.links`. */
function mayLink(state: ArticleState, h: number): boolean {
  const bits = state.linkBits;
  if (!bits) return true;
  const b = h & (LINK_BITS - 1);
  return (bits[b >>> 5] & (1 << (b & 31))) !== 0;
}

/** Letters that may open a token with a proclitic or the article: و ف ب ك ل ا. */
function cliticStart(c: number): boolean {
  return c === WAW || c === FEH || c === BEH || c === KAF || c === LAM || c === ALEF;
}

/**
 * A Bloom filter over token hashes, two bits in one 32-bit word per hash: one array read answers,
 * and the filter is small enough to stay in the processor's cache while the text streams through.
 */
class HashFilter {
  private readonly words: Int32Array;
  private readonly shift: number;

  constructor(log2Words: number) {
    this.words = new Int32Array(1 << log2Words);
    this.shift = 32 - log2Words;
  }

  add(h: number): void {
    this.words[Math.imul(h, 0x9e3779b1) >>> this.shift] |= (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
  }

  mayHave(h: number): boolean {
    const bits = (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
    return (this.words[Math.imul(h, 0x9e3779b1) >>> this.shift] & bits) === bits;
  }
}

/**
 * What the matcher keeps beside a gazetteer: filters over the first tokens of every pattern and of
 * the adjective patterns alone (for readings without ال), and the code units of the first token
 * under each child of the trie's root, so that a reading is verified once, against one flat array,
 * instead of once per pattern against the pattern's strings.
 */
class StartIndex {
  readonly any = new HashFilter(12);
  readonly adjective = new HashFilter(10);
  /** Every token after the first of every pattern: most walks stop here, before the trie is asked. */
  readonly later = new HashFilter(12);
  /** The first token of the patterns by its hash, or null when two tokens share a hash. */
  private readonly firstTokens = new Map<number, string | null>();
  /**
   * Per child of the root, where its first token's code units start in `rootChars` (from 1; 0 when
   * not yet copied, MIXED when its patterns do not all share one first token). Filled as the text
   * reaches each child, so that making the index costs one pass over the patterns.
   */
  rootFrom: Int32Array;
  rootLength: Int32Array;
  rootChars = new Uint16Array(4096);
  private charCount = 1;

  constructor(readonly gazetteer: Gazetteer) {
    for (const patterns of gazetteer.terminals) {
      if (!patterns) continue;
      for (const p of patterns) {
        const h = p.hashes[0];
        this.any.add(h);
        for (let j = 1; j < p.hashes.length; j++) this.later.add(p.hashes[j]);
        if (p.form === 'adjective') this.adjective.add(h);
        const token = this.firstTokens.get(h);
        if (token === undefined) this.firstTokens.set(h, p.tokens[0]);
        else if (token !== null && token !== p.tokens[0]) this.firstTokens.set(h, null);
      }
    }
    this.rootFrom = new Int32Array(gazetteer.terminals.length);
    this.rootLength = new Int32Array(gazetteer.terminals.length);
  }

  /** Copies the first token under `root`, the child reached by hash `h`, into `rootChars`. */
  copyRoot(root: number, h: number): void {
    const token = this.firstTokens.get(h);
    if (token === null || token === undefined) {
      this.rootFrom[root] = MIXED;
      return;
    }
    if (this.charCount + token.length > this.rootChars.length) {
      const chars = new Uint16Array((this.charCount + token.length) * 2);
      chars.set(this.rootChars);
      this.rootChars = chars;
    }
    this.rootFrom[root] = this.charCount;
    this.rootLength[root] = token.length;
    for (let i = 0; i < token.length; i++) this.rootChars[this.charCount++] = token.charCodeAt(i);
  }
}

/** `rootFrom` of a root child whose patterns do not all share one first token (a hash collision). */
const MIXED = -1;

const startIndexOf = new WeakMap<Gazetteer, StartIndex>();

/** The start index of a gazetteer, made on first use. */
function startIndex(gazetteer: Gazetteer): StartIndex {
  let index = startIndexOf.get(gazetteer);
  if (!index) startIndexOf.set(gazetteer, (index = new StartIndex(gazetteer)));
  return index;
}

/** The clitic readings of one token, as parallel arrays reused across calls. */
class Variants {
  count = 0;
  from = new Int32Array(8); // first folded code unit of the reading
  hash = new Int32Array(8); // hash of the reading's code units (with the virtual alef)
  root = new Int32Array(8); // trie node of the reading as a first token (0 when no alias starts so)
  virtualAlef = new Uint8Array(8); // للأمم → الأمم: an alef that is not written
  spanFrom = new Int32Array(8); // folded code unit where the underlined span starts
  adjectiveOnly = new Uint8Array(8); // ال split off: only nisba adjectives may match
  verified = new Uint8Array(8); // 1 when the reading's code units are its root's first token

  /**
   * Adds a reading. With an `index`, only a reading that may start an alias is kept, with its trie
   * node, and verified against the first token of the patterns under that node when they share one;
   * without, every reading is kept (the links to last names need them all).
   */
  private push(buf: TokenBuffer, end: number, index: StartIndex | undefined, from: number, hash: number, virtualAlef: boolean, spanFrom: number, adjectiveOnly: boolean): void {
    let root = 0;
    if (index) {
      if (!(adjectiveOnly ? index.adjective : index.any).mayHave(hash)) return;
      root = index.gazetteer.child(0, hash);
      if (root === 0) return;
    }
    let verified = 0;
    if (index) {
      if (index.rootFrom[root] === 0) index.copyRoot(root, hash);
      if (index.rootFrom[root] !== MIXED) {
        if (!sameRoot(index, root, buf, from, end, virtualAlef)) return;
        verified = 1;
      }
    }
    const k = this.count++;
    this.verified[k] = verified;
    this.from[k] = from;
    this.virtualAlef[k] = virtualAlef ? 1 : 0;
    this.hash[k] = hash;
    this.root[k] = root;
    this.spanFrom[k] = spanFrom;
    this.adjectiveOnly[k] = adjectiveOnly ? 1 : 0;
  }

  /**
   * Fills the readings of token `t`, in order: whole, without و/ف, without ب/ك/ل, and without ال.
   * Most tokens start with no clitic letter or are too short to carry one: they have the whole
   * reading alone. The tokenizer already hashed the whole token and its readings without و/ف and
   * ب/ك/ل; only the readings after لل and without ال are hashed here.
   */
  fill(buf: TokenBuffer, t: number, index?: StartIndex): void {
    const norm = buf.norm;
    const s = buf.normStart[t];
    const end = s + buf.normLen[t];
    this.count = 0;
    this.push(buf, end, index, s, buf.hash[t], false, s, false);
    if (end - s <= 3) return;
    let q = s;
    if (norm[q] === WAW || norm[q] === FEH) {
      q++;
      this.push(buf, end, index, q, buf.conjHash[t], false, q, false);
    }
    const c = norm[q];
    // ك ("like") rarely stands before a name, and splitting it off short words invents names
    // (كلاوس → لاوس، كسول → سول): it needs four letters after it.
    if ((c === BEH || c === LAM || (c === KAF && end - q > 4)) && end - q > 3) {
      if (c === LAM && norm[q + 1] === LAM) {
        // لل: the preposition ل and the article's lam; the alef of ال is not written.
        this.push(buf, end, index, q + 1, hashRange(norm, q + 1, end, SEED_ALEF), true, q + 1, false);
        if (end - q > 4) this.push(buf, end, index, q + 2, hashRange(norm, q + 2, end, HASH_SEED), false, q + 1, true);
      }
      q++;
      this.push(buf, end, index, q, buf.prepHash[t], false, q, false);
    }
    if (norm[q] === ALEF && norm[q + 1] === LAM && end - q > 4) this.push(buf, end, index, q + 2, hashRange(norm, q + 2, end, HASH_SEED), false, q, true);
  }
}

/** Compares folded code units of a token reading with the first token under a child of the root. */
function sameRoot(index: StartIndex, root: number, buf: TokenBuffer, from: number, to: number, virtualAlef: boolean): boolean {
  const chars = index.rootChars;
  let k = index.rootFrom[root];
  if (to - from + (virtualAlef ? 1 : 0) !== index.rootLength[root]) return false;
  if (virtualAlef && chars[k++] !== ALEF) return false;
  const norm = buf.norm;
  for (let i = from; i < to; i++, k++) if (norm[i] !== chars[k]) return false;
  return true;
}

/** Compares folded code units of a token reading with a pattern token. */
function sameChars(buf: TokenBuffer, from: number, to: number, virtualAlef: boolean, token: string): boolean {
  const n = to - from + (virtualAlef ? 1 : 0);
  if (n !== token.length) return false;
  let k = 0;
  if (virtualAlef) {
    if (token.charCodeAt(0) !== ALEF) return false;
    k = 1;
  }
  for (let i = from; i < to; i++, k++) if (buf.norm[i] !== token.charCodeAt(k)) return false;
  return true;
}

function tokenIs(buf: TokenBuffer, t: number, token: string): boolean {
  const s = buf.normStart[t];
  return sameChars(buf, s, s + buf.normLen[t], false, token);
}

/** The first entry of a pattern that may match here (an unsafe alias needs its entity seen). */
function usableEntry(p: Pattern, state: ArticleState): AliasEntry | undefined {
  for (const e of p.entries) if (!e.unsafe || state.seen.has(e.entityId)) return e;
  return undefined;
}

const variants = new Variants();
/** Trie nodes along the walk from one token: `path[d]` is reached after d + 1 tokens. */
let path = new Int32Array(64);

/**
 * Appends the mentions found in the buffer's tokens to `out`. The state carries what the article
 * has named so far, so a buffer may hold a part of an article.
 *
 * At each token, every clitic reading walks the trie as far as the following tokens allow (joined by
 * a space or a hyphen only); the deepest node with a pattern that verifies wins, and among readings
 * the longer match wins, then the first reading, except that a name beats an adjective of the same
 * length (سورية the country, not «Syrian»).
 */
export function matchMentions(buf: TokenBuffer, gazetteer: Gazetteer, state: ArticleState, out: Mention[]): void {
  const n = buf.count;
  const softGap = buf.softGap;
  const hashes = buf.hash;
  const norm = buf.norm;
  const normStart = buf.normStart;
  const normLen = buf.normLen;
  const index = startIndex(gazetteer);
  const any = index.any;
  const later = index.later;
  for (let t = 0; t < n; ) {
    // Fast path for most tokens: no clitic reading and no alias starts with the token.
    const clitic = normLen[t] > 3 && cliticStart(norm[normStart[t]]);
    if (!clitic && (!any.mayHave(hashes[t]) || gazetteer.child(0, hashes[t]) === 0)) {
      if (state.links.size !== 0 && mayLink(state, hashes[t])) {
        const linked = matchLink(buf, t, state);
        if (linked) out.push(linked);
      }
      t++;
      continue;
    }
    // Only the readings that may start an alias, each with its trie node.
    variants.fill(buf, t, index);
    let best: Pattern | undefined;
    let bestLen = 0;
    let bestEntry: AliasEntry | undefined;
    let bestVariant = -1;
    const tokenEnd = buf.normStart[t] + buf.normLen[t];
    for (let v = 0; v < variants.count; v++) {
      let node = variants.root[v];
      if (node === 0) continue;
      let depth = 0;
      path[depth++] = node;
      for (let u = t + 1; u < n && softGap[u] === 1 && later.mayHave(hashes[u]); u++) {
        node = gazetteer.child(node, hashes[u]);
        if (node === 0) break;
        if (depth === path.length) {
          const longer = new Int32Array(depth * 2);
          longer.set(path);
          path = longer;
        }
        path[depth++] = node;
      }
      const from = variants.from[v];
      const virtualAlef = variants.virtualAlef[v] === 1;
      const adjectiveOnly = variants.adjectiveOnly[v] === 1;
      const verified = variants.verified[v] === 1;
      walk: for (let d = depth - 1; d >= 0; d--) {
        const len = d + 1;
        if (len < bestLen) break;
        const patterns = gazetteer.terminals[path[d]];
        if (!patterns) continue;
        for (const p of patterns) {
          if (adjectiveOnly && p.form !== 'adjective') continue;
          if (!verified && !sameChars(buf, from, tokenEnd, virtualAlef, p.tokens[0])) continue;
          let ok = true;
          for (let j = 1; ok && j < len; j++) ok = tokenIs(buf, t + j, p.tokens[j]);
          if (!ok) continue;
          const entry = usableEntry(p, state);
          if (!entry) continue;
          // Same length: a name beats an adjective (سورية the country, not «Syrian»).
          if (best && len === bestLen && !(best.form === 'adjective' && p.form === 'name')) continue;
          best = p;
          bestLen = len;
          bestEntry = entry;
          bestVariant = v;
          break walk;
        }
      }
    }
    if (best && bestEntry) {
      const last = t + bestLen - 1;
      const reason: MatchReason = best.form === 'adjective' ? 'nisba' : bestEntry.short || bestEntry.unsafe ? 'short' : 'alias';
      out.push(mention(buf.normOrig[variants.spanFrom[bestVariant]], buf.end[last], bestEntry, reason, state.index));
      if (best.form === 'name' && !bestEntry.unsafe) state.seen.add(bestEntry.entityId);
      if (bestEntry.type === 'person' && bestLen > 1 && reason === 'alias') rememberLastName(best, bestEntry, state);
      t = last + 1;
      continue;
    }
    if (state.links.size !== 0 && (!clitic || mayLink(state, hashes[t]) || mayLink(state, buf.conjHash[t]) || mayLink(state, buf.prepHash[t]) || startsWithLamLam(buf, t))) {
      const linked = matchLink(buf, t, state);
      if (linked) out.push(linked);
    }
    t++;
  }
}

function rememberLastName(p: Pattern, entry: AliasEntry, state: ArticleState): void {
  const last = p.tokens[p.tokens.length - 1];
  if (last.length < 3 || COMMON_WORDS.has(last)) return;
  const h = p.hashes[p.hashes.length - 1];
  // Bits made now cover every link; a state made by hand with links and no bits keeps asking the map.
  if (!state.linkBits && state.links.size === 0) state.linkBits = new Int32Array(LINK_BITS >>> 5);
  state.links.set(h, { token: last, entry });
  if (state.linkBits) {
    const b = h & (LINK_BITS - 1);
    state.linkBits[b >>> 5] |= 1 << (b & 31);
  }
}

/**
 * True when token t may have a reading after لل (the only reading whose hash the tokenizer did not
 * compute and that may link).
 */
function startsWithLamLam(buf: TokenBuffer, t: number): boolean {
  const s = buf.normStart[t];
  const q = buf.norm[s] === WAW || buf.norm[s] === FEH ? s + 1 : s;
  return buf.norm[q] === LAM && buf.norm[q + 1] === LAM;
}

/** A last name alone, after the full name appeared earlier in the article (غير بيدرسون … بيدرسون). */
function matchLink(buf: TokenBuffer, t: number, state: ArticleState): Mention | undefined {
  // Every reading, whether or not an alias starts with it.
  variants.fill(buf, t);
  const tokenEnd = buf.normStart[t] + buf.normLen[t];
  for (let v = 0; v < variants.count; v++) {
    if (variants.adjectiveOnly[v]) continue;
    const from = variants.from[v];
    if (!mayLink(state, variants.hash[v])) continue;
    const link = state.links.get(variants.hash[v]);
    if (!link || !sameChars(buf, from, tokenEnd, variants.virtualAlef[v] === 1, link.token)) continue;
    const m = mention(buf.normOrig[variants.spanFrom[v]], buf.end[t], link.entry, 'linked', state.index);
    m.alias = link.token;
    return m;
  }
  return undefined;
}

function mention(start: number, end: number, e: AliasEntry, reason: MatchReason, article: number): Mention {
  return {
    start,
    end,
    entityId: e.entityId,
    type: e.type,
    form: e.form,
    known: true,
    reason,
    alias: e.alias,
    pack: e.pack,
    article,
  };
}
