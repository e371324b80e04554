/**
 * Meetings and statements: the outline of each article (article → meetings → statements).
 *
 * The rules run on the sentences that hold a trigger (sentences.ts), token by token, with the lexicon
 * (knowledge/lexicon through event-lexicon.ts); the rules that decide whether a word makes a meeting or
 * a statement and who speaks live in rules/, one family per file, and read the sentence through a
 * SentenceView. For each sentence, actors are found first (named
 * entities, role phrases, title mentions, delegations, «الجانبان», «البيان الختامي», «الدول الضامنة»,
 * described parties such as «سفيري العراق ولبنان»); then meeting triggers, then statement triggers.
 * Mentions of one meeting are merged: «هذا اللقاء» refers to the meeting in focus, and a mention whose
 * participants are a subset or superset of a known meeting's is that meeting.
 */
import {
  CONTENT_CODES,
  DOCUMENT_SHORT,
  DOCUMENTS,
  FUTURE_MARKERS,
  OCCASION_MARKERS,
  TITLE_GLUE,
  type MeetingRow,
} from './event-lexicon';
import { normalizeArabic } from './normalize';
import { canonToken, NO_ENTITY_INFO, type ArticleWork, type EntityInfo, type RoleInfo, type TitleHit } from './roles';
import { GAP_COMMA, GAP_HARD, K, normalizedWords, tokenMap, wordSet, type LexHit, type Sentence, type Tok, type TokenMap } from './sentences';
import type { Article, EventActor, Mention, OutlineNode, Span } from './types';
import { meetingGate } from './rules/meeting-gate';
import { participleSpeaker } from './rules/participle';
import { findSpeaker, type SpeakerFound } from './rules/speaker';
import { newStatement, statementGate } from './rules/statement-gate';
import { SentenceView, type Actor, type ActorKind, type RuleContext } from './rules/view';

interface Meeting {
  row: MeetingRow;
  code: string;
  future: boolean;
  status: 'held' | 'planned' | 'reported';
  selection: Span;
  participants: EventActor[];
  /** Person id → the country whose delegation the person leads. */
  leads: Map<string, string>;
  place?: EventActor;
  placeCountry?: string;
  occasion?: string;
  name?: string;
  spans: Span[];
  statements: OutlineNode[];
}

const DOCS = DOCUMENTS.map((d) => ({ text: d.text, words: normalizedWords(d.forms) }));
const OCCASIONS = OCCASION_MARKERS.map((m) => normalizedWords(m));
const FUTURES = FUTURE_MARKERS.map((m) => normalizedWords(m));
const CONTENT = new Map<string, string>();
for (const c of CONTENT_CODES) for (const w of normalizedWords(c.words)) if (!CONTENT.has(w)) CONTENT.set(w, c.code);
const PARTICIPANT_KINDS = new Set<ActorKind>(['person', 'country', 'organization', 'text', 'group', 'delegation']);
const GIST_MAX = 100;
const NO_OCCASION: { tokens: ReadonlySet<number>; text?: string } = { tokens: new Set<number>() };
const NO_TOPICS: Set<Actor> = new Set<Actor>();
const GLUE = wordSet(TITLE_GLUE);

const is = (k: number, tok: Tok | undefined) => !!tok && (tok.cls & k) !== 0;
const actorKey = (a: EventActor) => ('id' in a ? a.id : `text:${a.text}`);

/** True when the token starts the word sequence `words` (the first word may carry و/ف). */
function startsWords(toks: Tok[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = toks[i + k];
    if (!t) return false;
    if (k > 0 && t.gap & GAP_HARD) return false;
    if (!(t.norm === words[k] || (k === 0 && t.bare === words[k]))) return false;
  }
  return true;
}

/** The state of one article while its sentences are read in order. */
class ArticleEvents {
  readonly meetings: Meeting[] = [];
  readonly direct: OutlineNode[] = [];
  focus: Meeting | undefined;
  /** Named groups of states: canonical adjective (ضامنه) → countries. */
  readonly groups = new Map<string, EventActor[]>();
  lastDocument: { text: string; meeting?: Meeting } | undefined;
  lastOccasion: string | undefined;
  lastSpeakers: { speakers: EventActor[]; sentence: number } | undefined;

  constructor(
    readonly text: string,
    readonly w: ArticleWork,
    readonly mentions: Mention[],
    readonly info: EntityInfo,
  ) {}

  private readonly rolesOf = new Map<Sentence, RoleInfo[]>();
  private readonly hitsOf = new Map<Sentence, TitleHit[]>();

  run(): OutlineNode {
    for (const r of this.w.roles) push(this.rolesOf, r.sentence, r);
    for (const h of this.w.titleHits) push(this.hitsOf, h.sentence, h);
    // Only sentences with a trigger can hold a meeting, a statement or what they need (groups, documents).
    const sentences: Sentence[] = [];
    const maps: TokenMap[] = [];
    this.w.sentences.forEach((s, k) => {
      if (!s.triggers) return;
      sentences.push(s);
      maps.push(this.w.maps[k]);
    });
    sentences.forEach((s, k) => this.defineGroups(s, maps[k]));
    sentences.forEach((s, k) => this.sentence(s, maps[k], k));
    return this.outline();
  }

  /** «البلدان الضامنة لعملية أستانا “روسيا وإيران وتركيا”»: the group's members, for «الدول الضامنة» later. */
  private defineGroups(s: Sentence, at: TokenMap): void {
    const toks = s.toks;
    for (let i = 0; i + 1 < toks.length; i++) {
      if (!is(K.GROUP_HEAD, toks[i]) || toks[i + 1].gap & GAP_HARD || !toks[i + 1].norm.startsWith('ال')) continue;
      const key = canonToken(toks[i + 1]);
      if (this.groups.has(key)) continue;
      const members: EventActor[] = [];
      for (let k = i + 2; k < toks.length && k <= i + 10; k++) {
        const mi = at[k];
        if (mi >= 0 && this.mentions[mi].type === 'country' && this.mentions[mi].form === 'name') {
          const id = this.mentions[mi].entityId;
          if (!members.some((m) => 'id' in m && m.id === id)) members.push({ id });
        } else if (members.length && toks[k].gap & GAP_COMMA) break;
      }
      if (members.length >= 2) this.groups.set(key, members);
    }
  }

  // ---------------------------------------------------------------- actors

  private actors(s: Sentence, at: TokenMap): { list: Actor[]; of: TokenMap } {
    const toks = s.toks;
    const list: Actor[] = [];
    const of = tokenMap(toks.length);
    const place = (a: Actor, override = false) => {
      for (let k = a.from; k <= a.to; k++) if (!override && of[k] >= 0) return;
      const index = list.length;
      list.push(a);
      for (let k = a.from; k <= a.to; k++) of[k] = index;
    };
    const mentionEnd = (k: number) => {
      let e = k;
      while (e + 1 < toks.length && at[e + 1] >= 0 && at[e + 1] === at[k]) e++;
      return e;
    };
    for (const r of this.rolesOf.get(s) ?? []) {
      const id = r.name.reason === 'candidate' ? this.surnameOf(r.name, this.mentions.indexOf(r.name)) : r.phrase.entityId;
      if (r.after) {
        // «عادل الجبير وزير الخارجية السعودي»: the name, then its title.
        let first = r.from - 1;
        while (first > 0 && at[first - 1] >= 0 && at[first - 1] === at[r.from - 1]) first--;
        place({ from: first, to: r.to, kind: 'person', actors: [{ id }] });
      } else place({ from: r.from, to: mentionEnd(r.to + 1), kind: 'person', actors: [{ id }] });
    }
    for (const h of this.hitsOf.get(s) ?? []) place({ from: h.from, to: h.to, kind: 'person', actors: [{ id: h.mention.entityId }] });
    for (let k = 0; k < toks.length; k++) {
      const mi = at[k];
      if (mi < 0 || (k > 0 && at[k - 1] === mi)) continue;
      const m = this.mentions[mi];
      const kind: ActorKind = m.form === 'adjective' ? 'adjective' : m.type;
      place({ from: k, to: mentionEnd(k), kind, actors: [{ id: m.reason === 'candidate' ? this.surnameOf(m, mi) : m.entityId }] });
    }
    for (let k = 0; k < toks.length; k++) {
      const tok = toks[k];
      if (of[k] >= 0) continue;
      if (tok.hit?.kind === 'dual') {
        place({ from: k, to: k, kind: 'dual', actors: [] });
        continue;
      }
      const doc = is(K.MULTI, tok) ? DOCS.find((d) => startsWords(toks, k, d.words)) : undefined;
      if (doc) {
        place({ from: k, to: k + doc.words.length - 1, kind: 'document', actors: [{ text: doc.text }], text: doc.text });
        continue;
      }
      if (is(K.DOCUMENT, tok)) {
        const t = this.lastDocument?.text ?? DOCUMENT_SHORT;
        place({ from: k, to: k, kind: 'document', actors: [{ text: t }], text: t });
        continue;
      }
      if (is(K.GROUP_HEAD, tok) && toks[k + 1] && !(toks[k + 1].gap & GAP_HARD) && toks[k + 1].norm.startsWith('ال') && of[k + 1] < 0 && !toks[k + 1].hit) {
        const members = this.groups.get(canonToken(toks[k + 1]));
        const label = this.text.slice(tok.start + (tok.bare !== tok.norm ? 1 : 0), toks[k + 1].end);
        place({ from: k, to: k + 1, kind: 'group', actors: [{ text: label }, ...(members ?? [])] });
        k++;
        continue;
      }
      if (tok.hit?.kind === 'title') {
        // A title no role phrase resolves: a described party kept as text (سفيري العراق ولبنان).
        let e = k;
        let sawMention = false;
        while (e + 1 < toks.length && e - k < 10) {
          const n = toks[e + 1];
          if (n.gap & GAP_HARD) break;
          const a = of[e + 1];
          if (a >= 0) {
            const other = list[a];
            if (other.kind === 'person' || other.kind === 'dual' || other.kind === 'document') break;
            if (n.norm !== n.bare && !sawMention) break;
            sawMention = true;
            e = other.to;
            continue;
          }
          if (n.hit && n.hit.kind !== 'title') break;
          if (!(n.norm.startsWith('ال') || n.norm.startsWith('لل') || (n.norm.startsWith('ل') && n.norm.length >= 5) || n.hit || GLUE.has(n.norm))) break;
          if (n.norm.startsWith('وال')) break;
          e++;
        }
        const start = tok.start + (tok.bare !== tok.norm && tok.hit.pre.startsWith(tok.norm[0]) ? 1 : 0);
        place({ from: k, to: e, kind: 'text', actors: [{ text: this.text.slice(start, toks[e].end) }] }, true);
        k = e;
      }
    }
    // Delegations: «وفد الجمهورية العربية السورية برئاسة … أيمن سوسان», «ووفود البلدان الضامنة … “روسيا وإيران وتركيا”».
    for (let k = 0; k < toks.length; k++) {
      if (toks[k].hit?.kind !== 'delegation') continue;
      let end = k + 1;
      while (end < toks.length && toks[end].hit?.kind !== 'delegation' && !(toks[end].gap & GAP_COMMA)) end++;
      const countries: string[] = [];
      let person: EventActor | undefined;
      for (let t = k + 1; t < end; t++) {
        const a = of[t];
        if (a < 0) continue;
        const actor = list[a];
        if (actor.kind === 'country' && !person) for (const x of actor.actors) if ('id' in x) countries.push(x.id);
        if (actor.kind === 'adjective' && t === k + 1) for (const x of actor.actors) if ('id' in x) countries.push(x.id);
        if (actor.kind === 'person' && !person) person = actor.actors[0];
        t = Math.max(t, actor.to);
      }
      if (!person && !countries.length) continue;
      // The delegation covers its words up to its head, or up to its last country when it has none.
      let last = k;
      for (let t = k + 1; t < end; t++) {
        const a = of[t] >= 0 ? list[of[t]] : undefined;
        if (a && ((person && a.actors[0] === person) || (!person && a.kind === 'country'))) last = a.to;
        if (person && a && a.actors[0] === person) break;
      }
      const d: Actor = person
        ? { from: k, to: last, kind: 'delegation', actors: [person], ...(countries[0] ? { leadsFor: countries[0] } : {}) }
        : { from: k, to: last, kind: 'delegation', actors: countries.map((id) => ({ id })) };
      place(d, true);
      k = end - 1;
    }
    return { list, of };
  }

  // ---------------------------------------------------------------- sentences

  private sentence(s: Sentence, at: TokenMap, index: number): void {
    const toks = s.toks;
    const { list, of } = this.actors(s, at);
    const view = new SentenceView(s, at, of, list, this.mentions);
    // Occasions and topics matter to meetings only; most sentences hold statements alone.
    const hasMeeting = toks.some((t) => t.hit?.kind === 'meeting');
    const occasion = hasMeeting ? this.occasions(toks) : NO_OCCASION;
    const topics = hasMeeting ? this.topics(toks, list, of) : NO_TOPICS;
    let sentenceMeeting: Meeting | undefined;
    let duringMeeting: Meeting | undefined;
    const statementVerbs: number[] = [];
    toks.forEach((t, i) => t.hit?.kind === 'statement' && statementVerbs.push(i));
    const firstStatement = statementVerbs.length ? statementVerbs[0] : toks.length;

    for (let i = 0; i < toks.length; i++) {
      const hit = toks[i].hit;
      if (hit?.kind !== 'meeting') continue;
      if (!meetingGate(view, i, hit, hit.pos === 'noun' && this.modified(toks, i, of), !!this.focus)) continue;
      if (occasion.tokens.has(i)) continue;
      if (this.negated(toks, i)) continue;
      const during = i > 0 && is(K.AT, toks[i - 1]) ? true : i > 1 && is(K.AT, toks[i - 2]) && is(K.DEMONSTRATIVE, toks[i - 1]);
      // A meeting noun inside what someone said is a topic (أكد أهمية الاجتماع), unless it places the statement.
      if (hit.pos === 'noun' && i > firstStatement && !during && !is(K.DEMONSTRATIVE, toks[i - 1])) continue;
      const future = hit.tense === 'future' || this.futureMarked(toks, i);
      const found = this.participants(toks, i, hit, list, of, topics, occasion.tokens);
      const reference = hit.pos === 'noun' && (is(K.DEMONSTRATIVE, toks[i - 1]) || is(K.DEMONSTRATIVE, toks[i + 1]) || (hit.definite && !this.modified(toks, i, of)));
      let meeting: Meeting | undefined;
      const focus = this.focus;
      if (reference && focus && found.participants.length && (!focus.participants.length || compatible(focus, found.participants))) {
        meeting = focus;
      } else if (!found.participants.length) {
        // A named meeting (اللقاء الشهري) is not the one the sentence already holds.
        if (sentenceMeeting && !(hit.pos === 'noun' && !hit.suffix && this.modified(toks, i, of))) meeting = sentenceMeeting;
        else if (reference && this.focus) meeting = this.focus;
        else if (!hit.definite && hit.pos === 'noun' && !this.modified(toks, i, of) && this.focus && hit.suffix) meeting = this.focus;
      } else {
        meeting = sentenceMeeting && compatible(sentenceMeeting, found.participants) ? sentenceMeeting : this.recentCompatible(found.participants);
      }
      const span = { start: toks[i].start, end: toks[i].end };
      if (!meeting) {
        meeting = {
          row: hit.row,
          code: future ? '036' : hit.row.code,
          future,
          status: future ? 'planned' : i > firstStatement && !during ? 'reported' : 'held',
          selection: span,
          participants: [],
          leads: new Map(),
          spans: [],
          statements: [],
        };
        if (hit.pos === 'noun' && this.modified(toks, i, of)) meeting.name = this.nameOf(toks, i);
        this.meetings.push(meeting);
      }
      for (const p of found.participants) addParticipant(meeting, p.actor, p.leadsFor);
      meeting.spans.push(s.paragraph);
      if (!meeting.place && found.visited) {
        meeting.place = { id: found.visited };
        meeting.placeCountry = this.info.country(found.visited);
      }
      if (!meeting.place) {
        const place = this.placeOf(toks, i, list, of, occasion.tokens, topics);
        if (place) {
          meeting.place = place.actor;
          if (place.country) meeting.placeCountry = place.country;
        }
      }
      if (occasion.text && !meeting.occasion) meeting.occasion = occasion.text;
      sentenceMeeting = meeting;
      if (during || hit.suffix) duringMeeting = meeting;
      this.focus = meeting;
    }
    if (occasion.text) this.lastOccasion = occasion.text;

    // Documents are the final statement of the meeting they are named with, or of the meeting in focus.
    for (const a of list) {
      if (a.kind !== 'document') continue;
      const last = this.lastDocument;
      const meeting = sentenceMeeting ?? (last && last.text === a.text ? last.meeting : undefined) ?? this.focus;
      this.lastDocument = { text: a.text!, meeting };
    }

    const sentenceDocument = list.find((a) => a.kind === 'document');
    let prevTop: { i: number; hit: Extract<LexHit, { kind: 'statement' }> } | undefined;
    const tops: { i: number; node: OutlineNode; contentFrom: number; meeting?: Meeting }[] = [];
    for (const i of statementVerbs) {
      const hit = toks[i].hit as Extract<LexHit, { kind: 'statement' }>;
      if (!statementGate(view, i, hit)) continue;
      if (hit.pos === 'verb' && prevTop && !newStatement(view, i, hit, prevTop.hit)) continue;
      const ctx: RuleContext = {
        text: this.text,
        v: view,
        meetingParties: (sentenceMeeting ?? this.focus)?.participants,
        sentenceParties: sentenceMeeting?.participants,
      };
      const sp: SpeakerFound = hit.pos === 'verb' ? findSpeaker(ctx, i, hit) : { speakers: [], contentFrom: i + 1 };
      let speakers = sp.speakers;
      if (!speakers.length && hit.pos === 'participle') speakers = participleSpeaker(ctx, i, tops.length ? tops[tops.length - 1].node.speakers : undefined);
      if (!speakers.length && hit.pos === 'masdar' && sentenceMeeting) speakers = sentenceMeeting.participants.slice();
      prevTop = { i, hit };
      if (!speakers.length && this.lastSpeakers && index - this.lastSpeakers.sentence <= 1) speakers = this.lastSpeakers.speakers;
      if (speakers.length) this.lastSpeakers = { speakers, sentence: index };
      let meeting = sentenceMeeting;
      if (!meeting && sp.byDocument) meeting = this.lastDocument?.meeting;
      if (!meeting) {
        const last = this.lastDocument;
        if (sentenceDocument && last && last.text === sentenceDocument.text) meeting = last.meeting;
      }
      if (meeting && meeting === duringMeeting) {
        for (const a of speakers.slice().reverse()) if ('id' in a) addParticipant(meeting, a, undefined, true);
      }
      const node: OutlineNode = {
        kind: 'statement',
        label: '',
        start: s.start,
        end: s.end,
        selectionStart: toks[sp.anchor ?? i].start,
        selectionEnd: toks[sp.anchor ?? i].end,
        code: hit.row.code,
        speakers,
        tense: this.tenseOf(toks, i, hit, tops.length ? tops[tops.length - 1].node.tense : undefined),
        children: [],
      };
      tops.push({ i, node, contentFrom: sp.contentFrom, meeting });
    }
    tops.forEach((t, k) => {
      const contentTo = k + 1 < tops.length ? tops[k + 1].i : toks.length;
      const hit = toks[t.i].hit as Extract<LexHit, { kind: 'statement' }>;
      const from = this.skipToContent(toks, t.contentFrom, contentTo, list, of);
      if (hit.row.byContent) {
        for (let c = from; c < contentTo; c++) {
          const code = CONTENT.get(toks[c].norm) ?? CONTENT.get(toks[c].bare);
          if (code) {
            t.node.code = code;
            break;
          }
        }
      }
      const gist = from < contentTo ? this.gist(toks[from].start, toks[contentTo - 1].end) : '';
      const verb = hit.row.relay ? 'قال' : hit.row.label;
      const who = this.speakerLabel(t.node.speakers ?? []);
      t.node.label = `${verb}${who ? ` — ${who}` : ''}${gist ? `: ${gist}` : ''}`;
      if (t.meeting) {
        t.meeting.statements.push(t.node);
        t.meeting.spans.push(s.paragraph);
      } else this.direct.push(t.node);
    });
  }

  /**
   * A one-word candidate name that is the last word of a known person named earlier in the article
   * («الرئيس هادي» after «عبد ربه منصور هادي») is that person; otherwise the candidate stays.
   */
  private surnameOf(m: Mention, index: number): string {
    const word = normalizeArabic(this.text.slice(m.start, m.end));
    if (word.includes(' ')) return m.entityId;
    const from = this.w.article.start;
    for (let k = index - 1; k >= 0 && this.mentions[k].start >= from; k--) {
      const o = this.mentions[k];
      if (o.type !== 'person' || !o.known || o.form !== 'name') continue;
      const alias = normalizeArabic(o.alias);
      if (alias.includes(' ') && alias.endsWith(' ' + word)) return o.entityId;
    }
    return m.entityId;
  }

  /**
   * The tense of a statement: its verb's (the row's, future with س); a participle's is its sentence's
   * last statement's (past when none); a masdar's is its support verb's (تم past, يتم present, سيتم future).
   */
  private tenseOf(toks: Tok[], i: number, hit: Extract<LexHit, { kind: 'statement' }>, last: OutlineNode['tense']): 'past' | 'present' | 'future' {
    if (hit.pos === 'verb') return hit.tense;
    if (hit.pos === 'participle') return last ?? 'past';
    const support = toks[i - 1]?.bare ?? '';
    if (support.startsWith('س')) return 'future';
    return support.startsWith('ي') || support === 'تتم' || support === 'تجري' ? 'present' : 'past';
  }

  /** The earliest of the last 50 meetings whose participants fit (older ones are not searched, to stay linear). */
  private recentCompatible(participants: { actor: EventActor }[]): Meeting | undefined {
    for (let k = Math.max(0, this.meetings.length - 50); k < this.meetings.length; k++) if (compatible(this.meetings[k], participants)) return this.meetings[k];
    return undefined;
  }

  private negated(toks: Tok[], i: number): boolean {
    for (let k = Math.max(0, i - 4); k < i; k++) {
      if (is(K.NEGATION, toks[k])) return true;
      const h = toks[k].hit;
      if (h?.kind === 'statement' && h.row.label === 'نفى') return true;
    }
    return false;
  }

  private futureMarked(toks: Tok[], i: number): boolean {
    for (let k = Math.max(0, i - 5); k < i; k++) if (is(K.MULTI, toks[k]) && FUTURES.some((f) => startsWords(toks, k, f))) return true;
    return false;
  }

  /** A meeting noun with its own modifiers (الاجتماع الدولي العشرين، قمة ثلاثية): a named meeting. */
  private modified(toks: Tok[], i: number, of: TokenMap): boolean {
    const n = toks[i + 1];
    if (!n || n.gap & GAP_HARD) return false;
    if (of[i + 1] >= 0) return false;
    if (n.hit) return false;
    return (n.norm.startsWith('ال') && n.norm.length >= 4 && !is(K.DEMONSTRATIVE, n)) || /^\d+$/.test(n.norm);
  }

  private nameOf(toks: Tok[], i: number): string {
    let e = i;
    while (e + 1 < toks.length && e - i < 7 && !(toks[e + 1].gap & GAP_HARD) && !toks[e + 1].hit) e++;
    return this.text.slice(toks[i].start, toks[e].end);
  }

  /** «على هامش الاجتماع العشرين …،»: the tokens of occasion phrases and the occasion's text. */
  private occasions(toks: Tok[]): { tokens: ReadonlySet<number>; text?: string } {
    if (!toks.some((t) => t.cls & K.MULTI)) return NO_OCCASION;
    const tokens = new Set<number>();
    let text: string | undefined;
    for (let i = 0; i < toks.length; i++) {
      const marker = is(K.MULTI, toks[i]) ? OCCASIONS.find((m) => startsWords(toks, i, m)) : undefined;
      if (!marker) continue;
      const from = i + marker.length;
      let e = from;
      while (e < toks.length && e - from < 10 && (e === from || !(toks[e].gap & GAP_COMMA))) tokens.add(e++);
      for (let k = i; k < from; k++) tokens.add(k);
      if (e > from && !text) {
        const demonstrative = is(K.DEMONSTRATIVE, toks[from]);
        text = demonstrative && this.lastOccasion ? this.lastOccasion : this.text.slice(toks[from].start, toks[e - 1].end);
      }
      i = e - 1;
    }
    return { tokens, text };
  }

  /** Actors that follow a topic word (حول سوريا، بشأن …) name what is talked about, not who meets. */
  private topics(toks: Tok[], list: Actor[], of: TokenMap): Set<Actor> {
    const out = new Set<Actor>();
    for (let i = 0; i + 1 < toks.length; i++) {
      if (!is(K.TOPIC, toks[i])) continue;
      let k = i + 1;
      while (k < toks.length && of[k] >= 0) {
        const a = list[of[k]];
        out.add(a);
        k = a.to + 1;
        if (!(toks[k] && toks[k].norm.startsWith('و') && of[k] >= 0)) break;
      }
    }
    return out;
  }

  private placeOf(toks: Tok[], around: number, list: Actor[], of: TokenMap, occasion: ReadonlySet<number>, topics: Set<Actor>): { actor: EventActor; country?: string } | undefined {
    // Within a window around the trigger, so that a very long sentence stays linear.
    for (let i = Math.max(0, around - 30); i + 1 < toks.length && i <= around + 30; i++) {
      if (toks[i].bare !== 'في' || occasion.has(i)) continue;
      // «في موسكو» after the trigger, a participant or a time word; not «الوضع في سوريا».
      const prev = toks[i - 1];
      const prevActor = i > 0 && of[i - 1] >= 0 ? list[of[i - 1]] : undefined;
      if (i > 2 && prev && !(prev.hit?.kind === 'meeting' || is(K.SKIP, prev) || (prevActor && PARTICIPANT_KINDS.has(prevActor.kind)))) continue;
      const a = of[i + 1] >= 0 ? list[of[i + 1]] : undefined;
      if (a && !topics.has(a) && (a.kind === 'location' || a.kind === 'country')) {
        const id = (a.actors[0] as { id: string }).id;
        return { actor: { id }, country: this.info.country(id) };
      }
      if (is(K.PLACE_NOUN, toks[i + 1]) && of[i + 2] >= 0 && list[of[i + 2]].kind === 'adjective') {
        const adj = list[of[i + 2]];
        const id = (adj.actors[0] as { id: string }).id;
        return { actor: { text: this.text.slice(toks[i + 1].start, toks[adj.to].end) }, country: this.info.country(id) };
      }
    }
    return undefined;
  }

  private participants(
    toks: Tok[],
    i: number,
    hit: Extract<LexHit, { kind: 'meeting' }>,
    list: Actor[],
    of: TokenMap,
    topics: Set<Actor>,
    occasion: ReadonlySet<number>,
  ): { participants: { actor: EventActor; leadsFor?: string }[]; visited?: string } {
    const out: { actor: EventActor; leadsFor?: string }[] = [];
    let visited: string | undefined;
    const take = (a: Actor | undefined) => {
      if (!a || topics.has(a) || !PARTICIPANT_KINDS.has(a.kind)) return false;
      if (a.kind === 'group' && a.actors.length > 1) for (const x of a.actors.slice(1)) out.push({ actor: x });
      else for (const x of a.actors) out.push({ actor: x, leadsFor: a.leadsFor });
      return true;
    };
    const actorAt = (k: number) => (k >= 0 && k < toks.length && of[k] >= 0 ? list[of[k]] : undefined);
    // «وشارك في الاجتماع وفد …»: everyone named after the meeting noun (and between the verb and it).
    const participation = hit.pos === 'noun' && ((toks[i - 1]?.bare === 'في' && is(K.PARTICIPATE, toks[i - 2])) || is(K.PARTICIPATE, toks[i - 1]));
    if (participation) {
      for (let k = Math.max(0, i - 60); k < toks.length && k <= i + 60; k++) {
        if (k === i) continue;
        const a = actorAt(k);
        if (a && !occasion.has(k)) {
          take(a);
          k = a.to;
        }
      }
      return { participants: out };
    }
    if (hit.pos === 'verb') {
      const before = actorAt(i - 1);
      let from = i + 1;
      if (before && !(toks[i].gap & GAP_HARD) && PARTICIPANT_KINDS.has(before.kind)) take(before);
      else {
        let k = i + 1;
        while (k < toks.length && is(K.SKIP, toks[k]) && k - i <= 3) k++;
        const after = actorAt(k);
        if (after && !(toks[k].gap & GAP_HARD) && take(after)) from = after.to + 1;
      }
      this.objects(toks, from, list, of, topics, occasion, (a) => {
        // «زار لافروف دمشق»: the visited place, not a participant.
        if (hit.row.role === 'visit' && (a.kind === 'location' || a.kind === 'country') && !visited) {
          visited = (a.actors[0] as { id: string }).id;
          return false;
        }
        return take(a);
      });
    } else {
      // «عقد الجانبان لقاء», «أجرى الوزير محادثات»: the subject of the light verb meets.
      for (let k = i - 1; k >= Math.max(0, i - 12); k--) {
        if (!is(K.LIGHT, toks[k])) continue;
        const subj = actorAt(k + 1) ?? actorAt(k - 1);
        if (subj) take(subj);
        break;
      }
      const after = actorAt(i + 1);
      let from = i + 1;
      if (after && !(toks[i + 1].gap & GAP_HARD) && take(after)) from = after.to + 1;
      // «اتصالا هاتفيا مع …», «لقاء بين …»: the parties after مع or بين, a few words on.
      for (let k = from; k < toks.length && k <= from + 3; k++) {
        if (toks[k].bare === 'مع' || toks[k].bare === 'بين') {
          this.objects(toks, k, list, of, topics, occasion, take);
          break;
        }
        // «محادثات في دمشق مع …»: a place may stand before مع.
        if ((of[k] >= 0 && list[of[k]].kind !== 'location') || toks[k].hit?.kind === 'statement') break;
      }
    }
    return { participants: out, ...(visited ? { visited } : {}) };
  }

  /** Who the subject meets: actors after the verb (مع X، X و Y), up to a list stop or another clause. */
  private objects(toks: Tok[], from: number, list: Actor[], of: TokenMap, topics: Set<Actor>, occasion: ReadonlySet<number>, take: (a: Actor) => boolean): void {
    let found = 0;
    let skipped = 0;
    for (let k = from; k < toks.length && k - from < 24; k++) {
      const t = toks[k];
      if (occasion.has(k)) continue;
      if (found && t.gap & GAP_COMMA && !(t.norm.startsWith('و') && of[k] >= 0)) break;
      if (t.hit && (t.hit.kind === 'statement' || (t.hit.kind === 'meeting' && t.hit.pos === 'verb'))) break;
      if (is(K.STOP, t) || is(K.RELATIVE, t)) break;
      if (is(K.TOPIC, t)) {
        // Skip the topic's actors.
        let e = k + 1;
        while (e < toks.length && of[e] >= 0 && topics.has(list[of[e]])) e = list[of[e]].to + 1;
        k = e - 1;
        continue;
      }
      const a = of[k] >= 0 ? list[of[k]] : undefined;
      if (!a) {
        // After the first party, the list goes on only with و (X و Y), not over other words; before it,
        // a few words may stand (اليوم، في لقاءين منفصلين مع), not a whole clause (لخفض التوتر بين …).
        if (found || ++skipped > 6 || (t.bare === 'بين' && k > from)) break;
        continue;
      }
      if (take(a)) found++;
      k = a.to;
    }
  }

  /** Skips what stands between the subject and what was said: «في هذا اللقاء»، «، خلال لقاء …،»، «على»، «أن». */
  private skipToContent(toks: Tok[], from: number, to: number, list: Actor[], of: TokenMap): number {
    let k = from;
    for (let guard = 0; guard < 6 && k < to; guard++) {
      const t = toks[k];
      // A parenthetical between commas that opens with a preposition: «، خلال لقاء …،».
      if (t.gap & GAP_COMMA && is(K.AT, t)) {
        let e = k + 1;
        while (e < to && !(toks[e].gap & GAP_COMMA)) e++;
        if (e < to) {
          k = e;
          continue;
        }
      }
      if (is(K.AT, t)) {
        let e = k + 1;
        if (is(K.DEMONSTRATIVE, toks[e])) e++;
        const n = toks[e];
        if (n && (n.hit?.kind === 'meeting' || (of[e] >= 0 && list[of[e]].kind === 'document'))) {
          e = of[e] >= 0 ? list[of[e]].to + 1 : e + 1;
          k = e;
          continue;
        }
      }
      // The document's meeting: «البيان الختامي للاجتماع الدولي الـ 20 … أن».
      if (t.hit?.kind === 'meeting' && t.hit.pos === 'noun' && k === from) {
        let e = k + 1;
        while (e < to && e - k < 14 && !is(K.OPENER, toks[e])) e++;
        if (e < to) {
          k = e;
          continue;
        }
      }
      if (is(K.OPENER, t)) {
        k++;
        continue;
      }
      break;
    }
    return k;
  }

  private gist(start: number, end: number): string {
    // Punctuation is trimmed at both ends by hand (linear, no regex over long runs), and spaces folded.
    const lead = '،,:؛;"“”«»-–— \t\n\r\u00a0';
    const trail = '،,:؛;.-–— \t\n\r\u00a0';
    while (start < end && lead.includes(this.text[start])) start++;
    const cutEarly = end > start + GIST_MAX * 2;
    if (cutEarly) end = start + GIST_MAX * 2;
    while (end > start && trail.includes(this.text[end - 1])) end--;
    const s = foldSpaces(this.text.slice(start, end));
    if (s.length <= GIST_MAX && !cutEarly) return s;
    const cut = s.lastIndexOf(' ', GIST_MAX);
    return s.slice(0, cut > GIST_MAX / 2 ? cut : GIST_MAX).replace(/[\s،,:؛;]+$/, '') + '…';
  }

  private name(a: EventActor, short: boolean): string {
    if ('text' in a) return a.text;
    if (a.id.startsWith('candidate:')) return a.id.slice(10);
    return (short ? this.info.shortName(a.id) : undefined) ?? this.info.name(a.id) ?? a.id;
  }

  private speakerLabel(speakers: EventActor[]): string {
    const text = speakers.find((a) => 'text' in a);
    if (text && speakers.length > 1 && 'text' in speakers[0]) return (speakers[0] as { text: string }).text;
    return speakers.map((a) => this.name(a, true)).join('، ');
  }

  // ---------------------------------------------------------------- outline

  private outline(): OutlineNode {
    const { article } = this.w;
    const children: OutlineNode[] = [...this.direct];
    for (const m of this.meetings) {
      let start = m.selection.start;
      let end = m.selection.end;
      for (const sp of m.spans) {
        start = Math.min(start, sp.start);
        end = Math.max(end, sp.end);
      }
      for (const st of m.statements) {
        start = Math.min(start, st.start);
        end = Math.max(end, st.end);
      }
      let code = m.code;
      if (code === '040' && m.placeCountry && m.participants.length >= 2) {
        const countries = m.participants.map((p) => ('id' in p ? this.info.country(p.id) : undefined));
        if (countries.every((c) => c !== undefined && c !== m.placeCountry)) code = '044';
      }
      const names = m.participants.map((p) => this.name(p, false));
      const who = names.length ? names.join(names.length === 2 ? ' ↔ ' : '، ') : (m.name ?? '');
      const node: OutlineNode = {
        kind: 'meeting',
        label: `${m.row.label}${who ? `: ${who}` : ''}`,
        start,
        end,
        selectionStart: m.selection.start,
        selectionEnd: m.selection.end,
        code,
        participants: m.participants,
        status: m.status,
        children: m.statements.sort((a, b) => a.selectionStart - b.selectionStart),
      };
      if (m.place) node.place = m.place;
      if (m.occasion) node.occasion = m.occasion;
      children.push(node);
    }
    children.sort((a, b) => a.selectionStart - b.selectionStart);
    const headline = article.headline;
    const label = headline ? this.text.slice(headline.start, headline.end).trim() : this.firstLine(article);
    const sel = headline ?? { start: article.start, end: article.start + label.length };
    return {
      kind: 'article',
      label: label.length > 120 ? label.slice(0, 119) + '…' : label,
      start: article.start,
      end: article.end,
      selectionStart: sel.start,
      selectionEnd: Math.min(sel.end, article.end),
      children,
    };
  }

  private firstLine(article: Article): string {
    const text = this.text.slice(article.start, Math.min(article.end, article.start + 400));
    const line = text.split('\n').find((l) => l.trim()) ?? '';
    return line.trim().slice(0, 80);
  }
}

/** What the regular expression \s matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.replace(/\s+/g, ' ')`, without building a new string when every run is one plain space already. */
export function foldSpaces(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) continue;
    let j = i + 1;
    while (j < s.length && isSpace(s.charCodeAt(j))) j++;
    if (c !== 32 || j !== i + 1) {
      out += s.slice(from, i) + ' ';
      from = j;
    }
    i = j - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Two mentions name the same meeting when one's participants include the other's. */
function compatible(m: Meeting, participants: { actor: EventActor }[]): boolean {
  if (!m.participants.length || !participants.length) return false;
  const mine = new Set(m.participants.map(actorKey));
  for (const [person, country] of m.leads) {
    mine.add(person);
    mine.add(country);
  }
  const theirs = new Set(participants.map((p) => actorKey(p.actor)));
  const sub = [...theirs].every((k) => mine.has(k));
  const sup = [...mine].every((k) => theirs.has(k) || [...m.leads.values()].includes(k));
  return sub || sup;
}

/** Adds a participant; a person who leads a country's delegation takes that country's place. */
function addParticipant(m: Meeting, actor: EventActor, leadsFor?: string, front = false): void {
  const key = actorKey(actor);
  if (m.participants.some((p) => actorKey(p) === key)) return;
  if (leadsFor && 'id' in actor) {
    m.leads.set(actor.id, leadsFor);
    const at = m.participants.findIndex((p) => 'id' in p && p.id === leadsFor);
    if (at >= 0) {
      m.participants[at] = actor;
      return;
    }
  }
  if ('id' in actor && [...m.leads].some(([person, country]) => country === actor.id && m.participants.some((p) => 'id' in p && p.id === person))) return;
  if (front) m.participants.unshift(actor);
  else m.participants.push(actor);
}

/**
 * The outline node of one article: its meetings with their statements, and statements made outside
 * any meeting. `w` is what articleRoles found in the article (its trigger sentences with their
 * mention maps, role phrases and title mentions); `mentions` are the mentions those maps index.
 */
export function articleOutline(text: string, w: ArticleWork, mentions: Mention[], info: EntityInfo = NO_ENTITY_INFO): OutlineNode {
  return new ArticleEvents(text, w, mentions, info).run();
}
