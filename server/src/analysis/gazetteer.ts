/**
 * The matching index, built once per knowledge-base version: every alias as a sequence of token
 * hashes, looked up by the hash of its first token. A bit filter in front of the map rejects most
 * tokens with one array read.
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

const FILTER_BITS = 1 << 20;

export class Gazetteer {
  readonly byFirst = new Map<number, Pattern[]>();
  readonly patternCount: number;
  /** A bit per low 20 bits of a first-token hash. */
  private readonly filter = new Uint32Array(FILTER_BITS >>> 5);

  constructor(readonly kb: KnowledgeBase) {
    const grouped = new Map<string, Pattern>();
    for (const entry of kb.aliases) {
      const tokens = entry.norm.split(' ').filter(Boolean);
      if (!tokens.length) continue;
      // A common word never matches alone (غير is not Geir); inside a longer alias it is fine.
      if (tokens.length === 1 && COMMON_WORDS.has(tokens[0])) continue;
      const key = `${entry.form}\u0000${tokens.join(' ')}`;
      let p = grouped.get(key);
      if (!p) {
        p = { tokens, hashes: Int32Array.from(tokens, (t) => hashString(t)), form: entry.form, entries: [] };
        grouped.set(key, p);
      }
      if (!p.entries.some((e) => e.entityId === entry.entityId)) p.entries.push(entry);
    }
    for (const p of grouped.values()) {
      p.entries.sort(compareEntries);
      const h = p.hashes[0];
      const list = this.byFirst.get(h);
      if (list) list.push(p);
      else this.byFirst.set(h, [p]);
      const bit = h & (FILTER_BITS - 1);
      this.filter[bit >>> 5] |= 1 << (bit & 31);
    }
    // Longer patterns first, so that the first full match at a position is the longest.
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.patternCount = grouped.size;
  }

  /** Patterns whose first token hashes to `h`, or undefined (usually after one bit test). */
  lookup(h: number): Pattern[] | undefined {
    const bit = h & (FILTER_BITS - 1);
    if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return undefined;
    return this.byFirst.get(h);
  }
}
