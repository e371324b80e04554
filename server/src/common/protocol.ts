/**
 * Every custom request and notification between the Arabic News Lens client and server, defined once:
 * the method name and its parameter and result types. Positions and ranges are LSP ones (0-based line,
 * UTF-16 character). No imports, so that the client, the server and the tests share this file; the
 * shapes below are structurally the LSP ones.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextDocumentIdentifier {
  uri: string;
}

export type EntityTypeName = 'person' | 'country' | 'location' | 'organization';

/** Mentions per entity type. */
export type TypeCounts = Record<EntityTypeName, number>;

/** One entity of a document, as the Entities view lists it. */
export interface SummaryEntity {
  /** Knowledge-base id (`person:geir-pedersen`) or `candidate:…`. */
  id: string;
  type: EntityTypeName;
  /** False for candidate names that no pack knows. */
  known: boolean;
  nameAr: string;
  nameEn?: string;
  /** Mentions in the whole document. */
  mentions: number;
  /** The first mention, for "reveal". */
  firstRange: Range;
  /** Every mention, in document order. */
  ranges: Range[];
  /** Indices of the articles that mention the entity. */
  articles: number[];
}

export interface SummaryArticle {
  index: number;
  range: Range;
  /** The headline text, when the article has one. */
  headline?: string;
  /** The article's ISO date, from the first source that gives one (see `dateSource`). */
  date?: string;
  /**
   * Where the date came from: header, option, text, hijri, file-name, folder, batch, setting or today
   * (the last two mean the article gives no date).
   */
  dateSource?: string;
}

// ---------------------------------------------------------------------------------------------------

/**
 * Request, client → server: the entities and articles of a document, for the Entities view and the
 * status bar. `null` when the document is unknown, closed, disabled or was skipped (then `skipped`
 * of the last status notification says why).
 */
export const ArticleSummaryRequest = 'arabicNewsLens/articleSummary';
export interface ArticleSummaryParams {
  textDocument: TextDocumentIdentifier;
}
export interface ArticleSummaryResult {
  uri: string;
  /** Document version the summary was computed from. */
  version: number;
  articles: SummaryArticle[];
  /** In order of first mention. */
  entities: SummaryEntity[];
  counts: TypeCounts;
  /** Milliseconds the last analysis of this document took. */
  analysisMs: number;
}

/**
 * Request, client → server: the entities and outline of one article of a document (or of the whole
 * document), as JSON (the `news-lens --format json` shape) or as CSV (one row per mention:
 * start,end,line,character,text,type,form,id,name_ar,name_en,reason,alias,pack). `null` for an
 * unknown or skipped document.
 */
export const ExportRequest = 'arabicNewsLens/export';
export interface ExportParams {
  textDocument: TextDocumentIdentifier;
  /** `events-csv`: one row per meeting and statement (article, date, code, actors, place, sentence). */
  format: 'json' | 'csv' | 'events-csv';
  /** The article that holds this position is exported; without it, the whole document. */
  position?: Position;
}
export interface ExportResult {
  format: 'json' | 'csv' | 'events-csv';
  /** The file content, UTF-8 text; CSV uses CRLF line ends and quotes fields as RFC 4180 says. */
  content: string;
  /** A file name to offer in the save dialog (`astana-20.entities.csv`). */
  suggestedName: string;
  /** Number of mentions exported. */
  mentions: number;
}

/**
 * Request, client → server: read the knowledge packs again (built-in, workspace `.arabic-news/*.json`
 * and `arabicNewsLens.packs.paths`) and re-analyse open documents. A pack with errors keeps its last
 * good version and gets diagnostics.
 */
export const ReloadPacksRequest = 'arabicNewsLens/reloadPacks';
export type ReloadPacksParams = Record<string, never>;
export interface ReloadPacksResult {
  /** Packs in the knowledge base now. */
  packs: number;
  entities: number;
  /** Pack files with at least one error. */
  packsWithErrors: number;
  /** Milliseconds the reload took. */
  ms: number;
}

/**
 * Request, client → server: turn the markup on or off for this session (semantic tokens, hovers,
 * inlay hints and the outline), without changing `arabicNewsLens.enable`. Without `enabled` it flips
 * the current state. The server then asks the client to refresh semantic tokens and inlay hints.
 */
export const ToggleRequest = 'arabicNewsLens/toggle';
export interface ToggleParams {
  enabled?: boolean;
}
export interface ToggleResult {
  enabled: boolean;
}

/**
 * Notification, server → client: after each analysis of a document (and when one is skipped), for
 * the status bar and to refresh the Entities view.
 */
export const StatusNotification = 'arabicNewsLens/status';
export interface StatusParams {
  uri: string;
  version: number;
  state: 'analysed' | 'skipped' | 'disabled' | 'closed';
  counts: TypeCounts;
  /** Distinct entities. */
  entities: number;
  mentions: number;
  analysisMs: number;
  /** Why the document was skipped, naming the setting to change (file too large, not Arabic). */
  message?: string;
  /** Knowledge packs loaded, and how many have errors. */
  packs: { loaded: number; withErrors: number };
}

/** The forms a mark can take, in the order of `MentionsResult.data`'s form index. */
export const MARK_FORMS = ['name', 'adjective', 'title', 'candidate'] as const;
export type MarkForm = (typeof MARK_FORMS)[number];

/**
 * Request, client → server: the visible mentions of a document (the types and candidates the
 * settings turn on), read from its cached analysis, for clients that draw the marks themselves (the
 * VS Code client draws them as overlay decorations, see client/src/marks.ts). With `ranges`, only the
 * mentions that overlap them (the editor's visible ranges first); without, every mention. `null` for
 * an unknown, closed, disabled or skipped document.
 */
export const MentionsRequest = 'arabicNewsLens/mentions';
export interface MentionsParams {
  textDocument: TextDocumentIdentifier;
  ranges?: Range[];
}
export interface MentionsResult {
  uri: string;
  /** Document version the mentions belong to. */
  version: number;
  /**
   * Five integers per mention piece, in document order: line, character, length (UTF-16, on one
   * line), the type's index in `EntityTypeName` order (person, country, location, organization) and
   * the form's index in `MARK_FORMS` (`candidate` for names no pack knows, whatever their form).
   */
  data: number[];
}

/** Initialization options a client may send (`initializationOptions`); every field is optional. */
export interface InitializationOptions {
  /** Load the built-in packs shipped with the server (default true). Tests turn this off. */
  builtinPacks?: boolean;
  /**
   * Load the workspace's packs (`.arabic-news/*.json`) and `arabicNewsLens.packs.paths` (default
   * true). The client sends false in an untrusted workspace, so that only the built-in packs load.
   */
  workspacePacks?: boolean;
  /** Settings to use before (or instead of) `workspace/configuration`, as the `arabicNewsLens` section. */
  settings?: unknown;
}

/** The commands the client registers, with their ids. */
export const Commands = {
  exportJson: 'arabicNewsLens.exportJson',
  exportCsv: 'arabicNewsLens.exportCsv',
  exportEventsCsv: 'arabicNewsLens.exportEventsCsv',
  reloadPacks: 'arabicNewsLens.reloadPacks',
  toggle: 'arabicNewsLens.toggle',
} as const;
