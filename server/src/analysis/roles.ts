/**
 * Role phrases and title mentions.
 *
 * A role phrase is an apposition TITLE + NAME that the article itself writes («نائب وزير الخارجية ميخائيل
 * بوغدانوف»). Once an article gives a person a role, the same title without the name, earlier or later
 * in the article («كبير مساعدي وزير الخارجية الإيراني»), or its head with the minister's own name in
 * place of the ministry («كبير مساعدي أمير عبداللهيان»), is a title mention of that person.
 */
import { hasPreposition as stackHasPreposition, mentionOffset, stem } from './clitics';
import { HONORIFICS, TITLE_GLUE } from './event-lexicon';
import { GAP_COMMA, GAP_HARD, sentenceOf, tokenMap, wordSet, type Sentence, type SentenceEntry, type Tok, type TokenMap } from './sentences';
import { roleStatus } from '../knowledge/dates';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Role } from '../knowledge/types';
import { normalizeArabic } from './normalize';
import type { Article, Mention, RolePhrase } from './types';

/** What the rules need to know about entities, without depending on the knowledge base itself. */
export interface EntityInfo {
  /** The main Arabic name, for labels. */
  name(id: string): string | undefined;
  /** A short form for statement labels (a surname). */
  shortName(id: string): string | undefined;
  /** The affiliation country of a person or organization, or a country's own id. */
  country(id: string): string | undefined;
  /**
   * The one person the packs say held a role with one of these titles (keys of `titleKey`) for
   * `country` on `date` (status held); undefined when none or several did.
   */
  holder?(keys: readonly string[], country: string, date: string): { id: string; title: string } | undefined;
}

/** Entity facts from nothing at all: labels fall back to ids. */
export const NO_ENTITY_INFO: EntityInfo = {
  name: () => undefined,
  shortName: () => undefined,
  country: (id) => (id.startsWith('country:') ? id : undefined),
};

/** Entity facts from the knowledge base. */
export function entityInfoFromKb(kb: KnowledgeBase): EntityInfo {
  return {
    name: (id) => kb.get(id)?.name.ar,
    shortName: (id) => {
      const e = kb.get(id);
      if (!e) return undefined;
      for (const a of e.aliases ?? []) if (typeof a !== 'string' && a.short && !a.unsafe) return a.ar;
      if (e.type !== 'person') return e.name.ar;
      const words = e.name.ar.split(' ');
      return words[words.length - 1];
    },
    country: (id) => (id.startsWith('country:') ? id : kb.get(id)?.country),
    holder: (keys, country, date) => {
      const index = holderIndex(kb);
      let found: { id: string; title: string } | undefined;
      for (const key of keys) {
        for (const h of index.get(`${key}\u0000${country}`) ?? []) {
          if (!h.role.from || roleStatus(h.role, date) !== 'held') continue;
          if (found && found.id !== h.id) return undefined;
          found ??= { id: h.id, title: h.role.title.ar };
        }
      }
      return found;
    },
  };
}

/**
 * The key a title is compared on: normalized words without clitics or ال, a feminine head folded to
 * the masculine (وزيرة الخارجية → وزير خارجيه), and the usual names of the same office made one
 * (الرئيس and رئيس الجمهورية, رئيس مجلس الوزراء and رئيس الوزراء, وزير الشؤون الخارجية and وزير الخارجية).
 */
export function titleKey(words: readonly string[]): string {
  const w = words.map((x) => stem(x));
  if (w.length && FEMININE_HEADS.has(w[0])) w[0] = w[0].slice(0, -1);
  const key = w.join(' ');
  return SAME_OFFICE.get(key) ?? key;
}

const FEMININE_HEADS = new Set(['وزيره', 'رئيسه', 'نائبه', 'سفيره', 'مستشاره', 'مندوبه']);
const SAME_OFFICE = new Map(
  [
    ['رئيس الجمهورية', 'رئيس'],
    ['رئيس الدولة', 'رئيس'],
    ['رئيس مجلس الوزراء', 'رئيس الوزراء'],
    ['وزير الشؤون الخارجية', 'وزير الخارجية'],
  ].map(([a, b]) => [titleKeyOf(a, false), titleKeyOf(b, false)]),
);

function titleKeyOf(title: string, same = true): string {
  const words = normalizeArabic(title).split(' ').filter(Boolean);
  return same ? titleKey(words) : words.map((x) => stem(x)).join(' ');
}

/** Per knowledge base: dated roles with a country, by title key and country. */
const HOLDERS = new WeakMap<KnowledgeBase, Map<string, { id: string; role: Role }[]>>();

function holderIndex(kb: KnowledgeBase): Map<string, { id: string; role: Role }[]> {
  let index = HOLDERS.get(kb);
  if (index) return index;
  index = new Map();
  for (const e of kb.entities.values()) {
    if (e.type !== 'person') continue;
    for (const role of e.roles ?? []) {
      if (!role.country || !role.from) continue;
      const key = `${titleKeyOf(role.title.ar)}\u0000${role.country}`;
      const list = index.get(key);
      if (list) list.push({ id: e.id, role });
      else index.set(key, [{ id: e.id, role }]);
    }
  }
  HOLDERS.set(kb, index);
  return index;
}

/** A role phrase with what the matching of later title mentions needs. */
export interface RoleInfo {
  phrase: RolePhrase;
  /** The name mention that the title stands before. */
  name: Mention;
  /** Canonical title tokens (clitics and ال stripped). */
  canon: string[];
  /** True for title tokens that are nisba adjectives or country names, which other uses may leave out. */
  skippable: boolean[];
  /** How many leading titles govern another title (كبير مساعدي → 2). */
  chainLen: number;
  /** Countries named inside the title (الإيراني). */
  countries: Set<string>;
  sentence: Sentence;
  /** Token range of the title part, inclusive. */
  from: number;
  to: number;
  /** The title follows the name (عادل الجبير وزير الخارجية); `titleStart` is where its text starts. */
  after?: boolean;
  titleStart?: number;
}

/** A use of a role's title without the name (a title mention), with the tokens the person's actor covers. */
export interface TitleHit {
  sentence: Sentence;
  /** Token range the actor covers (title, and the minister's name for «كبير مساعدي أمير عبداللهيان»), inclusive. */
  from: number;
  to: number;
  mention: Mention;
  /** The article's role phrase the title repeats; absent for a holder the packs give for the date. */
  role?: RoleInfo;
}

/** Per article: the sentences the rules looked at, the role phrases and the title mentions. */
export interface ArticleWork {
  index: number;
  article: Article;
  /** The sentences whose tokens were made, in text order, and their mention maps (`SentenceEntry.at`). */
  sentences: Sentence[];
  maps: TokenMap[];
  roles: RoleInfo[];
  titleHits: TitleHit[];
}

/** Function words and adverbs that never stand inside a title. */
const NOT_IN_TITLE = wordSet('الذي التي الذين اللذين اللذان اللتين اللتان اليوم الان الآن الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي المقبل الحالي الجاري الى الي لدى لكن لان لأن للغاية');
const GLUE = wordSet(TITLE_GLUE);
/** Honorifics (معالي، الأستاذ): inside a role phrase, but no part of its title. */
const HONOR = wordSet(HONORIFICS);
const isHonorific = (tok: Tok) => HONOR.has(tok.norm) || HONOR.has(tok.bare);
/** After a title used without a name, these show the title ended (no unknown name follows). */
const FOLLOWERS = wordSet('في على إلى الى مع خلال أن إن عن من قد كما الذي التي حول بشأن لدى عند و ثم أمس اليوم بعد قبل حيث لـ إنه أنه بأن');

/** Canonical form of a title token: clitics and the article stripped (للأمين → امين، والمغتربين → مغتربين). */
export function canonToken(tok: Tok): string {
  if (tok.hit && tok.hit.kind === 'title') return titleStem(tok);
  return stem(tok.norm);
}

function titleStem(tok: Tok): string {
  return tok.norm.slice(tok.hit!.written);
}

/** The part of a title hit's prefix between و/ف and ال: a preposition makes the title a complement. */
function hasPreposition(tok: Tok): boolean {
  return stackHasPreposition(tok.hit!.pre);
}

function isTitle(tok: Tok | undefined): boolean {
  return !!tok && tok.hit?.kind === 'title';
}

/** A title in the construct state: it governs what follows (نائب وزير); one with ال does not (الرئيس). */
function isConstructTitle(tok: Tok | undefined): boolean {
  return !!tok && tok.hit?.kind === 'title' && !!tok.hit.row.construct && !hasPreposition(tok) && !tok.hit.pre.endsWith('ال');
}

/** A token that may stand inside a title between its head and the name. */
function complementWord(tok: Tok): boolean {
  if (tok.hit) return tok.hit.kind === 'title';
  const n = tok.norm;
  if (NOT_IN_TITLE.has(n)) return false;
  if (GLUE.has(n)) return true;
  if (n.startsWith('ال') || n.startsWith('وال') || n.startsWith('لل')) return n.length >= 4;
  return n.startsWith('ل') && n.length >= 5;
}

/** For each token of a sentence, the index of the mention that covers it, or -1. */
export function mentionIndex(sentence: Sentence, mentions: Mention[]): TokenMap {
  const toks = sentence.toks;
  const at = tokenMap(toks.length);
  // Mentions never overlap, so their ends are sorted like their starts: the first one that ends
  // after the sentence's start is found by bisection.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mentions[mid].end <= sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let m = lo;
  for (let i = 0; i < toks.length && m < mentions.length; i++) {
    const tok = toks[i];
    while (m < mentions.length && mentions[m].end <= tok.start) m++;
    if (m < mentions.length && mentions[m].start < tok.end) at[i] = m;
  }
  return at;
}

/** The offset where a title token's mention starts: after و/ف and a preposition (للأمين → لأمين like the matcher). */
function titleStart(tok: Tok): number {
  if (!tok.hit) return tok.start;
  // Keep ال in the span; drop و/ف and ب/ل/ك (for لل, the second lam is the article's).
  return tok.start + mentionOffset(tok.hit.pre);
}

/** True when a person's name starts where a role phrase's name may stand (see SentenceEntry.roleFrom). */
function mayHoldRole(e: SentenceEntry, mentions: Mention[], from: number): boolean {
  for (let m = from; m < mentions.length && mentions[m].start < e.roleTo; m++) {
    const x = mentions[m];
    if (x.start >= e.roleFrom && x.type === 'person' && x.form === 'name') return true;
  }
  return false;
}

/** The tokens of a sentence and its mention map, made on first use. */
function tokensOf(text: string, article: Article, e: SentenceEntry, mentions: Mention[]): { s: Sentence; at: TokenMap } {
  const s = sentenceOf(text, article, e);
  e.at ??= mentionIndex(s, mentions);
  return { s, at: e.at };
}

/**
 * Finds the role phrases and title mentions of one article, from the sentences the collector kept.
 * Tokens are made only for the sentences a rule reads: those where a person's name follows a title
 * word closely enough, then, in an article that gave someone a role, those with a title word; with
 * `outline`, the trigger sentences too (for events.ts, which reads `ArticleWork`).
 *
 * @param mentions the mentions of the text so far (sorted, without title mentions); `firstMention`
 *   is the index of the article's first one.
 */
export function articleRoles(
  text: string,
  article: Article,
  index: number,
  entries: SentenceEntry[],
  mentions: Mention[],
  firstMention: number,
  info: EntityInfo,
  outline: boolean,
): ArticleWork {
  const w: ArticleWork = { index, article, sentences: [], maps: [], roles: [], titleHits: [] };
  let cursor = firstMention;
  for (const e of entries) {
    if (!e.titles) continue;
    while (cursor < mentions.length && mentions[cursor].start < e.roleFrom) cursor++;
    if (!mayHoldRole(e, mentions, cursor)) continue;
    const { s, at } = tokensOf(text, article, e, mentions);
    findRolePhrases(text, s, at, mentions, w.roles);
    findRolesAfterNames(text, s, at, mentions, w.roles);
  }
  if (w.roles.length) {
    // Roles by the first word of their title, so that each title word is tried against a few roles only.
    // One role per person and title: an article that repeats a role phrase adds nothing to try.
    const byFirst = new Map<string, RoleInfo[]>();
    const seen = new Set<string>();
    for (const r of w.roles) {
      const key = `${r.phrase.entityId}\u0000${r.canon.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = byFirst.get(r.canon[0]);
      if (list) list.push(r);
      else byFirst.set(r.canon[0], [r]);
    }
    let r = 0;
    for (const e of entries) {
      // A title word is tried only against the roles whose title starts with its stem.
      if (!e.heads.some((stem) => byFirst.has(stem))) continue;
      const { s, at } = tokensOf(text, article, e, mentions);
      while (r < w.roles.length && w.roles[r].sentence.start < s.start) r++;
      const own: RoleInfo[] = [];
      while (r < w.roles.length && w.roles[r].sentence === s) own.push(w.roles[r++]);
      findTitleHits(text, s, at, mentions, w, info, own, byFirst);
    }
  }
  if (info.holder && article.date && article.dateSource !== 'today') {
    for (const e of entries) {
      if (!e.heads.length) continue;
      const { s, at } = tokensOf(text, article, e, mentions);
      findHolders(s, at, mentions, w, info, article.date);
    }
  }
  for (const e of entries) {
    if (outline && e.triggers) tokensOf(text, article, e, mentions);
    if (e.sentence && e.at) {
      w.sentences.push(e.sentence);
      w.maps.push(e.at);
    }
  }
  return w;
}

function findRolePhrases(text: string, s: Sentence, at: TokenMap, mentions: Mention[], out: RoleInfo[]): void {
  const toks = s.toks;
  for (let n = 1; n < toks.length; n++) {
    const mi = at[n];
    if (mi < 0 || at[n - 1] === mi) continue; // Only the first token of a mention.
    const m = mentions[mi];
    if (m.type !== 'person' || m.form !== 'name') continue;
    // A candidate name that is a trigger or a function word (عقد، أكد) is no name.
    if (m.reason === 'candidate' && (toks[n].hit || toks[n].cls)) continue;
    if (toks[n].gap & GAP_HARD) continue;
    // «مساعدي أمير عبداللهيان» is «the aides of …» (a genitive), not an apposition.
    if (isConstructTitle(toks[n - 1])) continue;
    let head = -1;
    let prepHead = -1;
    let j = n - 1;
    while (j >= 0 && n - j <= 16) {
      const tok = toks[j];
      const mj = at[j];
      if (mj >= 0) {
        const other = mentions[mj];
        if (other.type === 'person') break;
        // A place or organization inside a title (للأمم المتحدة، الإيراني) needs a title word before it.
        let first = j;
        while (first > 0 && at[first - 1] === mj) first--;
        const before = toks[first - 1];
        if (!before || toks[first].gap & GAP_HARD || !complementWord(before)) break;
        if (toks[j + 1].gap & GAP_HARD && j + 1 < n) break;
        j = first - 1;
        continue;
      }
      if (j + 1 <= n && toks[j + 1].gap & GAP_HARD) break;
      if (isTitle(tok) && !hasPreposition(tok)) {
        head = j;
        while (head > 0 && !(toks[head].gap & GAP_HARD) && isConstructTitle(toks[head - 1]) && at[head - 1] < 0) head--;
        break;
      }
      // A title with a preposition (التقى بوزير الخارجية X) heads the phrase unless a title without one
      // stands further back (الممثل الخاص للأمين العام …).
      if (isTitle(tok)) prepHead = j;
      if (!complementWord(tok)) break;
      j--;
    }
    if (head < 0) head = prepHead;
    if (head < 0) continue;
    // «خادم الحرمين الشريفين الملك سلمان», «ولي العهد الأمير محمد»: a title of honour before the title
    // heads the phrase, and its words alone are the title later uses repeat (ولي العهد).
    const inner = head;
    head = honourBefore(toks, at, head);
    const named = knownAfterCandidate(toks, at, mentions, n) ?? m;
    const from = head;
    const to = n - 1;
    const canonTo = head < inner ? inner - 1 : to;
    const start = titleStart(toks[head]);
    const canon: string[] = [];
    const skippable: boolean[] = [];
    const countries = new Set<string>();
    let chainLen = 0;
    let chainOpen = true;
    for (let k = from; k <= canonTo; k++) {
      if (isHonorific(toks[k])) continue;
      canon.push(canonToken(toks[k]));
      const mk = at[k];
      const inner = mk >= 0 ? mentions[mk] : undefined;
      skippable.push(!!inner && inner.type === 'country');
      if (inner && inner.type === 'country') countries.add(inner.entityId);
      if (chainOpen && isConstructTitle(toks[k]) && k + 1 <= to && isTitle(toks[k + 1])) chainLen++;
      else chainOpen = false;
    }
    out.push({
      phrase: { start, end: named.end, entityId: named.entityId, text: text.slice(start, named.end) },
      name: named,
      canon,
      skippable,
      chainLen,
      countries,
      sentence: s,
      from,
      to,
    });
  }
}

/**
 * The head of a title of honour right before the title at `head` (خادم الحرمين الشريفين before الملك,
 * ولي العهد before الأمير, ولي ولي العهد through the construct chain), or `head` itself.
 */
function honourBefore(toks: Tok[], at: TokenMap, head: number): number {
  let j = head - 1;
  while (j >= 0 && head - j <= 3 && at[j] < 0 && !(toks[j + 1].gap & GAP_HARD)) {
    const t = toks[j];
    if (isTitle(t)) {
      if (t.hit?.kind !== 'title' || !t.hit.row.honour || hasPreposition(t)) return head;
      let h = j;
      while (h > 0 && !(toks[h].gap & GAP_HARD) && isConstructTitle(toks[h - 1]) && at[h - 1] < 0) h--;
      return h;
    }
    if (!complementWord(t)) return head;
    j--;
  }
  return head;
}

/**
 * A role the article gives after the name: «عادل الجبير وزير الخارجية السعودي», «…، المبعوث الخاص
 * إلى سوريا». The title (a title word without و or a preposition, then its complements) follows the
 * name directly or after a comma, and no other person's name follows it (else it is that person's
 * role: «الجبير وزير الخارجية الأمريكي جون كيري»). Role phrases are kept in text order.
 */
function findRolesAfterNames(text: string, s: Sentence, at: TokenMap, mentions: Mention[], out: RoleInfo[]): void {
  const toks = s.toks;
  const found: RoleInfo[] = [];
  for (let n = 0; n < toks.length; n++) {
    const mi = at[n];
    if (mi < 0 || (n > 0 && at[n - 1] === mi)) continue;
    const m = mentions[mi];
    let e = n;
    while (e + 1 < toks.length && at[e + 1] === mi) e++;
    if (m.type !== 'person' || m.form !== 'name' || m.reason === 'candidate') {
      n = e;
      continue;
    }
    const head = e + 1;
    const t = toks[head];
    n = e;
    if (!t || !isTitle(t) || at[head] >= 0 || t.hit!.pre !== '' && t.hit!.pre !== 'ال') continue;
    if (t.gap & GAP_HARD && !(t.gap === GAP_COMMA)) continue;
    // Already the name of a role phrase before it (الوزير عادل الجبير): no second role here.
    if (out.some((r) => r.name === m)) continue;
    let to = head;
    for (let k = head + 1; k < toks.length && k - head <= 8; k++) {
      if (toks[k].gap & GAP_HARD) break;
      const mk = at[k];
      if (mk >= 0) {
        const inner = mentions[mk];
        if (inner.type === 'person') {
          to = -1;
          break;
        }
        let last = k;
        while (last + 1 < toks.length && at[last + 1] === mk) last++;
        to = last;
        k = last;
        continue;
      }
      if (!complementWord(toks[k])) break;
      to = k;
    }
    if (to < 0) continue;
    // A person's name right after the title, past honorifics: the title is that person's.
    let after = to + 1;
    while (after < toks.length && isHonorific(toks[after])) after++;
    if (after < toks.length && at[after] >= 0 && mentions[at[after]].type === 'person' && !(toks[after].gap & GAP_HARD)) continue;
    const canon: string[] = [];
    const skippable: boolean[] = [];
    const countries = new Set<string>();
    for (let k = head; k <= to; k++) {
      if (isHonorific(toks[k])) continue;
      canon.push(canonToken(toks[k]));
      const inner = at[k] >= 0 ? mentions[at[k]] : undefined;
      skippable.push(!!inner && inner.type === 'country');
      if (inner && inner.type === 'country') countries.add(inner.entityId);
    }
    if (canon.length < 2) continue; // A bare «وزير» after a name says too little.
    const start = titleStart(toks[head]);
    const end = toks[to].end;
    found.push({
      phrase: { start: m.start, end, entityId: m.entityId, text: text.slice(m.start, end) },
      name: m,
      canon,
      skippable,
      chainLen: 0,
      countries,
      sentence: s,
      from: head,
      to,
      after: true,
      titleStart: start,
    });
    n = to;
  }
  if (!found.length) return;
  for (const r of found) out.push(r);
  out.sort((a, b) => a.phrase.start - b.phrase.start);
}

/**
 * «وزير الخارجية عادل بن أحمد الجبير»: a candidate name (عادل بن أحمد) right before a known person's
 * name (الجبير) is the start of that person's full name; the role is the known person's.
 */
function knownAfterCandidate(toks: Tok[], at: TokenMap, mentions: Mention[], n: number): Mention | undefined {
  const m = mentions[at[n]];
  if (m.reason !== 'candidate') return undefined;
  let e = n;
  while (e + 1 < toks.length && at[e + 1] === at[n]) e++;
  const next = at[e + 1];
  if (next === undefined || next < 0 || toks[e + 1].gap & GAP_HARD) return undefined;
  const k = mentions[next];
  return k.type === 'person' && k.form === 'name' && k.known ? k : undefined;
}

/** The title of a role phrase as written, without trailing honorifics (وزير الخارجية, not …الأستاذ). */
function titleText(text: string, role: RoleInfo): string {
  const toks = role.sentence.toks;
  let last = role.to;
  while (last > role.from && isHonorific(toks[last])) last--;
  return text.slice(role.titleStart ?? role.phrase.start, toks[last].end).trim();
}

function findTitleHits(
  text: string,
  s: Sentence,
  at: TokenMap,
  mentions: Mention[],
  w: ArticleWork,
  info: EntityInfo,
  own: RoleInfo[],
  byFirst: Map<string, RoleInfo[]>,
): void {
  const toks = s.toks;
  const inOwn = tokenMap(toks.length);
  for (const r of own) inOwn.fill(1, r.from, r.to + 1);
  for (let j = 0; j < toks.length; j++) {
    // A clitic preposition is allowed (بوزير الخارجية): the mention starts after it.
    if (!isTitle(toks[j]) || at[j] >= 0) continue;
    if (inOwn[j] === 1) continue;
    let best: { role: RoleInfo; end: number; actorEnd: number; skipped: number } | undefined;
    let ambiguous = false;
    const candidates = byFirst.get(canonToken(toks[j]));
    if (!candidates) continue;
    for (const role of candidates) {
      const got = matchTitle(toks, at, mentions, j, role, info, candidates);
      if (!got) continue;
      // The longest match wins; of two as long, an exact one (no nisba left out, the title complete)
      // wins: «وزير الخارجية أن» is the role given as وزير الخارجية, not «وزير الخارجية الألماني».
      const exact = (x: { skipped: number }) => x.skipped === 0;
      if (!best || got.end > best.end || (got.end === best.end && exact(got) && !exact(best))) {
        ambiguous = false;
        best = { role, ...got };
      } else if (got.end === best.end && exact(got) === exact(best) && role.phrase.entityId !== best.role.phrase.entityId) ambiguous = true;
    }
    if (!best || ambiguous) continue;
    // The mention covers the title words up to the first token another mention already holds.
    let last = j;
    while (last + 1 <= best.end && at[last + 1] < 0 && !(toks[last + 1].gap & GAP_HARD)) last++;
    const start = titleStart(toks[j]);
    const nameMention = best.role.name;
    const mention: Mention = {
      start,
      end: toks[last].end,
      entityId: best.role.phrase.entityId,
      type: 'person',
      form: 'title',
      known: nameMention.known,
      reason: 'role',
      alias: titleText(text, best.role),
      pack: nameMention.pack,
      article: w.index,
    };
    w.titleHits.push({ sentence: s, from: j, to: best.actorEnd, mention, role: best.role });
    j = best.actorEnd;
  }
}

/**
 * How far the title at token j matches a role's title: the last text token matched and the last token
 * of the actor, or undefined. Nisba adjectives may be added or left out (الإيراني); a minister's name
 * may stand for the ministry after the governing titles (كبير مساعدي أمير عبداللهيان).
 */
function matchTitle(
  toks: Tok[],
  at: TokenMap,
  mentions: Mention[],
  j: number,
  role: RoleInfo,
  info: EntityInfo,
  all: RoleInfo[],
): { end: number; actorEnd: number; skipped: number } | undefined {
  let i = j;
  let k = 0;
  let lastMatched = -1;
  let skipped = 0;
  const seenCountries = new Set<string>();
  while (k < role.canon.length && i < toks.length) {
    if (i > j && toks[i].gap & GAP_HARD) break;
    const mi = at[i];
    const inner = mi >= 0 ? mentions[mi] : undefined;
    if (i > j && mi < 0 && isHonorific(toks[i])) {
      i++;
      continue;
    }
    if (canonToken(toks[i]) === role.canon[k] && !(inner && inner.type === 'person')) {
      if (inner && inner.type === 'country') seenCountries.add(inner.entityId);
      lastMatched = i;
      i++;
      k++;
      continue;
    }
    if (inner && inner.type === 'country') {
      seenCountries.add(inner.entityId);
      i++;
      continue;
    }
    if (role.skippable[k]) {
      k++;
      skipped++;
      continue;
    }
    break;
  }
  if (lastMatched < 0) return undefined;
  // Nisba adjectives right after the matched title (الرئيس الكوبي after the role «الرئيس») name its
  // country too: «الرئيس الكوبي» is no use of a role the article gave with «الرئيس» to another
  // country's president.
  for (let a = lastMatched + 1; a < toks.length && !(toks[a].gap & GAP_HARD); a++) {
    const am = at[a];
    if (am < 0 || mentions[am].type !== 'country' || mentions[am].form !== 'adjective') break;
    seenCountries.add(mentions[am].entityId);
  }
  // A country named here that is not the person's (nor the role's): another minister's aide. A
  // person of no known country never matches a title that names one.
  const country = info.country(role.phrase.entityId);
  for (const c of seenCountries) if (!role.countries.has(c) && c !== country) return undefined;
  const matched = k;
  const min = Math.min(role.canon.length, Math.max(role.chainLen + 2, 3));
  if (matched >= min) {
    const next = toks[lastMatched + 1];
    if (next && !(next.gap & GAP_HARD)) {
      const nm = at[lastMatched + 1];
      if (nm >= 0 && mentions[nm].type === 'person') return undefined;
      if (nm < 0 && !next.hit && !FOLLOWERS.has(next.norm) && !FOLLOWERS.has(next.bare) && !isTitle(next)) {
        // An unknown word right after the title may be a name no pack knows: no guess then.
        if (!next.norm.startsWith('ال') && !next.norm.startsWith('لل')) return undefined;
      }
    }
    // A title that goes on (الرئيس → رئيس الوزراء البريطاني) is no exact use of a shorter one.
    const after = toks[lastMatched + 1];
    const complete = !after || !!(after.gap & GAP_HARD) || !(after.norm.startsWith('ال') || after.norm.startsWith('لل'));
    return { end: lastMatched, actorEnd: lastMatched, skipped: complete ? skipped : 1 + skipped };
  }
  // «كبير مساعدي أمير عبداللهيان»: the governing titles, then a person standing for the governed title.
  if (role.chainLen > 0 && matched === role.chainLen && isTitle(toks[j + role.chainLen - 1])) {
    const p = lastMatched + 1;
    const pm = p < toks.length && !(toks[p].gap & GAP_HARD) ? at[p] : -1;
    if (pm < 0 || mentions[pm].type !== 'person' || mentions[pm].entityId === role.phrase.entityId) return undefined;
    const chain = role.canon.slice(0, role.chainLen).join(' ');
    if (all.some((r) => r !== role && r.phrase.entityId !== role.phrase.entityId && r.canon.slice(0, r.chainLen).join(' ') === chain)) return undefined;
    let actorEnd = p;
    while (actorEnd + 1 < toks.length && at[actorEnd + 1] === pm) actorEnd++;
    return { end: lastMatched, actorEnd, skipped: 0 };
  }
  return undefined;
}

/** Words right after a title that make it someone other than the holder on the date. */
const NOT_THE_HOLDER = wordSet('السابق الأسبق الراحل الجديد المقبل القادم المنتخب المكلف المؤقت بالوكالة بالإنابة الأول الثاني السابقين');

/**
 * A title with no name that names its country (وزير الخارجية الأميركي، الرئيس اليمني، رئيس وزراء العراق):
 * the person the packs say held that office for that country on the article's date, when exactly one
 * did. Titles the article already gave to someone (findTitleHits) and role phrases are left alone.
 */
function findHolders(s: Sentence, at: TokenMap, mentions: Mention[], w: ArticleWork, info: EntityInfo, date: string): void {
  const toks = s.toks;
  const taken = tokenMap(toks.length);
  for (const r of w.roles) if (r.sentence === s) taken.fill(1, r.from, r.to + 1);
  for (const h of w.titleHits) if (h.sentence === s) taken.fill(1, h.from, h.to + 1);
  for (let j = 0; j < toks.length; j++) {
    if (!isTitle(toks[j]) || at[j] >= 0 || taken[j] === 1) continue;
    // The title's words up to the country: title words and their complements, no other mention.
    let c = j + 1;
    while (c < toks.length && c - j <= 5 && at[c] < 0 && !(toks[c].gap & GAP_HARD) && complementWord(toks[c]) && taken[c] !== 1) c++;
    const start = j;
    j = c - 1;
    if (c >= toks.length || at[c] < 0 || toks[c].gap & GAP_HARD) continue;
    const country = mentions[at[c]];
    if (country.type !== 'country') continue;
    // A country's name stands after a title in the construct state (رئيس وزراء العراق), a nisba after any.
    if (country.form === 'name' && (toks[c - 1].norm.startsWith('ال') || toks[c - 1].norm.startsWith('لل'))) continue;
    if (country.form !== 'name' && country.form !== 'adjective') continue;
    let last = c;
    while (last + 1 < toks.length && at[last + 1] === at[c]) last++;
    j = last;
    if (!standsAlone(toks, at, mentions, last)) continue;
    const words: string[] = [];
    let former = false;
    for (let k = start; k < c; k++) {
      if (NOT_THE_HOLDER.has(toks[k].norm)) former = true;
      if (!isHonorific(toks[k])) words.push(canonToken(toks[k]));
    }
    if (former) continue;
    const keys = [titleKey(words)];
    // A title that holds its nisba (رئيس أركان الجيش الإسرائيلي).
    if (country.form === 'adjective') keys.push(titleKey([...words, stem(toks[c].norm)]));
    const found = info.holder!(keys, country.entityId, date);
    if (!found) continue;
    const mention: Mention = {
      start: titleStart(toks[start]),
      end: toks[c - 1].end,
      entityId: found.id,
      type: 'person',
      form: 'title',
      known: true,
      reason: 'holder',
      alias: found.title,
      pack: country.pack,
      article: w.index,
    };
    w.titleHits.push({ sentence: s, from: start, to: last, mention });
  }
  w.titleHits.sort((a, b) => a.mention.start - b.mention.start);
}

/** True when nothing after token `last` makes the title someone's in particular (a name, السابق). */
function standsAlone(toks: Tok[], at: TokenMap, mentions: Mention[], last: number): boolean {
  const next = toks[last + 1];
  if (!next || next.gap & GAP_HARD) return true;
  const nm = at[last + 1];
  if (nm >= 0) return mentions[nm].type !== 'person';
  if (NOT_THE_HOLDER.has(next.norm) || NOT_THE_HOLDER.has(next.bare) || NOT_THE_HOLDER.has(stem(next.norm))) return false;
  // An unknown word that is no function word may be a name no pack knows.
  if (!next.hit && !FOLLOWERS.has(next.norm) && !FOLLOWERS.has(next.bare) && !next.norm.startsWith('ال') && !next.norm.startsWith('لل')) return false;
  return true;
}

/** Mentions with the title mentions merged in, sorted; a title mention that overlaps another is dropped. */
export function mergeMentions(mentions: Mention[], titles: Mention[]): Mention[] {
  if (!titles.length) return mentions;
  const out: Mention[] = [];
  let i = 0;
  for (const t of titles) {
    while (i < mentions.length && mentions[i].start < t.start) out.push(mentions[i++]);
    const prev = out[out.length - 1];
    const next = mentions[i];
    if ((prev && prev.end > t.start) || (next && next.start < t.end)) continue;
    out.push(t);
  }
  while (i < mentions.length) out.push(mentions[i++]);
  return out;
}
