/**
 * The matching index, built once per knowledge-base version: every alias as a sequence of token
 * hashes in a trie. A bit filter on first-token hashes rejects most tokens with one array read.
 *
 * The matcher walks the trie rather than trying every alias that starts with a token: common words
 * start many aliases (علي starts 30 names, مجلس 60), and trying each of them at every «على» in a text
 * cost more than all the rest of matching. In the trie each following token is one probe of an
 * open-addressing table of integers, whatever the number of aliases that share the prefix.
 */
import type { AliasEntry, KnowledgeBase } from '../knowledge/knowledge-base';
import { COMMON_WORDS } from './stopwords';
import { hashString } from './tokenize';

export interface Pattern {
  /** Normalized tokens of the alias, for verifying a hash hit. */
  tokens: string[];
  hashes: Int32Array;
  form: AliasEntry['form'];
  /** Entries that share these tokens and form, the preferred one first. */
  entries: AliasEntry[];
}

const TYPE_RANK: Record<string, number> = { country: 0, location: 1, organization: 2, person: 3 };

/** Preference among entries that share one alias: the analyst's packs, unambiguous, then by type. */
function compareEntries(a: AliasEntry, b: AliasEntry): number {
  return (
    b.packRank - a.packRank ||
    Number(a.ambiguous) - Number(b.ambiguous) ||
    Number(a.unsafe) - Number(b.unsafe) ||
    TYPE_RANK[a.type] - TYPE_RANK[b.type] ||
    (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0)
  );
}

/**
 * Groups aliases into patterns: one per normalized alias and form, in the order the alias first
 * appears, each entity once, the preferred entry first. Common words alone are left out.
 */
export function groupPatterns(aliases: readonly AliasEntry[]): Pattern[] {
  const names = new Map<string, Pattern>();
  const adjectives = new Map<string, Pattern>();
  const grouped: Pattern[] = [];
  // Built once per knowledge-base version, with 20k aliases and more: the grouping key is the
  // normalized alias itself (normalizeArabic joins its tokens by one space), and an alias is split
  // into tokens only the first time its key is seen.
  for (const entry of aliases) {
    const norm = entry.norm;
    if (!norm) continue;
    // A common word never matches alone (غير is not Geir); inside a longer alias it is fine. The
    // analyst's own packs win: their alias matches unless generated (an unsafe one, after the full name).
    if (COMMON_WORDS.has(norm) && (entry.packRank === 0 || entry.generated)) continue;
    const byNorm = entry.form === 'name' ? names : adjectives;
    let p = byNorm.get(norm);
    if (!p) {
      const tokens = norm.indexOf(' ') < 0 ? [norm] : norm.split(' ');
      p = { tokens, hashes: hashTokens(tokens), form: entry.form, entries: [] };
      byNorm.set(norm, p);
      grouped.push(p);
    }
    const entries = p.entries;
    let known = false;
    for (let j = 0; j < entries.length && !known; j++) known = entries[j].entityId === entry.entityId;
    if (!known) entries.push(entry);
  }
  for (const p of grouped) if (p.entries.length > 1) p.entries.sort(compareEntries);
  return grouped;
}

/**
 * A Gazetteer's index as numbers and typed arrays, as the compiled built-in packs store it
 * (knowledge/compiled.ts), so that a cold process neither groups the aliases nor builds the trie.
 */
export interface CompiledIndex {
  /** Per pattern, the index in the knowledge base's aliases of its one entry, or of several, preferred first. */
  entries: (number | number[])[];
  /** Token hashes of all patterns back to back: pattern i has those in [hashStart[i], hashStart[i + 1]). */
  hashes: Int32Array;
  hashStart: Int32Array;
  /**
   * The tokens of patterns of several tokens, as indices into `words`, beside their hashes. A pattern
   * of one token is its entries' normalized alias, which the compiler checks.
   */
  tokenIds: Int32Array;
  words: string[];
  /** The trie node at which each pattern ends. */
  terminal: Int32Array;
  nodes: number;
  filter: Uint32Array;
  edgeParent: Int32Array;
  edgeHash: Int32Array;
  edgeChild: Int32Array;
}

/**
 * The patterns of a compiled index: each shares its token strings with the aliases or with the
 * other patterns (a cold process makes 5k strings rather than 16k), and its hashes are a view into
 * the stored ones.
 */
function patternsFromCompiled(aliases: readonly AliasEntry[], index: CompiledIndex): Pattern[] {
  const { entries, hashes, hashStart, tokenIds, words } = index;
  const out: Pattern[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const x = entries[i];
    const list = typeof x === 'number' ? [aliases[x]] : x.map((k) => aliases[k]);
    const from = hashStart[i];
    const to = hashStart[i + 1];
    let tokens: string[];
    if (to - from === 1) tokens = [list[0].norm];
    else {
      tokens = [];
      for (let j = from; j < to; j++) tokens.push(words[tokenIds[j]]);
    }
    out[i] = { tokens, hashes: new Int32Array(hashes.buffer, hashes.byteOffset + 4 * from, to - from), form: list[0].form, entries: list };
  }
  return out;
}

function hashTokens(tokens: string[]): Int32Array {
  const hashes = new Int32Array(tokens.length);
  for (let j = 0; j < tokens.length; j++) hashes[j] = hashString(tokens[j]);
  return hashes;
}

const FILTER_BITS = 1 << 20;
export const FIRST_FILTER_MASK = FILTER_BITS - 1;

/** False when no alias starts with a token hashing to `h` (the filter's bit for it is clear). */
export function mayStart(filter: Uint32Array, h: number): boolean {
  const bit = h & FIRST_FILTER_MASK;
  return (filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

/** Bits of Gazetteer.nodeFlags. */
export const NODE_TERMINAL = 1;
export const NODE_SAME_TOKENS = 2;

export class Gazetteer {
  readonly patternCount: number;
  /** Every pattern, in the order its alias first appears in the knowledge base. */
  readonly patterns: readonly Pattern[];
  /**
   * A bit per low 20 bits of a first-token hash (FIRST_FILTER_MASK): no bit, no alias starts with
   * that token. The matcher tests it inline on every reading of a token (mayStart below).
   */
  readonly filter: Uint32Array;
  /**
   * The trie's edges, (parent node, token hash) → child node, in one open-addressing table with
   * linear probing. Node 0 is the root; a child of 0 is never 0, so 0 marks an empty slot.
   */
  private readonly edgeParent: Int32Array;
  private readonly edgeHash: Int32Array;
  private readonly edgeChild: Int32Array;
  private readonly edgeShift: number;
  /** Patterns that end at each node, in their order of preference (first appearance). */
  readonly terminals: (Pattern[] | undefined)[];
  /**
   * What the matcher verifies at a node without touching its patterns (made by indexNodes): per
   * node, NODE_TERMINAL when patterns end there, and NODE_SAME_TOKENS when they all have the same
   * tokens (unless two tokens' hashes collide) and no entry of theirs is unsafe; then the first
   * token of the node's patterns, as code units in `firstChars` from `firstStart[node]`, is compared
   * once for all of them.
   */
  nodeFlags: Uint8Array = new Uint8Array(0);
  firstStart: Int32Array = new Int32Array(0);
  firstChars: Uint16Array = new Uint16Array(0);

  constructor(readonly kb: KnowledgeBase) {
    const compiled = kb.compiled;
    if (compiled) {
      // Read from the compiled built-in packs: the tables come ready, only the patterns are made.
      const patterns = patternsFromCompiled(kb.aliases, compiled);
      this.patterns = patterns;
      this.patternCount = patterns.length;
      this.filter = compiled.filter;
      this.edgeParent = compiled.edgeParent;
      this.edgeHash = compiled.edgeHash;
      this.edgeChild = compiled.edgeChild;
      this.edgeShift = Math.clz32(compiled.edgeChild.length) + 1;
      const terminals: (Pattern[] | undefined)[] = new Array(compiled.nodes).fill(undefined);
      for (let i = 0; i < patterns.length; i++) {
        const node = compiled.terminal[i];
        const at = terminals[node];
        if (at) at.push(patterns[i]);
        else terminals[node] = [patterns[i]];
      }
      this.terminals = terminals;
      this.indexNodes();
      return;
    }
    const grouped = groupPatterns(kb.aliases);
    this.filter = new Uint32Array(FILTER_BITS >>> 5);
    for (const p of grouped) {
      const bit = p.hashes[0] & (FILTER_BITS - 1);
      this.filter[bit >>> 5] |= 1 << (bit & 31);
    }
    this.patterns = grouped;
    this.patternCount = grouped.length;

    let edges = 0;
    for (const p of grouped) edges += p.hashes.length;
    let bits = 4;
    while (1 << bits < edges * 2) bits++;
    this.edgeShift = 32 - bits;
    this.edgeParent = new Int32Array(1 << bits);
    this.edgeHash = new Int32Array(1 << bits);
    this.edgeChild = new Int32Array(1 << bits);
    this.terminals = [undefined];
    // Patterns that end at one node have the same tokens, so the same length: among them the order
    // of first appearance is the preference.
    for (const p of grouped) {
      let node = 0;
      for (let j = 0; j < p.hashes.length; j++) node = this.addEdge(node, p.hashes[j]);
      const at = this.terminals[node];
      if (at) at.push(p);
      else this.terminals[node] = [p];
    }
    this.indexNodes();
  }

  /** Makes `nodeFlags`, `firstStart` and `firstChars` from `terminals`. */
  private indexNodes(): void {
    const nodes = this.terminals.length;
    const flags = new Uint8Array(nodes);
    const firstStart = new Int32Array(nodes + 1);
    let chars = 0;
    for (let node = 0; node < nodes; node++) {
      const list = this.terminals[node];
      if (list) chars += list[0].tokens[0].length;
    }
    const firstChars = new Uint16Array(chars);
    chars = 0;
    for (let node = 0; node < nodes; node++) {
      firstStart[node] = chars;
      const list = this.terminals[node];
      if (!list) continue;
      const first = list[0].tokens;
      let same = true;
      for (const p of list) {
        if (p.tokens.length !== first.length || p.tokens.some((token, j) => token !== first[j])) same = false;
        if (p.entries.some((e) => e.unsafe)) same = false;
      }
      flags[node] = NODE_TERMINAL | (same ? NODE_SAME_TOKENS : 0);
      for (let k = 0; k < first[0].length; k++) firstChars[chars++] = first[0].charCodeAt(k);
    }
    firstStart[nodes] = chars;
    this.nodeFlags = flags;
    this.firstStart = firstStart;
    this.firstChars = firstChars;
  }

  /**
   * This index as numbers and typed arrays, for the compiled built-in packs; `aliasIndex` numbers the
   * knowledge base's alias entries.
   */
  compiledIndex(aliasIndex: ReadonlyMap<AliasEntry, number>): CompiledIndex {
    const hashStart = new Int32Array(this.patterns.length + 1);
    for (let i = 0; i < this.patterns.length; i++) hashStart[i + 1] = hashStart[i] + this.patterns[i].hashes.length;
    const hashes = new Int32Array(hashStart[this.patterns.length]);
    const tokenIds = new Int32Array(hashes.length);
    const wordIds = new Map<string, number>();
    const terminal = new Int32Array(this.patterns.length);
    const nodeOf = new Map<Pattern, number>();
    this.terminals.forEach((list, node) => list?.forEach((p) => nodeOf.set(p, node)));
    this.patterns.forEach((p, i) => {
      hashes.set(p.hashes, hashStart[i]);
      if (p.tokens.length === 1) {
        if (p.tokens[0] !== p.entries[0].norm) throw new Error(`pattern «${p.tokens[0]}» is not its alias «${p.entries[0].norm}»`);
      } else {
        p.tokens.forEach((t, j) => {
          if (!wordIds.has(t)) wordIds.set(t, wordIds.size);
          tokenIds[hashStart[i] + j] = wordIds.get(t)!;
        });
      }
      terminal[i] = nodeOf.get(p)!;
    });
    return {
      entries: this.patterns.map((p) => (p.entries.length === 1 ? aliasIndex.get(p.entries[0])! : p.entries.map((a) => aliasIndex.get(a)!))),
      hashes,
      hashStart,
      tokenIds,
      words: [...wordIds.keys()],
      terminal,
      nodes: this.terminals.length,
      filter: this.filter,
      edgeParent: this.edgeParent,
      edgeHash: this.edgeHash,
      edgeChild: this.edgeChild,
    };
  }

  private fullNamesOf: Map<string, Pattern[]> | undefined;

  /**
   * The patterns of several tokens that name the person `entityId` (full names and their generated
   * spellings), for linking a last name alone; the map is made the first time a full name is seen.
   */
  fullNames(entityId: string): readonly Pattern[] {
    if (!this.fullNamesOf) {
      const map = new Map<string, Pattern[]>();
      for (const p of this.patterns) {
        if (p.form !== 'name' || p.tokens.length < 2) continue;
        for (const e of p.entries) {
          if (e.type !== 'person' || e.short || e.unsafe) continue;
          const list = map.get(e.entityId);
          if (list) list.push(p);
          else map.set(e.entityId, [p]);
        }
      }
      this.fullNamesOf = map;
    }
    return this.fullNamesOf.get(entityId) ?? [];
  }

  private slot(parent: number, h: number): number {
    return Math.imul(h ^ Math.imul(parent, 0x9e3779b1), 0x85ebca6b) >>> this.edgeShift;
  }

  private addEdge(parent: number, h: number): number {
    const mask = this.edgeChild.length - 1;
    for (let i = this.slot(parent, h); ; i = (i + 1) & mask) {
      const c = this.edgeChild[i];
      if (c === 0) {
        const node = this.terminals.length;
        this.terminals.push(undefined);
        this.edgeParent[i] = parent;
        this.edgeHash[i] = h;
        this.edgeChild[i] = node;
        return node;
      }
      if (this.edgeParent[i] === parent && this.edgeHash[i] === h) return c;
    }
  }

  /** The trie node reached from `node` by a token hashing to `h`, or 0 when there is none. */
  child(node: number, h: number): number {
    if (node === 0) {
      const bit = h & (FILTER_BITS - 1);
      if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return 0;
    }
    const mask = this.edgeChild.length - 1;
    for (let i = this.slot(node, h); ; i = (i + 1) & mask) {
      const c = this.edgeChild[i];
      if (c === 0) return 0;
      if (this.edgeHash[i] === h && this.edgeParent[i] === node) return c;
    }
  }
}
