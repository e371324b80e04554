/**
 * The plain data that the analysis core returns. Every offset is a UTF-16 code unit index into the
 * original text (a JavaScript string index); every span is half-open, `[start, end)`.
 * Nothing here knows about LSP or VS Code.
 */
import type { DateSource, OwnDate } from './dates';

export type EntityType = 'person' | 'country' | 'location' | 'organization';

/** How a mention refers to its entity: by a name, by a nisba adjective, or by a role phrase. */
export type MentionForm = 'name' | 'adjective' | 'title';

/** Why a mention matched; shown in hover cards and JSON output. */
export type MatchReason =
  | 'alias' // a pack alias or the entity's main name, safe alone
  | 'nisba' // a nisba adjective generated from the pack's stems
  | 'short' // a pack alias marked short (a surname), safe alone
  | 'linked' // a short form linked to the full name seen earlier in the same article
  | 'role' // a role phrase that the article gives to a named person
  | 'holder' // a title naming its country, whose one holder on the article's date the packs give
  | 'candidate'; // a name no pack knows, found from its context (a title, a head noun)

export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  /** Knowledge-base id (`country:SY`), or `candidate:<normalized text>` for unknown names. */
  entityId: string;
  type: EntityType;
  form: MentionForm;
  /** False for candidate names that no pack knows. */
  known: boolean;
  reason: MatchReason;
  /** The alias as written in the pack (or the generated nisba form) that matched. */
  alias: string;
  /** Id of the pack that supplied the alias. */
  pack: string;
  /** Index of the article (in `Analysis.articles`) that holds the mention. */
  article: number;
}

/** A role phrase that the article itself gives to a person (an apposition). */
export interface RolePhrase extends Span {
  entityId: string;
  /** The phrase as written in the text. */
  text: string;
}

export interface Article extends Span {
  /** The headline line, when the article has one. */
  headline?: Span;
  /**
   * ISO date (YYYY, YYYY-MM or YYYY-MM-DD): after segmentation the one read from the article's own
   * lines, if any; after analysis the article's date from the first source that gives one (see
   * `resolveDates` in dates.ts), always present.
   */
  date?: string;
  /** Where `date` came from. */
  dateSource?: DateSource;
  /** The date the article's own lines give (a header line, the dateline or a date line), kept for `resolveDates`. */
  own?: OwnDate;
  /** Lines recognised as boilerplate (اقرأ أكثر, شارك…). */
  boilerplate: Span[];
}

export type EventKind = 'article' | 'meeting' | 'statement';

/** A participant or speaker: a knowledge-base entity, or a described party kept as text. */
export type EventActor = { id: string } | { text: string };

export interface OutlineNode extends Span {
  kind: EventKind;
  label: string;
  selectionStart: number;
  selectionEnd: number;
  /** CAMEO-style event code (040, 010…), for meetings and statements. */
  code?: string;
  participants?: EventActor[];
  speakers?: EventActor[];
  place?: EventActor;
  occasion?: string;
  /** For an article node: the article's date and where it came from. */
  date?: string;
  dateSource?: DateSource;
  /** A meeting: held, planned (سيلتقي، من المقرر) or reported inside what someone said. */
  status?: 'held' | 'planned' | 'reported';
  /** A statement: the tense of its reporting word (a participle takes its sentence's, a masdar its support verb's). */
  tense?: 'past' | 'present' | 'future';
  children: OutlineNode[];
}

/** Per-entity totals for one analysis, in order of first mention. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  known: boolean;
  mentions: number;
  firstMention: number;
}

export interface Analysis {
  /** Length of the analysed text, in UTF-16 code units. */
  length: number;
  /** Sorted by start; spans never overlap. */
  mentions: Mention[];
  entities: EntitySummary[];
  articles: Article[];
  roles: RolePhrase[];
  /** Article nodes with their meetings and statements. */
  outline: OutlineNode[];
}
