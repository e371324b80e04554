/**
 * The semantic-token legend, defined once, and the encoding of tokens into the LSP's relative integer
 * form (and back, for tests and clients). `package.json` declares the same types and modifiers under
 * `semanticTokenTypes`, `semanticTokenModifiers` and `semanticTokenScopes` (a drift test compares
 * them). No imports: the client, the server and the tests share this file.
 */

/** Token types, in legend order: the index is what the protocol sends. */
export const TOKEN_TYPES = ['person', 'country', 'location', 'organization'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/** Token modifiers, in legend order: bit `1 << index` in the protocol's modifier set. */
export const TOKEN_MODIFIERS = [
  /** A nisba adjective (السوري) that refers to a country or place. */
  'adjective',
  /** A role phrase the article gives to a person (نائب وزير الخارجية). */
  'title',
  /** A name no pack knows, found from its context. */
  'candidate',
  /** The first mention of the entity in its article. */
  'firstMention',
] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

/** Descriptions for `package.json` (`contributes.semanticTokenTypes` / `semanticTokenModifiers`). */
export const TOKEN_TYPE_DESCRIPTIONS: Record<TokenType, string> = {
  person: 'A person named in Arabic news',
  country: 'A country, or a nationality adjective',
  location: 'A place that is not a country',
  organization: 'An organization, government or armed group',
};
export const TOKEN_MODIFIER_DESCRIPTIONS: Record<TokenModifier, string> = {
  adjective: 'A nationality (nisba) adjective',
  title: 'A role phrase given to a person',
  candidate: 'A name that no knowledge pack knows',
  firstMention: 'The first mention of the entity in its article',
};

/** The legend as the server announces it in `semanticTokensProvider.legend`. */
export const LEGEND = { tokenTypes: [...TOKEN_TYPES] as string[], tokenModifiers: [...TOKEN_MODIFIERS] as string[] };

/** One token with absolute coordinates: a line, a UTF-16 start character and a length on that line. */
export interface AbsoluteToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

export function tokenTypeIndex(type: TokenType): number {
  const i = TOKEN_TYPES.indexOf(type);
  if (i < 0) throw new Error(`unknown token type ${type}`);
  return i;
}

export function modifierBits(modifiers: readonly TokenModifier[]): number {
  let bits = 0;
  for (const m of modifiers) {
    const i = TOKEN_MODIFIERS.indexOf(m);
    if (i < 0) throw new Error(`unknown token modifier ${m}`);
    bits |= 1 << i;
  }
  return bits;
}

export function modifiersFromBits(bits: number): TokenModifier[] {
  return TOKEN_MODIFIERS.filter((_, i) => bits & (1 << i));
}

/**
 * Encodes tokens as the protocol's flat array of 5 integers per token: delta line, delta start
 * (relative to the previous token when on the same line), length, type index, modifier bits. Tokens
 * must be sorted by position and must not overlap; empty tokens are dropped.
 */
export function encodeTokens(tokens: readonly AbsoluteToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    if (t.length <= 0) continue;
    if (t.line < line || (t.line === line && t.character < char)) throw new Error(`tokens out of order at ${t.line}:${t.character}`);
    const dl = t.line - line;
    data.push(dl, dl === 0 ? t.character - char : t.character, t.length, tokenTypeIndex(t.type), modifierBits(t.modifiers));
    line = t.line;
    char = t.character;
  }
  return data;
}

/** The inverse of `encodeTokens`, for tests and clients that read tokens. */
export function decodeTokens(data: readonly number[]): AbsoluteToken[] {
  if (data.length % 5) throw new Error(`semantic token data length ${data.length} is not a multiple of 5`);
  const out: AbsoluteToken[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, bits] = data.slice(i, i + 5);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    const name = TOKEN_TYPES[type];
    if (!name) throw new Error(`unknown token type index ${type}`);
    out.push({ line, character: char, length, type: name, modifiers: modifiersFromBits(bits) });
  }
  return out;
}

/** One edit of a semantic-tokens delta: replace `deleteCount` integers at `start` with `data`. */
export interface TokenEdit {
  start: number;
  deleteCount: number;
  data?: number[];
}

/**
 * The edits that turn `previous` into `next`: one edit covering what lies between their common
 * prefix and common suffix (token data changes locally when a document is edited), none when equal.
 * Edits are aligned to whole tokens (multiples of 5), which some clients expect.
 */
export function diffTokens(previous: readonly number[], next: readonly number[]): TokenEdit[] {
  const max = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < max && previous[prefix] === next[prefix]) prefix++;
  if (prefix === previous.length && prefix === next.length) return [];
  prefix -= prefix % 5;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]
  ) {
    suffix++;
  }
  suffix -= suffix % 5;
  const deleteCount = previous.length - prefix - suffix;
  const data = next.slice(prefix, next.length - suffix);
  return [{ start: prefix, deleteCount, ...(data.length ? { data } : {}) }];
}

/** Applies delta edits to token data (what a client does with a delta response). */
export function applyTokenEdits(previous: readonly number[], edits: readonly TokenEdit[]): number[] {
  const out = [...previous];
  // Edits refer to the previous array: apply from the end so earlier offsets stay valid.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}
