/**
 * The sentence model shared by the role-phrase and event rules. One tokenizing pass per article finds
 * the sentences that hold a trigger or a title word (one hash lookup per token, with the clitic forms
 * expanded in advance) and keeps them as offsets and flags; token objects are made only for the
 * sentences a rule reads (`SentenceEntry`, `sentenceOf`).
 */
import {
  AT_MEETING,
  COORDINATORS,
  CONTENT_OPENERS,
  DEMONSTRATIVES,
  DOCUMENTS,
  FUTURE_MARKERS,
  GROUP_HEADS,
  LIGHT_VERBS,
  LIST_STOPS,
  NEGATION_MARKERS,
  OCCASION_MARKERS,
  OUTLETS,
  PARTICIPATE,
  PLACE_NOUNS,
  RELATIVES,
  SUBJECT_SKIP,
  TOPIC_MARKERS,
  DOCUMENT_SHORT,
  DELEGATION,
  DUAL_SPEAKERS,
  SUPPORT_VERBS,
  HONORIFICS,
  COUNTERPARTS,
  PRONOUN_OBJECTS,
  AUXILIARIES,
  IMPERSONALS,
  BUILTIN_TABLES,
  type LexiconTables,
  type MeetingRow,
  type Person,
  type StatementRow,
  type TitleRow,
} from './event-lexicon';
import { attach, FUTURE, hasPreposition, PURPOSE, NOUN_STACKS, stripConjunction, VERB_STACKS } from './clitics';
import { normalizeArabic } from './normalize';
import { hashString, TokenBuffer } from './tokenize';
import type { Article, Span } from './types';

const words = (s: string | undefined) => (s ? s.split(/\s+/).filter(Boolean).map(normalizeArabic) : []);

/** What stands between a token and the one before it. */
export const GAP_COMMA = 1;
export const GAP_QUOTE = 2;
export const GAP_PAREN = 4;
export const GAP_COLON = 8;
export const GAP_DASH = 16;
export const GAP_OTHER = 32;
/** Anything but white space. */
export const GAP_HARD = GAP_COMMA | GAP_QUOTE | GAP_PAREN | GAP_COLON | GAP_DASH | GAP_OTHER;

export type LexHit = {
  form: string;
  /** Code units of the form that are its written proclitics (للقاء: 2). */
  written: number;
} & (
  | { kind: 'meeting'; row: MeetingRow; pos: 'verb' | 'noun'; pre: string; tense: 'past' | 'present' | 'future' | 'noun'; definite: boolean; suffix: string }
  /** `pos`: a verb, a participle (continues the sentence's speaker) or a masdar (after تم، جرى). */
  | { kind: 'statement'; row: StatementRow; pos: 'verb' | 'participle' | 'masdar'; pre: string; tense: 'past' | 'present' | 'future'; person: Person }
  /**
   * `head`: no preposition stands before the title (بـ، لـ، كـ make it a complement), so it may head
   * a role phrase; `stem`: the form without its proclitics (canonToken in roles.ts).
   */
  | { kind: 'title'; row: TitleRow; pre: string; head: boolean; stem: string }
  | { kind: 'delegation'; pre: string }
  | { kind: 'dual'; pre: string }
);

/**
 * Word classes of the event rules, as bits, so that a rule asks `tok.cls & K.TOPIC` instead of looking
 * a string up in several sets. A token gets the classes of its form and of its form without و/ف.
 */
export const K = {
  NEGATION: 1 << 0,
  RELATIVE: 1 << 1,
  SKIP: 1 << 2,
  TOPIC: 1 << 3,
  STOP: 1 << 4,
  OUTLET: 1 << 5,
  OPENER: 1 << 6,
  LIGHT: 1 << 7,
  PARTICIPATE: 1 << 8,
  DEMONSTRATIVE: 1 << 9,
  AT: 1 << 10,
  PLACE_NOUN: 1 << 11,
  GROUP_HEAD: 1 << 12,
  COORDINATOR: 1 << 13,
  /** First word of a multi-word marker (على هامش، من المقرر، البيان الختامي). */
  MULTI: 1 << 14,
  DOCUMENT: 1 << 15,
  /** A support verb before a masdar (تم التأكيد). */
  SUPPORT: 1 << 16,
  HONORIFIC: 1 << 17,
  COUNTERPART: 1 << 18,
  PRONOUN_OBJECT: 1 << 19,
  AUXILIARY: 1 << 20,
  IMPERSONAL: 1 << 21,
} as const;

const CLASSES = new Map<string, number>();
{
  const add = (k: number, list: string) => {
    for (const w of words(list)) CLASSES.set(w, (CLASSES.get(w) ?? 0) | k);
  };
  add(K.NEGATION, NEGATION_MARKERS);
  add(K.RELATIVE, RELATIVES);
  add(K.SKIP, SUBJECT_SKIP);
  add(K.TOPIC, TOPIC_MARKERS);
  add(K.STOP, LIST_STOPS);
  add(K.OUTLET, OUTLETS);
  add(K.OPENER, CONTENT_OPENERS);
  add(K.SUPPORT, SUPPORT_VERBS);
  add(K.HONORIFIC, HONORIFICS);
  add(K.COUNTERPART, COUNTERPARTS);
  add(K.PRONOUN_OBJECT, PRONOUN_OBJECTS);
  add(K.AUXILIARY, AUXILIARIES);
  add(K.IMPERSONAL, IMPERSONALS);
  add(K.LIGHT, LIGHT_VERBS);
  add(K.PARTICIPATE, PARTICIPATE);
  add(K.DEMONSTRATIVE, DEMONSTRATIVES);
  add(K.AT, AT_MEETING);
  add(K.PLACE_NOUN, PLACE_NOUNS);
  add(K.GROUP_HEAD, GROUP_HEADS);
  add(K.COORDINATOR, COORDINATORS);
  add(K.DOCUMENT, DOCUMENT_SHORT);
  for (const m of [...OCCASION_MARKERS, ...FUTURE_MARKERS, ...DOCUMENTS.map((d) => d.forms)]) add(K.MULTI, words(m)[0]);
}

function classOf(norm: string, bare: string): number {
  const a = CLASSES.get(norm) ?? 0;
  if (bare !== norm) return a | (CLASSES.get(bare) ?? 0);
  // A three-letter word whose first letter is و/ف: the class of the rest too (وتم → تم), not its bare form.
  const c = norm.charCodeAt(0);
  return norm.length === 3 && (c === 0x648 || c === 0x641) ? a | (CLASSES.get(norm.slice(1)) ?? 0) : a;
}

export interface Tok extends Span {
  /** Folded text of the token. */
  norm: string;
  /** The token without a leading و or ف (for particles and function words). */
  bare: string;
  /** Flags of what stands before the token (GAP_*); 0 for white space only. */
  gap: number;
  /** Word classes (K.*). */
  cls: number;
  /** The trigger, title… this token is, if any (always present, so that every Tok has one shape). */
  hit: LexHit | undefined;
}

export interface Sentence extends Span {
  toks: Tok[];
  /** True when a meeting or statement trigger stands in the sentence (else it holds title words only). */
  triggers: boolean;
  /** Index of the article line (paragraph) that holds the sentence, counted from the article's start. */
  paragraph: Span;
  headline: boolean;
}

const VERB_PREFIXES = VERB_STACKS;
const NOUN_PREFIXES = NOUN_STACKS;


/** Possessive forms of a normalized noun: لقاء → لقائه، زياره → زيارته. */
function possessives(noun: string): [string, string][] {
  let stem = noun;
  if (stem.endsWith('ه')) stem = stem.slice(0, -1) + 'ت';
  else if (stem.endsWith('اء')) stem = stem.slice(0, -1) + 'ئ';
  else if (stem.endsWith('ا')) return [];
  return ['ه', 'ها', 'هما', 'هم'].map((s) => [stem + s, s]);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const FILTER_BITS = 1 << 18;

export interface Lexicon {
  byHash: Map<number, LexHit[]>;
  /** A bit per low 18 bits of a form's hash (32 KB): all but about 1% of the tokens that are no form are rejected with one array read. */
  filter: Uint32Array;
}

let builtin: Lexicon | undefined;

/** The trigger and title index of the built-in lexicon (knowledge/lexicon), built once. */
export function getLexicon(): Lexicon {
  return (builtin ??= buildLexicon(BUILTIN_TABLES));
}

/**
 * The trigger and title index of lexicon tables: every form with its proclitic stacks, hashed. The
 * tense is the row's (a present form with س is future); forms that normalize alike keep a hit each.
 */
export function buildLexicon(tables: LexiconTables): Lexicon {
  const byHash = new Map<number, LexHit[]>();
  const seen = new Set<string>();
  const rowIds = new Map<object, number>();
  const add = (form: string, partial: DistributiveOmit<LexHit, 'form' | 'written'>) => {
    const row = 'row' in partial ? partial.row : undefined;
    if (row && !rowIds.has(row)) rowIds.set(row, rowIds.size);
    const pos = 'pos' in partial ? partial.pos : '';
    const key = `${form}\u0000${partial.kind}\u0000${row ? rowIds.get(row) : ''}\u0000${pos}`;
    if (seen.has(key)) return;
    seen.add(key);
    const hit = { ...partial, form, written: attach(partial.pre, '').length } as LexHit;
    const h = hashString(form);
    const list = byHash.get(h);
    if (list) list.push(hit);
    else byHash.set(h, [hit]);
  };
  for (const f of tables.meetings) {
    const row = f.row;
    const v = normalizeArabic(f.form);
    if (f.pos === 'verb') {
      const present = f.tense === 'present';
      for (const p of VERB_PREFIXES) {
        add(p + v, { kind: 'meeting', row, pos: 'verb', pre: p, tense: present ? 'present' : 'past', definite: false, suffix: '' });
        if (present) add(p + FUTURE + v, { kind: 'meeting', row, pos: 'verb', pre: p + FUTURE, tense: 'future', definite: false, suffix: '' });
      }
      continue;
    }
    for (const p of NOUN_PREFIXES) add(attach(p, v), { kind: 'meeting', row, pos: 'noun', pre: p, tense: 'noun', definite: p.endsWith('ال'), suffix: '' });
    for (const [poss, suffix] of possessives(v)) {
      for (const p of NOUN_PREFIXES) {
        if (p.endsWith('ال')) continue;
        add(p + poss, { kind: 'meeting', row, pos: 'noun', pre: p, tense: 'noun', definite: true, suffix });
      }
    }
  }
  for (const f of tables.statements) {
    const row = f.row;
    const v = normalizeArabic(f.form);
    const pos = f.pos === 'participle' || f.pos === 'masdar' ? f.pos : 'verb';
    if (pos === 'masdar') {
      // A masdar may carry ال (التأكيد) or not (تأكيد); it is a statement only after a support verb.
      const bare = v.startsWith('ال') ? v.slice(2) : v;
      for (const p of ['', 'ال']) add(p + bare, { kind: 'statement', row, pos, pre: p, tense: 'past', person: f.person });
      continue;
    }
    const present = f.tense === 'present';
    for (const p of VERB_PREFIXES) {
      add(p + v, { kind: 'statement', row, pos, pre: p, tense: present ? 'present' : 'past', person: f.person });
      if (present && pos === 'verb') {
        add(p + FUTURE + v, { kind: 'statement', row, pos, pre: p + FUTURE, tense: 'future', person: f.person });
        // «ليؤكدوا»: the purpose ل before a present form.
        add(p + PURPOSE + v, { kind: 'statement', row, pos, pre: p + PURPOSE, tense: 'present', person: f.person });
      }
    }
  }
  for (const f of tables.titles) {
    const t = normalizeArabic(f.form);
    for (const p of NOUN_PREFIXES) add(attach(p, t), { kind: 'title', row: f.row, pre: p, head: !hasPreposition(p), stem: t });
  }
  for (const d of words(DELEGATION)) for (const p of NOUN_PREFIXES) add(attach(p, d), { kind: 'delegation', pre: p });
  for (const d of words(DUAL_SPEAKERS)) for (const p of ['', 'و', 'ف']) add(p + d, { kind: 'dual', pre: p });
  const filter = new Uint32Array(FILTER_BITS >>> 5);
  for (const h of byHash.keys()) {
    const bit = h & (FILTER_BITS - 1);
    filter[bit >>> 5] |= 1 << (bit & 31);
  }
  return { byHash, filter };
}

/** The hit of token t, verified against the form (hash collisions are rare but possible). */
function lookupHit(lex: Lexicon, b: TokenBuffer, t: number): LexHit | undefined {
  const h = b.hash[t];
  const bit = h & (FILTER_BITS - 1);
  if ((lex.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return undefined;
  const list = lex.byHash.get(h);
  if (!list) return undefined;
  const from = b.normStart[t];
  const n = b.normLen[t];
  for (const hit of list) {
    const f = hit.form;
    if (f.length !== n) continue;
    let k = 0;
    while (k < n && b.norm[from + k] === f.charCodeAt(k)) k++;
    if (k === n) return hit;
  }
  return undefined;
}

/** Boundary characters: a sentence ends at . ! ? ؟ or a line break (a dot between digits is no end). */
const GAP_STOP = 1 << 10;

/** GAP_* flags of text[from, to), with GAP_STOP when a sentence ends there. */
function gapInfo(text: string, from: number, to: number): number {
  let flags = 0;
  let stop = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 32:
      case 9:
      case 0xa0:
      case 0x200f:
      case 0x200e:
      case 0x202f:
        break;
      case 10:
      case 13:
      case 0x21:
      case 0x3f:
      case 0x61f:
        stop = true;
        break;
      case 0x2e: {
        const prev = text.charCodeAt(i - 1);
        const next = text.charCodeAt(i + 1);
        if (!(prev >= 48 && prev <= 57 && next >= 48 && next <= 57)) stop = true;
        break;
      }
      case 0x60c:
      case 0x2c:
      case 0x61b:
      case 0x3b:
        flags |= GAP_COMMA;
        break;
      case 0x22:
      case 0x27:
      case 0xab:
      case 0xbb:
      case 0x201c:
      case 0x201d:
      case 0x2018:
      case 0x2019:
        flags |= GAP_QUOTE;
        break;
      case 0x28:
      case 0x29:
      case 0x5b:
      case 0x5d:
        flags |= GAP_PAREN;
        break;
      case 0x3a:
        flags |= GAP_COLON;
        break;
      case 0x2d:
      case 0x2013:
      case 0x2014:
        flags |= GAP_DASH;
        break;
      default:
        flags |= GAP_OTHER;
    }
  }
  return stop ? flags | GAP_STOP : flags;
}

/**
 * For each token of a sentence, an index (of the mention or the actor that covers it) or -1. A plain
 * array: rules make one or two per sentence, and a small typed array costs far more to allocate.
 */
export type TokenMap = number[];

/** A TokenMap of `n` tokens, all -1. */
export function tokenMap(n: number): TokenMap {
  const map: TokenMap = [];
  for (let i = 0; i < n; i++) map.push(-1);
  return map;
}

/** How many tokens a role phrase's title may stand before the name (roles.ts walks back as far). */
export const ROLE_REACH = 16;
/** How many tokens before a title a name given the role after it (عادل الجبير وزير الخارجية) may start. */
export const ROLE_BEFORE = 6;

/**
 * A sentence that holds a lexicon hit, kept as offsets until a rule asks for its tokens: most
 * sentences with a title word never hold a role phrase, and without the outline the trigger
 * sentences are read by no rule at all.
 */
export interface SentenceEntry extends Span {
  /** `start` is the first token's start, `end` the last token's end. */
  triggers: boolean;
  /** A title word that may head a role phrase stands in the sentence. */
  titles: boolean;
  /** The stems of those title words (وزير، رئيس), in order, with repeats. */
  heads: readonly string[];
  /**
   * A role phrase needs a person's name to start within ROLE_REACH tokens after such a title word:
   * the offsets [roleFrom, roleTo) hold every place where it may start (empty when there is no title).
   */
  roleFrom: number;
  roleTo: number;
  /** The tokens, made at collection (trigger sentences when the outline is wanted) or on demand. */
  sentence?: Sentence;
  /** For each token, the index of the mention that covers it (roles.ts), once computed. */
  at?: TokenMap;
  /** The lexicon the sentence was found with, when it is not the built-in one. */
  lex?: Lexicon;
}

/**
 * Finds, in token buffers filled in text order (the analyzer's own buffer, so that the text is
 * tokenized once), the sentences of one article that hold a trigger or a title word. The headline
 * is one sentence whatever its punctuation («..»); boilerplate lines are skipped. Only sentence
 * offsets and a few flags are kept; tokens are made for the sentences that a rule reads (see
 * `sentenceOf`). `take` hands the article's sentences over and starts the next article afresh.
 */
export class SentenceCollector {
  private entries: SentenceEntry[] = [];
  private readonly hits: (LexHit | undefined)[] = [];

  /** @param eager make the tokens of trigger sentences at once (the outline reads them all). */
  constructor(
    public eager = true,
    private readonly lex: Lexicon = getLexicon(),
  ) {}

  /** The sentences collected since the last call, in text order. */
  take(): SentenceEntry[] {
    const out = this.entries;
    this.entries = [];
    return out;
  }

  /** Reads a buffer that holds `text[from, to)` of `article`; pieces of one article come in order. */
  add(text: string, article: Article, _index: number, b: TokenBuffer): void {
    const out = this.entries;
    const skip = article.boilerplate;
    const lex = this.lex;
    let skipIndex = 0;
    let sentenceFirst = 0;
    let interesting = false;
    let triggers = false;
    let firstHead = -1;
    let lastHead = -1;
    let heads: string[] = [];
    const hits = this.hits;
    hits.length = 0;
    const flush = (last: number) => {
      if (interesting && last >= sentenceFirst) {
        const entry: SentenceEntry = {
          start: b.start[sentenceFirst],
          end: b.end[last],
          triggers,
          titles: firstHead >= 0,
          heads: heads.length ? heads : NO_HEADS,
          // The name stands after the title (الوزير X) or right before it (X وزير الخارجية).
          roleFrom: firstHead >= 0 ? b.start[Math.max(sentenceFirst, firstHead - ROLE_BEFORE)] : 0,
          roleTo: firstHead >= 0 ? b.end[Math.min(lastHead + ROLE_REACH, last)] : 0,
        };
        if (lex !== builtin) entry.lex = lex;
        if (triggers && this.eager) entry.sentence = makeSentence(text, article, b, sentenceFirst, last, hits);
        out.push(entry);
      }
      hits.length = 0;
      interesting = false;
      triggers = false;
      firstHead = -1;
      lastHead = -1;
      if (heads.length) heads = [];
    };
    const n = b.count;
    const headline = article.headline;
    const softGap = b.softGap;
    for (let t = 0; t < n; t++) {
      const start = b.start[t];
      // Only spaces or a hyphen before the token (softGap) never end a sentence.
      if (t > sentenceFirst && softGap[t] === 0) {
        const inHeadline = headline !== undefined && start < headline.end && start >= headline.start;
        if (gapInfo(text, b.end[t - 1], start) & GAP_STOP && !inHeadline) {
          flush(t - 1);
          sentenceFirst = t;
        }
      }
      const hit = lookupHit(lex, b, t);
      if (hit === undefined) continue;
      while (skipIndex < skip.length && skip[skipIndex].end <= start) skipIndex++;
      if (skipIndex < skip.length && skip[skipIndex].start <= start) continue; // In boilerplate.
      hits[t - sentenceFirst] = hit;
      interesting = true;
      if (hit.kind === 'meeting' || hit.kind === 'statement') triggers = true;
      else if (hit.kind === 'title') {
        if (firstHead < 0) firstHead = t;
        lastHead = t;
        heads.push(hit.stem);
      }
    }
    flush(n - 1);
  }
}

const NO_HEADS: readonly string[] = [];
const ownBuffer = new TokenBuffer();
const ownHits: (LexHit | undefined)[] = [];

/**
 * The tokens of a collected sentence, made on first use by tokenizing its text again: a sentence
 * lies within one piece of the analyzer's buffer, so its tokens, their hashes and hits are the same.
 */
export function sentenceOf(text: string, article: Article, entry: SentenceEntry, lex: Lexicon = entry.lex ?? getLexicon()): Sentence {
  if (entry.sentence) return entry.sentence;
  const b = ownBuffer;
  b.fill(text, entry.start, entry.end);
  const skip = article.boilerplate;
  let skipIndex = 0;
  ownHits.length = 0;
  for (let t = 0; t < b.count; t++) {
    const hit = lookupHit(lex, b, t);
    if (hit === undefined) continue;
    const start = b.start[t];
    while (skipIndex < skip.length && skip[skipIndex].end <= start) skipIndex++;
    if (skipIndex < skip.length && skip[skipIndex].start <= start) continue;
    ownHits[t] = hit;
  }
  entry.sentence = makeSentence(text, article, b, 0, b.count - 1, ownHits);
  ownHits.length = 0;
  return entry.sentence;
}

function makeSentence(text: string, article: Article, b: TokenBuffer, first: number, last: number, hits: (LexHit | undefined)[]): Sentence {
  const toks: Tok[] = [];
  let triggers = false;
  for (const h of hits) if (h && (h.kind === 'meeting' || h.kind === 'statement')) triggers = true;
  // Tokens' folded code units are back to back in the buffer: one string for the sentence, sliced per token.
  const base = b.normStart[first];
  const all = foldedString(b, base, b.normStart[last] + b.normLen[last]);
  for (let t = first; t <= last; t++) {
    const norm = all.slice(b.normStart[t] - base, b.normStart[t] - base + b.normLen[t]);
    const g = t > first && !(b.start[t] - b.end[t - 1] === 1 && text.charCodeAt(b.end[t - 1]) === 32) ? gapInfo(text, b.end[t - 1], b.start[t]) : 0;
    // A sentence end inside a sentence happens only in a headline («..»): a hard gap all the same.
    const gap = (g & GAP_HARD) | (g & GAP_STOP ? GAP_OTHER : 0);
    const bare = stripConjunction(norm);
    // Word classes serve the event rules, which read only sentences with a trigger.
    toks.push({ start: b.start[t], end: b.end[t], norm, bare, gap, cls: triggers ? classOf(norm, bare) : 0, hit: hits[t - first] });
  }
  const start = toks[0].start;
  const end = toks[toks.length - 1].end;
  const lineStart = lineBounds(text, start)[0];
  let lineEnd = lineBounds(text, end)[1];
  if (lineEnd > article.end) lineEnd = article.end;
  const headline = !!article.headline && start >= article.headline.start && start < article.headline.end;
  return { start, end: sentenceEnd(text, end, lineEnd), toks, triggers, paragraph: { start: Math.max(lineStart, article.start), end: lineEnd }, headline };
}

/**
 * The line (between \n, \r or \r\n breaks) that holds offset `at`, as [start, end). The last line
 * found is remembered: on a file of one 5 MB line every sentence asks for the same line, and scanning
 * it again each time made the analysis quadratic.
 */
let lineText: string | undefined;
let lineFrom = 0;
let lineTo = -1;
function lineBounds(text: string, at: number): [number, number] {
  if (text === lineText && at >= lineFrom && at <= lineTo) return [lineFrom, lineTo];
  let s = at;
  while (s > 0 && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) s--;
  let e = at;
  while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  lineText = text;
  lineFrom = s;
  lineTo = e;
  return [s, e];
}

function foldedString(b: TokenBuffer, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i += 4096) out += String.fromCharCode.apply(null, b.norm.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  return out;
}

/** The sentence's end, with its closing punctuation when there is one on the same line. */
function sentenceEnd(text: string, lastTokenEnd: number, lineEnd: number): number {
  let i = lastTokenEnd;
  while (i < lineEnd && i < lastTokenEnd + 4) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f) return i + 1;
    if (c !== 32 && c !== 0x22 && c !== 0x201d && c !== 0xbb && c !== 0x29) break;
    i++;
  }
  return lastTokenEnd;
}

/** A set of normalized words, from a space-separated table entry. */
export function wordSet(s: string): ReadonlySet<string> {
  return new Set(words(s));
}

export { words as normalizedWords };
