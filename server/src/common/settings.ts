/**
 * Every setting of Arabic News Lens, defined once. The server reads its configuration through
 * `resolveSettings`; the client's `package.json` `contributes.configuration` must list the same keys,
 * types, defaults, scopes and descriptions (a drift test compares them). No imports: the client, the
 * server and the tests share this file.
 */

/** The section that holds every setting: `arabicNewsLens.<key>`. */
export const SETTINGS_SECTION = 'arabicNewsLens';

/** VS Code setting scopes (`contributes.configuration.properties.*.scope`). */
export type SettingScope = 'application' | 'machine' | 'window' | 'resource' | 'language-overridable' | 'machine-overridable';

export interface SettingSpec {
  /** Full key, `arabicNewsLens.…`. */
  key: string;
  type: 'boolean' | 'number' | 'integer' | 'string' | 'array';
  default: boolean | number | string | string[];
  scope: SettingScope;
  markdownDescription: string;
  enum?: string[];
  enumDescriptions?: string[];
  minimum?: number;
  maximum?: number;
  /** For arrays: the type of each item. */
  items?: { type: 'string' };
  /** Title of the settings-editor section this setting belongs in. */
  section: 'General' | 'Markup' | 'Plain text' | 'Knowledge packs' | 'Performance' | 'Diagnostics';
}

const k = (name: string) => `${SETTINGS_SECTION}.${name}`;

/** All settings, in the order the settings editor shows them. */
export const SETTINGS: readonly SettingSpec[] = [
  {
    key: k('enable'),
    type: 'boolean',
    default: true,
    scope: 'resource',
    section: 'General',
    markdownDescription:
      'Mark people, countries, places and organizations in Arabic news files. When off, the language server keeps running but returns no markup, hovers or outline. The command **Arabic News Lens: Toggle Markup** flips this for the session only.',
  },
  {
    key: k('cardLanguage'),
    type: 'string',
    default: 'auto',
    enum: ['auto', 'ar', 'en'],
    enumDescriptions: ['The display language of VS Code.', 'Arabic.', 'English.'],
    scope: 'window',
    section: 'General',
    markdownDescription: 'Language of the hover cards, the outline, the status texts and the messages of the language server. `auto` follows the display language of VS Code.',
  },
  {
    key: k('types.person'),
    type: 'boolean',
    default: true,
    scope: 'resource',
    section: 'Markup',
    markdownDescription: 'Mark **people** (names, linked surnames and role phrases).',
  },
  {
    key: k('types.country'),
    type: 'boolean',
    default: true,
    scope: 'resource',
    section: 'Markup',
    markdownDescription: 'Mark **countries**, including nationality adjectives such as «السوري» (*Syrian*).',
  },
  {
    key: k('types.location'),
    type: 'boolean',
    default: true,
    scope: 'resource',
    section: 'Markup',
    markdownDescription: 'Mark **places**: cities, regions and other locations that are not countries.',
  },
  {
    key: k('types.organization'),
    type: 'boolean',
    default: true,
    scope: 'resource',
    section: 'Markup',
    markdownDescription: 'Mark **organizations**: international bodies, governments, ministries, parties and armed groups.',
  },
  {
    key: k('candidates.enabled'),
    type: 'boolean',
    default: true,
    scope: 'resource',
    section: 'Markup',
    markdownDescription:
      'Also mark **candidate** names that no knowledge pack knows but that the context suggests (a title or a head noun before them). Candidates carry the `candidate` token modifier and can be added to the workspace pack with a code action.',
  },
  {
    key: k('inlayHints.englishNames'),
    type: 'boolean',
    default: false,
    scope: 'resource',
    section: 'Markup',
    markdownDescription: 'Show the English name of each entity as an inlay hint after its **first** mention in each article.',
  },
  {
    key: k('plainText.detectArabic'),
    type: 'boolean',
    default: true,
    scope: 'resource',
    section: 'Plain text',
    markdownDescription:
      'Also analyse **plain-text** files (`.txt`) that are mostly Arabic. A file is *mostly Arabic* when, among the letters in its first 8,192 characters, the share of Arabic-script letters (U+0600–U+06FF, U+0750–U+077F, U+08A0–U+08FF, U+FB50–U+FDFF, U+FE70–U+FEFF) is at least `#arabicNewsLens.plainText.arabicRatio#`. Digits, punctuation and spaces do not count.',
  },
  {
    key: k('plainText.arabicRatio'),
    type: 'number',
    default: 0.5,
    minimum: 0,
    maximum: 1,
    scope: 'resource',
    section: 'Plain text',
    markdownDescription:
      'Share of Arabic-script letters, from 0 to 1, above which a plain-text file counts as Arabic (see `#arabicNewsLens.plainText.detectArabic#`).',
  },
  {
    key: k('plainText.switchLanguage'),
    type: 'boolean',
    default: true,
    scope: 'resource',
    section: 'Plain text',
    markdownDescription:
      'When a plain-text file that counts as Arabic (see `#arabicNewsLens.plainText.detectArabic#`) is shown in an editor, switch it to the **Arabic News** language, which wraps long lines. Turn this off to keep such files as plain text.',
  },
  {
    key: k('packs.paths'),
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'machine-overridable',
    section: 'Knowledge packs',
    markdownDescription:
      'Extra knowledge pack files (JSON, see `knowledge/pack.schema.json`) loaded after the built-in packs and the workspace packs in `.arabic-news/*.json`. Relative paths resolve against the first workspace folder. Later packs win: they may redefine an entity, extend it or hide it.',
  },
  {
    key: k('performance.maxFileSizeMB'),
    type: 'number',
    default: 20,
    minimum: 0.1,
    maximum: 1024,
    scope: 'resource',
    section: 'Performance',
    markdownDescription:
      'Files larger than this many megabytes (of UTF-16 text, 2 bytes a character) are not analysed; the status bar then says so and names this setting.',
  },
  {
    key: k('performance.debounceMs'),
    type: 'integer',
    default: 200,
    minimum: 0,
    maximum: 5000,
    scope: 'resource',
    section: 'Performance',
    markdownDescription: 'Milliseconds to wait after the last edit before a document is analysed again. Requests that arrive earlier analyse at once.',
  },
  {
    key: k('trace.server'),
    type: 'string',
    default: 'off',
    enum: ['off', 'messages', 'verbose'],
    enumDescriptions: ['No trace.', 'Trace the names of messages between VS Code and the language server.', 'Trace every message with its content.'],
    scope: 'window',
    section: 'Diagnostics',
    markdownDescription: 'Trace the communication between VS Code and the Arabic News Lens language server in the **Arabic News Lens** output channel.',
  },
  // The article's date (General; listed after the others so that they keep their order).
  {
    key: k('defaultDate'),
    type: 'string',
    default: '',
    scope: 'resource',
    section: 'General',
    markdownDescription:
      "The date (YYYY-MM-DD) of articles that give none: hover cards and exports then show the roles people held on that day. Empty: today. An article's own date wins: a header (`date:` front matter or a first line `Date:`/`التاريخ:`, written by the command **Arabic News Lens: Set the Article's Date**), a date in the text (Gregorian or Hijri), or a date in the file's name or folders.",
  },
  {
    key: k('marks.style'),
    type: 'string',
    default: 'overlay',
    enum: ['overlay', 'semanticTokens'],
    enumDescriptions: [
      'An underline drawn under the text (by type colour, and solid, dashed, dotted or double by form): Arabic words stay joined and in their order.',
      'The language server’s semantic tokens colour the names. VS Code cuts a line with tokens into isolated pieces and draws Arabic phrases in reverse order: only for editors that show them right to left correctly.',
    ],
    scope: 'resource',
    section: 'Markup',
    markdownDescription:
      'How VS Code draws the marks. `overlay` draws underlines under the text and leaves Arabic lines whole. `semanticTokens` lets the semantic tokens style the text, as other editors do; it also needs `editor.semanticHighlighting.enabled`.',
  },
];

/** The settings as the server uses them. */
export interface Settings {
  enable: boolean;
  /** YYYY-MM-DD, or empty for today. */
  defaultDate: string;
  cardLanguage: 'auto' | 'ar' | 'en';
  types: { person: boolean; country: boolean; location: boolean; organization: boolean };
  candidates: { enabled: boolean };
  inlayHints: { englishNames: boolean };
  plainText: { detectArabic: boolean; arabicRatio: number; switchLanguage: boolean };
  packs: { paths: string[] };
  performance: { maxFileSizeMB: number; debounceMs: number };
  trace: { server: 'off' | 'messages' | 'verbose' };
}

/** The spec of one setting by its key without the section (`performance.debounceMs`). */
export function settingSpec(name: string): SettingSpec {
  const spec = SETTINGS.find((s) => s.key === k(name));
  if (!spec) throw new Error(`unknown setting ${name}`);
  return spec;
}

/** A value by its dotted name: clients send nested objects ({"types": {"person": false}}) or flat keys. */
function pick(raw: unknown, name: string): unknown {
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  if (name in o) return o[name];
  let v: unknown = o;
  for (const p of name.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

function value(raw: unknown, spec: SettingSpec): unknown {
  const name = spec.key.slice(SETTINGS_SECTION.length + 1);
  const v = pick(raw, name);
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean' ? v : spec.default;
    case 'number':
    case 'integer': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return spec.default;
      let n = spec.type === 'integer' ? Math.round(v) : v;
      if (spec.minimum !== undefined) n = Math.max(spec.minimum, n);
      if (spec.maximum !== undefined) n = Math.min(spec.maximum, n);
      return n;
    }
    case 'string':
      return typeof v === 'string' && (!spec.enum || spec.enum.includes(v)) ? v : spec.default;
    case 'array':
      return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : spec.default;
  }
}

/**
 * The settings from the `arabicNewsLens` configuration section as a client sends it (nested objects
 * or dotted keys); a missing or ill-typed value falls back to its default, numbers are clamped.
 */
export function resolveSettings(raw: unknown): Settings {
  const get = (name: string) => value(raw, settingSpec(name));
  return {
    enable: get('enable') as boolean,
    defaultDate: get('defaultDate') as string,
    cardLanguage: get('cardLanguage') as Settings['cardLanguage'],
    types: {
      person: get('types.person') as boolean,
      country: get('types.country') as boolean,
      location: get('types.location') as boolean,
      organization: get('types.organization') as boolean,
    },
    candidates: { enabled: get('candidates.enabled') as boolean },
    inlayHints: { englishNames: get('inlayHints.englishNames') as boolean },
    plainText: {
      detectArabic: get('plainText.detectArabic') as boolean,
      arabicRatio: get('plainText.arabicRatio') as number,
      switchLanguage: get('plainText.switchLanguage') as boolean,
    },
    packs: { paths: get('packs.paths') as string[] },
    performance: { maxFileSizeMB: get('performance.maxFileSizeMB') as number, debounceMs: get('performance.debounceMs') as number },
    trace: { server: get('trace.server') as Settings['trace']['server'] },
  };
}

/** Every setting at its default. */
export const DEFAULT_SETTINGS: Settings = resolveSettings(undefined);

/** How many characters of a plain-text file `isMostlyArabic` looks at. */
export const ARABIC_SAMPLE = 8192;

function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  );
}

const LETTER = /\p{L}/u;

/**
 * True when, among the letters of the first `ARABIC_SAMPLE` characters, the share of Arabic-script
 * letters is at least `ratio` (see `arabicNewsLens.plainText.detectArabic`). A text without letters
 * is not Arabic. Arabic digits and punctuation are not letters and do not count.
 */
export function isMostlyArabic(text: string, ratio: number = DEFAULT_SETTINGS.plainText.arabicRatio): boolean {
  let letters = 0;
  let arabic = 0;
  const n = Math.min(text.length, ARABIC_SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      continue;
    }
    if (isArabicLetter(c)) {
      // Arabic-Indic digits, punctuation and tashkeel are in the block but are not letters.
      if (LETTER.test(text[i])) {
        letters++;
        arabic++;
      }
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      if (LETTER.test(text.slice(i, i + 2))) letters++;
      i++;
      continue;
    }
    if (LETTER.test(text[i])) letters++;
  }
  return letters > 0 && arabic / letters >= ratio;
}

/** Schemes whose plain-text documents may switch to the `arabic-news` language (those the server reads). */
export const SWITCHABLE_SCHEMES: readonly string[] = ['file', 'untitled'];

/**
 * True when a plain-text document shown in an editor should switch to the `arabic-news` language:
 * both `plainText.detectArabic` and `plainText.switchLanguage` are on, the document is mostly Arabic
 * (`isMostlyArabic` over `sample`, its first characters), and it was not switched before in this
 * session (an analyst who set it back to plain text keeps it so).
 */
export function switchesToArabicNews(
  doc: { languageId: string; scheme: string; sample: string },
  plainText: Settings['plainText'],
  switchedBefore: boolean,
): boolean {
  if (doc.languageId !== 'plaintext' || switchedBefore) return false;
  if (!plainText.detectArabic || !plainText.switchLanguage || !SWITCHABLE_SCHEMES.includes(doc.scheme)) return false;
  return isMostlyArabic(doc.sample, plainText.arabicRatio);
}
