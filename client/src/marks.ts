/**
 * The marks in VS Code: the client draws each mention as an overlay decoration (an underline in the
 * type's theme colour, styled by form, see mark-styles.ts), and keeps the semantic tokens from
 * styling the text. VS Code gives every styled piece of a line that holds right-to-left text its own
 * `unicode-bidi: isolate` span: a line cut by tokens is drawn with its phrases in reverse order and
 * with proclitics (ب، ل، و) torn from their words. Overlay decorations leave the line one piece.
 *
 * The mentions come from the server (`arabicNewsLens/mentions`, answered from the cached analysis),
 * for the visible lines and a margin around them; they are asked again after each analysis (the
 * status notification), when an editor scrolls out of what it has, and when a setting changes.
 * `arabicNewsLens.marks.style: semanticTokens` brings back the token styling for editors that draw it
 * right to left correctly.
 */
import * as vscode from 'vscode';
import { SemanticTokensRegistrationType, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { MARK_FORMS, MentionsRequest, type MarkForm, type MentionsParams, type MentionsResult, type StatusParams } from '../../server/src/common/protocol';
import { SETTINGS_SECTION, settingSpec } from '../../server/src/common/settings';
import { FORM_STYLES, MARK_TYPES, underlineColour, type MarkType } from './mark-styles';

export type MarkStyle = 'overlay' | 'semanticTokens';

/** Documents up to this many lines get all their marks at once; longer ones the visible lines and a margin. */
const WHOLE_DOCUMENT_LINES = 3000;
/** Lines above and below the visible ones whose marks are asked for with them. */
const MARGIN_LINES = 200;
/** How long scrolling must pause before the marks of newly visible lines are asked for. */
const SCROLL_DEBOUNCE_MS = 60;

/** The style the marks of a document are drawn in (`arabicNewsLens.marks.style`). */
export function markStyle(scope?: vscode.Uri): MarkStyle {
  const v = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<string>('marks.style', settingSpec('marks.style').default as string);
  return v === 'semanticTokens' ? 'semanticTokens' : 'overlay';
}

const noTokens = () => new vscode.SemanticTokens(new Uint32Array(0));

/**
 * Language-client middleware: the server's semantic tokens reach VS Code only when the analyst asked
 * for the `semanticTokens` style; otherwise VS Code gets none, and the overlay marks do the work.
 */
export const semanticTokensMiddleware: Middleware = {
  provideDocumentSemanticTokens: (doc, token, next) => (markStyle(doc.uri) === 'semanticTokens' ? next(doc, token) : noTokens()),
  provideDocumentSemanticTokensEdits: (doc, previousResultId, token, next) =>
    markStyle(doc.uri) === 'semanticTokens' ? next(doc, previousResultId, token) : noTokens(),
  provideDocumentRangeSemanticTokens: (doc, range, token, next) => (markStyle(doc.uri) === 'semanticTokens' ? next(doc, range, token) : noTokens()),
};

/** One mark as drawn, for the tests: UTF-16 offsets into the document, type and form. */
export interface DrawnMark {
  start: number;
  end: number;
  type: MarkType;
  form: MarkForm;
}

/** What an editor shows: the document version, the lines asked for, and the marks drawn. */
interface EditorMarks {
  version: number;
  /** Lines `[from, to)` whose marks were asked for; undefined for the whole document. */
  lines?: { from: number; to: number };
  marks: DrawnMark[];
  /** Increases with each request, so that an older answer arriving late is dropped. */
  request: number;
}

export class Marks implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly shown = new WeakMap<vscode.TextEditor, EditorMarks>();
  private readonly scrollTimers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private requests = 0;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly isRelevant: (doc: vscode.TextDocument) => boolean,
  ) {
    for (const type of MARK_TYPES) {
      for (const form of MARK_FORMS) {
        const s: { borderStyle: string; borderWidth: string; background?: string } = FORM_STYLES[form];
        // Overlay styles only: no color, textDecoration, fontStyle or fontWeight (they split the line).
        const options: vscode.DecorationRenderOptions = {
          borderStyle: s.borderStyle,
          borderWidth: s.borderWidth,
          borderColor: new vscode.ThemeColor(underlineColour(type)),
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        };
        if (s.background) options.backgroundColor = new vscode.ThemeColor(s.background);
        this.types.set(`${type}.${form}`, vscode.window.createTextEditorDecorationType(options));
      }
    }
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => !this.shown.has(e) && this.refreshEditor(e))),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.marks.style`)) this.styleChanged();
      }),
    );
  }

  /** Called with each status notification: a new analysis is asked for its marks, a quiet document loses them. */
  statusChanged(p: StatusParams): void {
    const client = this.client();
    if (!client) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (client.code2ProtocolConverter.asUri(editor.document.uri) !== p.uri && editor.document.uri.toString() !== p.uri) continue;
      if (p.state === 'analysed') this.refreshEditor(editor);
      else this.clear(editor);
    }
  }

  /** Asks for the marks of every visible editor again (after the server started, or a setting changed). */
  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refreshEditor(editor);
  }

  /** The marks drawn in the visible editors of a document, in document order (for the tests). */
  drawn(uri: vscode.Uri): { version: number; marks: DrawnMark[] } | undefined {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const s = editor && this.shown.get(editor);
    return s ? { version: s.version, marks: s.marks } : undefined;
  }

  private scrolled(editor: vscode.TextEditor): void {
    const s = this.shown.get(editor);
    if (!s?.lines) return;
    const visible = this.visibleLines(editor);
    if (visible.from >= s.lines.from && visible.to <= s.lines.to) return;
    clearTimeout(this.scrollTimers.get(editor));
    this.scrollTimers.set(
      editor,
      setTimeout(() => {
        this.scrollTimers.delete(editor);
        this.refreshEditor(editor);
      }, SCROLL_DEBOUNCE_MS),
    );
  }

  private visibleLines(editor: vscode.TextEditor): { from: number; to: number } {
    const ranges = editor.visibleRanges;
    if (!ranges.length) return { from: 0, to: Math.min(editor.document.lineCount, 2 * MARGIN_LINES) };
    const from = Math.min(...ranges.map((r) => r.start.line));
    const to = Math.max(...ranges.map((r) => r.end.line)) + 1;
    return { from, to };
  }

  private styleChanged(): void {
    const client = this.client();
    // VS Code asks for the tokens again; the middleware now lets them through or holds them back.
    const feature = client?.getFeature(SemanticTokensRegistrationType.method);
    for (const editor of vscode.window.visibleTextEditors) {
      feature?.getProvider(editor.document)?.onDidChangeSemanticTokensEmitter.fire();
    }
    this.refreshAll();
  }

  /** Asks the server for the marks an editor shows and draws them. */
  private refreshEditor(editor: vscode.TextEditor): void {
    const client = this.client();
    const doc = editor.document;
    if (!client) return;
    // A document the server no longer analyses (plain-text detection turned off) keeps no marks.
    if (!this.isRelevant(doc) || markStyle(doc.uri) !== 'overlay') {
      if (this.shown.get(editor)?.marks.length) this.clear(editor);
      return;
    }
    const request = ++this.requests;
    let lines: EditorMarks['lines'];
    const params: MentionsParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) } };
    if (doc.lineCount > WHOLE_DOCUMENT_LINES) {
      const v = this.visibleLines(editor);
      lines = { from: Math.max(0, v.from - MARGIN_LINES), to: Math.min(doc.lineCount, v.to + MARGIN_LINES) };
      params.ranges = [{ start: { line: lines.from, character: 0 }, end: { line: lines.to, character: 0 } }];
    }
    const previous = this.shown.get(editor);
    if (previous) previous.request = request;
    else this.shown.set(editor, { version: -1, lines, marks: [], request });
    client.sendRequest<MentionsResult | null>(MentionsRequest, params).then(
      (result) => {
        const current = this.shown.get(editor);
        if (!current || current.request !== request) return; // A newer request is under way.
        if (!result) return this.clear(editor);
        // The analyst typed since: the next status notification brings the marks of the new text.
        if (result.version !== doc.version || doc.isClosed) return;
        this.draw(editor, result, lines, request);
      },
      () => undefined, // A stopped server: the marks stay until the next one answers.
    );
  }

  private draw(editor: vscode.TextEditor, result: MentionsResult, lines: EditorMarks['lines'], request: number): void {
    const doc = editor.document;
    const byKind = new Map<string, vscode.Range[]>();
    const marks: DrawnMark[] = [];
    const d = result.data;
    for (let i = 0; i + 4 < d.length; i += 5) {
      const type = MARK_TYPES[d[i + 3]];
      const form = MARK_FORMS[d[i + 4]];
      if (!type || !form) continue;
      const range = new vscode.Range(d[i], d[i + 1], d[i], d[i + 1] + d[i + 2]);
      const key = `${type}.${form}`;
      let list = byKind.get(key);
      if (!list) byKind.set(key, (list = []));
      list.push(range);
      marks.push({ start: doc.offsetAt(range.start), end: doc.offsetAt(range.end), type, form });
    }
    for (const [key, decoration] of this.types) editor.setDecorations(decoration, byKind.get(key) ?? []);
    this.shown.set(editor, { version: result.version, lines, marks, request });
  }

  private clear(editor: vscode.TextEditor): void {
    for (const decoration of this.types.values()) editor.setDecorations(decoration, []);
    // A new request number: an answer still on its way is dropped.
    this.shown.set(editor, { version: editor.document.version, marks: [], request: ++this.requests });
  }

  dispose(): void {
    for (const t of this.scrollTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    for (const t of this.types.values()) t.dispose();
  }
}
