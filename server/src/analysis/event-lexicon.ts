/**
 * The rule lexicon: the words that the meeting, statement and role-phrase rules look for. The words
 * are data, in `knowledge/lexicon/*.json` (validated by `knowledge/lexicon/lexicon.schema.json` in
 * `test/unit/lexicon.test.ts`); the bundles carry them, so the core reads no file. This module gives
 * them types and the shapes the index (sentences.ts) and the rules read.
 *
 * Codes are CAMEO-style: 010 statement, 012/013 pessimistic/optimistic comment, 020 appeal, 036
 * express intent to meet, 040 consult, 041 phone call, 042 visit, 043 host, 044 meet at a third
 * location, 046 negotiate, 051 praise, 100 demand, 111 criticize or condemn, 112 accuse, 130 threaten.
 */
import meetingsData from '../../../knowledge/lexicon/meetings.json';
import statementsData from '../../../knowledge/lexicon/statements.json';
import titlesData from '../../../knowledge/lexicon/titles.json';
import wordsData from '../../../knowledge/lexicon/words.json';

/** A word that must follow the trigger (within `within` tokens) for it to count: «بحث … مع». */
export interface Needs {
  /** Words as written; a word ending in `*` matches any token that starts with it. */
  words: string;
  within: number;
  /** A colon or a quotation mark right after the trigger meets the need too («وتابع: …»). */
  orColon?: boolean;
}

export type Tense = 'past' | 'present';
export type Person = '3ms' | '3fs' | '3md' | '3fd' | '3mp' | '3fp' | '1p' | '1s' | '-';

/** A lemma of meetings.json. */
export interface MeetingRow {
  /** The lemma's id in the file. */
  id: string;
  /** The noun that names the meeting in labels. */
  label: string;
  code: string;
  kind: 'meeting' | 'visit' | 'call';
  needs?: Needs;
  /** Words that, right after a noun form, say it is not a meeting (مؤتمر صحفي). */
  notBefore?: string;
  /** Words after the notBefore word that make it a meeting after all (مؤتمر صحفي مع نظيره). */
  notBeforeUnless?: Needs;
  /** A noun that is a meeting only when named (الحوار الاستراتيجي) or referring to the meeting in focus. */
  namedOnly?: boolean;
  /** Who comes first: the host (استقبل) or the visitor (زار); otherwise the subject. */
  role?: 'host' | 'visit';
}

/** A lemma of statements.json. */
export interface StatementRow {
  id: string;
  /** The verb as labels show it. */
  label: string;
  code: string;
  needs?: Needs;
  /** The code may be refined by the content (CONTENT_CODES), for verbs that say little by themselves. */
  byContent?: boolean;
  /** نقل: the speaker is the party after عن, not the outlet that relays it. */
  relay?: boolean;
}

export interface TitleRow {
  id: string;
  /** A title that takes another title or a noun as its complement (نائب وزير، ولي العهد). */
  construct?: boolean;
  /** Counts only before another title word (كبير مساعدي, not كبير alone). */
  onlyConstruct?: boolean;
  /** A title of honour that stands before another title: «خادم الحرمين الشريفين الملك سلمان». */
  honour?: boolean;
}

/** One form of a lexicon row, as written in the file (not normalized). */
export interface FormRow<R> {
  form: string;
  row: R;
  pos: 'verb' | 'participle' | 'masdar' | 'noun';
  tense: Tense | '-';
  person: Person;
}

interface LemmaFile<L> {
  lemmas: Record<string, L>;
  forms: string[][];
}

/** The lemmas and form rows of one file, each form pointing at its lemma. */
function table<L, R>(file: LemmaFile<L>, make: (id: string, lemma: L) => R): { rows: R[]; forms: FormRow<R>[] } {
  const byId = new Map<string, R>();
  for (const [id, lemma] of Object.entries(file.lemmas)) byId.set(id, make(id, lemma));
  const forms: FormRow<R>[] = [];
  for (const f of file.forms) {
    const row = byId.get(f[1]);
    if (!row) throw new Error(`lexicon: the form ${f[0]} names an unknown lemma ${f[1]}`);
    forms.push({ form: f[0], row, pos: (f[2] ?? 'noun') as FormRow<R>['pos'], tense: (f[3] ?? '-') as Tense | '-', person: (f[4] ?? '-') as Person });
  }
  return { rows: [...byId.values()], forms };
}

/** The lexicon the rules read; `buildLexiconTables` makes one from other data (a test adds a row). */
export interface LexiconTables {
  meetings: FormRow<MeetingRow>[];
  statements: FormRow<StatementRow>[];
  titles: FormRow<TitleRow>[];
}

export interface LexiconFiles {
  meetings: LemmaFile<Omit<MeetingRow, 'id'>>;
  statements: LemmaFile<Omit<StatementRow, 'id'>>;
  titles: LemmaFile<Omit<TitleRow, 'id'>>;
}

export function buildLexiconTables(files: LexiconFiles): LexiconTables {
  return {
    meetings: table(files.meetings, (id, l) => ({ id, ...l })).forms,
    statements: table(files.statements, (id, l) => ({ id, ...l })).forms,
    titles: table(files.titles, (id, l) => ({ id, ...l })).forms,
  };
}

/** The lexicon files as the bundle carries them. */
export const LEXICON_FILES: LexiconFiles = {
  meetings: meetingsData as unknown as LexiconFiles['meetings'],
  statements: statementsData as unknown as LexiconFiles['statements'],
  titles: titlesData as unknown as LexiconFiles['titles'],
};

export const BUILTIN_TABLES: LexiconTables = buildLexiconTables(LEXICON_FILES);

const classes = wordsData.classes as Record<string, { words: string }>;
const phrases = wordsData.phrases as Record<string, { list: string[] }>;
const cls = (name: string): string => {
  const c = classes[name];
  if (!c) throw new Error(`lexicon: words.json has no class ${name}`);
  return c.words;
};

/** Words in a statement's content that decide its code when the verb says little (أعرب عن قلقه → 012). */
export const CONTENT_CODES: { code: string; words: string }[] = Object.entries(wordsData.contentCodes)
  .filter(([code]) => /^\d{3}$/.test(code))
  .map(([code, words]) => ({ code, words }));

export const TITLE_GLUE = cls('titleGlue');
export const DELEGATION = cls('delegation');
export const DUAL_SPEAKERS = cls('dual');
export const DOCUMENTS: { text: string; forms: string }[] = phrases.document.list.map((p) => ({ text: p === 'الإعلان الختامي' ? 'إعلان' : p, forms: p }));
export const DOCUMENT_SHORT = cls('document');
export const GROUP_HEADS = cls('groupHead');
export const OCCASION_MARKERS = phrases.occasion.list;
export const NEGATION_MARKERS = cls('negation');
export const FUTURE_MARKERS = phrases.future.list;
export const LIGHT_VERBS = cls('light');
export const RELATIVES = cls('relative');
export const TOPIC_MARKERS = cls('topic');
export const LIST_STOPS = cls('stop');
export const OUTLETS = cls('outlet');
export const CONTENT_OPENERS = cls('opener');
export const SUBJECT_SKIP = cls('skip');
export const PARTICIPATE = cls('participate');
export const DEMONSTRATIVES = cls('demonstrative');
export const AT_MEETING = cls('at');
export const PLACE_NOUNS = cls('placeNoun');
export const COORDINATORS = cls('coordinator');
export const SUPPORT_VERBS = cls('support');
export const HONORIFICS = cls('honorific');
export const COUNTERPARTS = cls('counterpart');
export const PRONOUN_OBJECTS = cls('pronounObject');
export const AUXILIARIES = cls('auxiliary');
export const IMPERSONALS = cls('impersonal');
