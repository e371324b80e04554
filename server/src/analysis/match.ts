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
import { mayStart, NODE_SAME_TOKENS, type Gazetteer, type Pattern } from './gazetteer';
import { COMMON_WORDS, LEXICON_WORDS } from './stopwords';
import { hashString, type TokenBuffer } from './tokenize';
import type { MatchReason, Mention } from './types';
import { ALEF, BEH, FEH, KAF, LAM, WAW } from './letters';

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

/**
 * True when some reading of token t may start an alias or name a linked last name: its readings'
 * hashes come from the tokenizer (a reading a token lacks repeats the whole token's hash), so most
 * tokens, with or without clitics, are rejected by a few bit tests without building their readings.
 */
function mayMatch(buf: TokenBuffer, t: number, filter: Uint32Array, state: ArticleState): boolean {
  const h = buf.hash[t];
  const conj = buf.conjHash[t];
  const prep = buf.prepHash[t];
  const bare = buf.bareHash[t];
  const lamAlef = buf.lamAlefHash[t];
  if (mayStart(filter, h) || mayStart(filter, conj) || mayStart(filter, prep) || mayStart(filter, bare) || mayStart(filter, lamAlef)) return true;
  if (state.links.size === 0) return false;
  return mayLink(state, h) || mayLink(state, conj) || mayLink(state, prep) || mayLink(state, lamAlef);
}

/** The clitic readings of one token, as parallel arrays reused across calls. */
class Variants {
  count = 0;
  from = new Int32Array(8); // first folded code unit of the reading
  hash = new Int32Array(8); // hash of the reading's code units (with the virtual alef)
  root = new Int32Array(8); // trie node of the reading as a first token, 0 when no alias starts so
  virtualAlef = new Uint8Array(8); // للأمم → الأمم: an alef that is not written
  spanFrom = new Int32Array(8); // folded code unit where the underlined span starts
  adjectiveOnly = new Uint8Array(8); // ال split off: only nisba adjectives may match

  private push(gazetteer: Gazetteer, from: number, hash: number, virtualAlef: boolean, spanFrom: number, adjectiveOnly: boolean): void {
    const k = this.count++;
    this.from[k] = from;
    this.virtualAlef[k] = virtualAlef ? 1 : 0;
    this.hash[k] = hash;
    this.root[k] = gazetteer.child(0, hash);
    this.spanFrom[k] = spanFrom;
    this.adjectiveOnly[k] = adjectiveOnly ? 1 : 0;
  }

  /**
   * Fills the readings of token `t`: whole, without و/ف, without ب/ك/ل, and without ال. Most tokens
   * start with no clitic letter or are too short to carry one: they get the whole reading alone.
   * The tokenizer already hashed every reading (TokenBuffer.conjHash and the rest).
   */
  fill(buf: TokenBuffer, t: number, gazetteer: Gazetteer): void {
    const norm = buf.norm;
    const s = buf.normStart[t];
    const end = s + buf.normLen[t];
    this.count = 0;
    this.push(gazetteer, s, buf.hash[t], false, s, false);
    if (end - s <= 3) return;
    let q = s;
    if (norm[q] === WAW || norm[q] === FEH) {
      q++;
      this.push(gazetteer, q, buf.conjHash[t], false, q, false);
    }
    const c = norm[q];
    // ك ("like") rarely stands before a name, and splitting it off short words invents names
    // (كلاوس → لاوس، كسول → سول): it needs four letters after it.
    if ((c === BEH || c === LAM || (c === KAF && end - q > 4)) && end - q > 3) {
      if (c === LAM && norm[q + 1] === LAM) {
        // لل: the preposition ل and the article's lam; the alef of ال is not written.
        this.push(gazetteer, q + 1, buf.lamAlefHash[t], true, q + 1, false);
        if (end - q > 4) this.push(gazetteer, q + 2, buf.bareHash[t], false, q + 1, true);
      }
      q++;
      this.push(gazetteer, q, buf.prepHash[t], false, q, false);
    }
    if (norm[q] === ALEF && norm[q + 1] === LAM && end - q > 4) this.push(gazetteer, q + 2, buf.bareHash[t], false, q, true);
  }
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

/** sameChars against code units `chars[start, end)` instead of a string. */
function sameUnits(buf: TokenBuffer, from: number, to: number, virtualAlef: boolean, chars: Uint16Array, start: number, end: number): boolean {
  if (to - from + (virtualAlef ? 1 : 0) !== end - start) return false;
  let k = start;
  if (virtualAlef) {
    if (chars[k] !== ALEF) return false;
    k++;
  }
  const norm = buf.norm;
  for (let i = from; i < to; i++, k++) if (norm[i] !== chars[k]) return false;
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
  const filter = gazetteer.filter;
  const nodeFlags = gazetteer.nodeFlags;
  const firstStart = gazetteer.firstStart;
  const firstChars = gazetteer.firstChars;
  for (let t = 0; t < n; ) {
    // Fast path for most tokens: no reading starts an alias or may be a linked last name.
    if (!mayMatch(buf, t, filter, state)) {
      t++;
      continue;
    }
    variants.fill(buf, t, gazetteer);
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
      for (let u = t + 1; u < n && softGap[u] === 1; u++) {
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
      walk: for (let d = depth - 1; d >= 0; d--) {
        const len = d + 1;
        if (len < bestLen) break;
        const node = path[d];
        const flags = nodeFlags[node];
        if (flags === 0) continue;
        const patterns = gazetteer.terminals[node]!;
        if ((flags & NODE_SAME_TOKENS) !== 0) {
          // The usual node: its patterns' tokens are verified once, and their first entry is usable.
          if (!sameUnits(buf, from, tokenEnd, virtualAlef, firstChars, firstStart[node], firstStart[node + 1])) continue;
          const tokens = patterns[0].tokens;
          let ok = true;
          for (let j = 1; ok && j < len; j++) ok = tokenIs(buf, t + j, tokens[j]);
          if (!ok) continue;
          for (let i = 0; i < patterns.length; i++) {
            const p = patterns[i];
            if (adjectiveOnly && p.form !== 'adjective') continue;
            // Same length: a name beats an adjective (سورية the country, not «Syrian»).
            if (best && len === bestLen && !(best.form === 'adjective' && p.form === 'name')) continue;
            best = p;
            bestLen = len;
            bestEntry = p.entries[0];
            bestVariant = v;
            break walk;
          }
          continue;
        }
        for (const p of patterns) {
          if (adjectiveOnly && p.form !== 'adjective') continue;
          if (!sameChars(buf, from, tokenEnd, virtualAlef, p.tokens[0])) continue;
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
      let last = t + bestLen - 1;
      const reason: MatchReason = best.form === 'adjective' ? 'nisba' : bestEntry.short || bestEntry.unsafe ? 'short' : 'alias';
      // A title or head noun that opens the alias stays outside the span (الملك سلمان، حركة حماس).
      const lead = bestEntry.lead;
      let start = lead > 0 && lead < bestLen ? buf.start[t + lead] : buf.normOrig[variants.spanFrom[bestVariant]];
      if (bestEntry.type === 'person' && best.form === 'name') {
        // A name chain (بن، ابن، بنت، آل، أبو) is one person: سلمان بن عبدالعزیز آل سعود.
        last = chainEnd(buf, last);
        if (lead === 0) {
          const first = chainStart(buf, t, bestLen === 1 && startsWithAl(buf, t));
          if (first < t && (out.length === 0 || out[out.length - 1].end <= buf.start[first])) start = buf.start[first];
        }
      }
      out.push(mention(start, buf.end[last], bestEntry, reason, state.index));
      if (best.form === 'name' && !bestEntry.unsafe) state.seen.add(bestEntry.entityId);
      if (bestEntry.type === 'person' && bestLen > 1 && reason === 'alias') rememberLastNames(gazetteer, best, bestEntry, state);
      t = last + 1;
      continue;
    }
    if (state.links.size !== 0) {
      const linked = matchLink(buf, t, tokenEnd, state);
      if (linked) out.push(linked);
    }
    t++;
  }
}

/**
 * Remembers the last name of a full name just matched, and the last names of the person's other full
 * names (their generated spellings among them: زيغمار غابرييل … غابريال). The last word of a name chain
 * (محمد بن نايف بن عبدالعزيز) is a forefather's name, not a family name: it never links alone.
 */
function rememberLastNames(gazetteer: Gazetteer, p: Pattern, entry: AliasEntry, state: ArticleState): void {
  if (!familyNameLast(p.tokens)) return;
  rememberLastName(p.tokens[p.tokens.length - 1], p.hashes[p.hashes.length - 1], entry, state);
  for (const other of gazetteer.fullNames(entry.entityId)) {
    if (other !== p && familyNameLast(other.tokens)) rememberLastName(other.tokens[other.tokens.length - 1], other.hashes[other.hashes.length - 1], entry, state);
  }
}

/** Words that join the parts of a name chain, normalized (آل folds to ال). */
const JOINERS = new Set(['بن', 'ابن', 'بنت', 'ال', 'ابو', 'ابي', 'ام', 'عبد']);

/** True when the last token of a full name is a family name, not a name after بن or آل. */
function familyNameLast(tokens: readonly string[]): boolean {
  return tokens.length > 1 && !JOINERS.has(tokens[tokens.length - 2]);
}

function rememberLastName(last: string, h: number, entry: AliasEntry, state: ArticleState): void {
  if (last.length < 3 || COMMON_WORDS.has(last)) return;
  // Bits made now cover every link; a state made by hand with links and no bits keeps asking the map.
  if (!state.linkBits && state.links.size === 0) state.linkBits = new Int32Array(LINK_BITS >>> 5);
  if (!state.links.has(h)) state.links.set(h, { token: last, entry });
  if (state.linkBits) {
    const b = h & (LINK_BITS - 1);
    state.linkBits[b >>> 5] |= 1 << (b & 31);
  }
}

const JOINER_HASHES = new Set([...JOINERS].filter((j) => j !== 'عبد' && j !== 'ام').map((j) => hashString(j)));
const COMPOUND_HASHES = new Set(['عبد', 'ابو', 'ابي'].map((j) => hashString(j)));

function startsWithAl(buf: TokenBuffer, t: number): boolean {
  const s = buf.normStart[t];
  return buf.normLen[t] > 3 && buf.norm[s] === ALEF && buf.norm[s + 1] === LAM;
}

/** A token that may be a part of a name chain: two letters or more, no digit, no common word. */
function chainNameLike(buf: TokenBuffer, t: number): boolean {
  if (buf.normLen[t] < 2) return false;
  const c = buf.norm[buf.normStart[t]];
  if (c < 0x0600 || c > 0x06ff) return false;
  return !LEXICON_HASHES.has(buf.hash[t]);
}

const LEXICON_HASHES = new Set([...LEXICON_WORDS].map((w) => hashString(w)));

/** The last token of a name chain that continues after token `last` (… بن عبدالعزيز آل سعود). */
function chainEnd(buf: TokenBuffer, last: number): number {
  const n = buf.count;
  for (let pairs = 0; pairs < 4; pairs++) {
    const j = last + 1;
    const u = j + 1;
    if (u >= n || buf.softGap[j] !== 1 || buf.softGap[u] !== 1 || !JOINER_HASHES.has(buf.hash[j]) || !chainNameLike(buf, u)) break;
    last = u;
    // A compound name after the joiner: بن عبد العزيز، بن أبو بكر.
    if (COMPOUND_HASHES.has(buf.hash[u]) && u + 1 < n && buf.softGap[u + 1] === 1 && chainNameLike(buf, u + 1)) last = u + 1;
  }
  return last;
}

/**
 * The first token of a name chain that ends just before token `t`: «خالد بن سلمان» before a match is
 * not taken, but «عادل بن أحمد» before a family name with ال (الجبير) is, as «بن نايف» after a first
 * name is part of the same chain.
 */
function chainStart(buf: TokenBuffer, t: number, familyName: boolean): number {
  let first = t;
  for (let pairs = 0; pairs < 4; pairs++) {
    if (buf.softGap[first] !== 1) break;
    const j = first - 1;
    // … بن X الجبير: X, a joiner and a first name before a family name.
    if (familyName && first === t && j - 2 >= 0 && buf.softGap[j] === 1 && buf.softGap[j - 1] === 1 && JOINER_HASHES.has(buf.hash[j - 1]) && chainNameLike(buf, j) && !startsWithAl(buf, j) && chainNameLike(buf, j - 2) && !startsWithAl(buf, j - 2)) {
      first = j - 2;
      continue;
    }
    // X بن <first>: only inside a chain already started.
    if (first < t && j - 1 >= 0 && buf.softGap[j] === 1 && JOINER_HASHES.has(buf.hash[j]) && chainNameLike(buf, j - 1) && !startsWithAl(buf, j - 1)) {
      first = j - 1;
      continue;
    }
    break;
  }
  return first;
}

/** A last name alone, after the full name appeared earlier in the article (غير بيدرسون … بيدرسون). */
function matchLink(buf: TokenBuffer, t: number, tokenEnd: number, state: ArticleState): Mention | undefined {
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
