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

const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const ALEF = 0x0627;

const SEED_ALEF = hashStep(HASH_SEED, ALEF);

/** What an article remembers while it is scanned: who was named in full, and their short forms. */
export interface ArticleState {
  index: number;
  /** Entities named by a safe alias so far: unsafe aliases of these may now match. */
  seen: Set<string>;
  /** Last names of people named in full so far, by hash of the folded token. */
  links: Map<number, { token: string; entry: AliasEntry }>;
}

export function newArticleState(index: number): ArticleState {
  return { index, seen: new Set(), links: new Map() };
}

/** The clitic readings of one token, as parallel arrays reused across calls. */
class Variants {
  count = 0;
  from = new Int32Array(8); // first folded code unit of the reading
  seed = new Int32Array(8); // hash seed: plain, or with a virtual alef (للأمم → الأمم)
  virtualAlef = new Uint8Array(8);
  spanFrom = new Int32Array(8); // folded code unit where the underlined span starts
  adjectiveOnly = new Uint8Array(8); // ال split off: only nisba adjectives may match
  strip = new Int32Array(8); // how much was split off, to prefer the lighter reading

  push(from: number, virtualAlef: boolean, spanFrom: number, adjectiveOnly: boolean, strip: number): void {
    const k = this.count++;
    this.from[k] = from;
    this.virtualAlef[k] = virtualAlef ? 1 : 0;
    this.seed[k] = virtualAlef ? SEED_ALEF : HASH_SEED;
    this.spanFrom[k] = spanFrom;
    this.adjectiveOnly[k] = adjectiveOnly ? 1 : 0;
    this.strip[k] = strip;
  }

  /** Fills the readings of token `t`: whole, without و/ف, without ب/ك/ل, and without ال. */
  fill(buf: TokenBuffer, t: number): void {
    this.count = 0;
    const norm = buf.norm;
    const s = buf.normStart[t];
    const end = s + buf.normLen[t];
    this.push(s, false, s, false, 0);
    let q = s;
    if ((norm[q] === WAW || norm[q] === FEH) && end - q > 3) {
      q++;
      this.push(q, false, q, false, 1);
    }
    const c = norm[q];
    if ((c === BEH || c === KAF || c === LAM) && end - q > 3) {
      if (c === LAM && norm[q + 1] === LAM && end - q > 3) {
        // لل: the preposition ل and the article's lam; the alef of ال is not written.
        this.push(q + 1, true, q + 1, false, 3);
        if (end - q > 4) this.push(q + 2, false, q + 1, true, 4);
      }
      q++;
      this.push(q, false, q, false, 2);
    }
    if (norm[q] === ALEF && norm[q + 1] === LAM && end - q > 4) this.push(q + 2, false, q, true, 5);
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

/**
 * Appends the mentions found in the buffer's tokens to `out`. The state carries what the article
 * has named so far, so a buffer may hold a part of an article.
 */
export function matchMentions(buf: TokenBuffer, gazetteer: Gazetteer, state: ArticleState, out: Mention[]): void {
  const n = buf.count;
  for (let t = 0; t < n; ) {
    variants.fill(buf, t);
    let best: Pattern | undefined;
    let bestEntry: AliasEntry | undefined;
    let bestVariant = -1;
    const tokenEnd = buf.normStart[t] + buf.normLen[t];
    for (let v = 0; v < variants.count; v++) {
      const from = variants.from[v];
      const h = hashRange(buf.norm, from, tokenEnd, variants.seed[v]);
      const list = gazetteer.lookup(h);
      if (!list) continue;
      for (const p of list) {
        const len = p.tokens.length;
        if (best && len < best.tokens.length) break; // Lists are longest first.
        if (variants.adjectiveOnly[v] && p.form !== 'adjective') continue;
        if (t + len > n) continue;
        let ok = sameChars(buf, from, tokenEnd, variants.virtualAlef[v] === 1, p.tokens[0]);
        for (let j = 1; ok && j < len; j++) {
          const u = t + j;
          ok = buf.softGap[u] === 1 && buf.hash[u] === p.hashes[j] && tokenIs(buf, u, p.tokens[j]);
        }
        if (!ok) continue;
        const entry = usableEntry(p, state);
        if (!entry) continue;
        // Same length: a name beats an adjective (سورية the country, not «Syrian»).
        if (best && len === best.tokens.length && !(best.form === 'adjective' && p.form === 'name')) continue;
        best = p;
        bestEntry = entry;
        bestVariant = v;
        break;
      }
    }
    if (best && bestEntry) {
      const last = t + best.tokens.length - 1;
      const reason: MatchReason = best.form === 'adjective' ? 'nisba' : bestEntry.short || bestEntry.unsafe ? 'short' : 'alias';
      out.push(mention(buf.normOrig[variants.spanFrom[bestVariant]], buf.end[last], bestEntry, reason, state.index));
      if (best.form === 'name' && !bestEntry.unsafe) state.seen.add(bestEntry.entityId);
      if (bestEntry.type === 'person' && best.tokens.length > 1 && reason === 'alias') rememberLastName(best, bestEntry, state);
      t = last + 1;
      continue;
    }
    if (state.links.size) {
      const linked = matchLink(buf, t, tokenEnd, state);
      if (linked) out.push(linked);
    }
    t++;
  }
}

function rememberLastName(p: Pattern, entry: AliasEntry, state: ArticleState): void {
  const last = p.tokens[p.tokens.length - 1];
  if (last.length < 3 || COMMON_WORDS.has(last)) return;
  state.links.set(p.hashes[p.hashes.length - 1], { token: last, entry });
}

/** A last name alone, after the full name appeared earlier in the article (غير بيدرسون … بيدرسون). */
function matchLink(buf: TokenBuffer, t: number, tokenEnd: number, state: ArticleState): Mention | undefined {
  for (let v = 0; v < variants.count; v++) {
    if (variants.adjectiveOnly[v]) continue;
    const from = variants.from[v];
    const link = state.links.get(hashRange(buf.norm, from, tokenEnd, variants.seed[v]));
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
