/**
 * Which documents the extension analyses: every `arabic-news` document, and plain-text documents
 * whose text is mostly Arabic while `arabicNewsLens.plainText.detectArabic` is on. "Mostly Arabic" is
 * decided by `isMostlyArabic` in server/src/common/settings.ts, shared with the server, so that both
 * sides agree (the share of Arabic-script letters among the letters of the first 8,192 characters is
 * at least `arabicNewsLens.plainText.arabicRatio`, 0.5 by default).
 */
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, SETTINGS_SECTION, isMostlyArabic, settingSpec, switchesToArabicNews } from '../../server/src/common/settings';

export const LANGUAGE_ID = 'arabic-news';
/** Schemes whose documents the server receives; the server reads nothing else from disk. */
export const SCHEMES = ['file', 'untitled'] as const;

function setting<T>(name: string, scope?: vscode.Uri): T {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<T>(name, settingSpec(name).default as T);
}

/** True when the plain-text route is on for this document's folder. */
export function plainTextDetectionOn(scope?: vscode.Uri): boolean {
  return setting<boolean>('plainText.detectArabic', scope);
}

/** The first characters of a document, those that isMostlyArabic reads (a large file is not copied). */
function sampleOf(doc: vscode.TextDocument): string {
  return doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(ARABIC_SAMPLE)));
}

/** True when the server should analyse the document. */
export function isArabicNewsDocument(doc: vscode.TextDocument): boolean {
  if (!(SCHEMES as readonly string[]).includes(doc.uri.scheme)) return false;
  if (doc.languageId === LANGUAGE_ID) return true;
  if (doc.languageId !== 'plaintext' || !plainTextDetectionOn(doc.uri)) return false;
  return isMostlyArabic(sampleOf(doc), setting<number>('plainText.arabicRatio', doc.uri));
}

/**
 * Switches plain-text documents that are mostly Arabic to the `arabic-news` language when they are
 * shown in an editor (or become Arabic there while the analyst types or pastes), so that they get its
 * word wrap and grammar. `arabicNewsLens.plainText.switchLanguage` turns this off; a document set
 * back to plain text by the analyst is left alone for the rest of the session. Documents opened
 * without an editor (by other extensions, by searches) keep their language.
 */
export class PlainTextSwitcher implements vscode.Disposable {
  /** Documents switched in this session, by URI. */
  private readonly switched = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: (message: string) => void) {
    const visible = (doc: vscode.TextDocument) => vscode.window.visibleTextEditors.some((e) => e.document === doc);
    this.subscriptions = [
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.consider(e.document))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'plaintext' && visible(e.document)) this.consider(e.document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.plainText`)) vscode.window.visibleTextEditors.forEach((ed) => this.consider(ed.document));
      }),
    ];
    vscode.window.visibleTextEditors.forEach((e) => this.consider(e.document));
  }

  /** Switches the document when it should (see switchesToArabicNews); returns true when it asked to. */
  consider(doc: vscode.TextDocument): boolean {
    const key = doc.uri.toString();
    const plainText = {
      detectArabic: plainTextDetectionOn(doc.uri),
      arabicRatio: setting<number>('plainText.arabicRatio', doc.uri),
      switchLanguage: setting<boolean>('plainText.switchLanguage', doc.uri),
    };
    if (doc.languageId !== 'plaintext' || !switchesToArabicNews({ languageId: doc.languageId, scheme: doc.uri.scheme, sample: sampleOf(doc) }, plainText, this.switched.has(key))) {
      return false;
    }
    this.switched.add(key);
    vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, (e: unknown) => this.log(`could not switch ${key} to ${LANGUAGE_ID}: ${e}`));
    return true;
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}

/**
 * The documents the language client synchronises. Plain text is included as a language only when the
 * setting is on; the server applies the same `isMostlyArabic` test and skips other plain-text files.
 */
export function documentSelector(): Array<{ scheme: string; language: string }> {
  const selector: Array<{ scheme: string; language: string }> = SCHEMES.map((scheme) => ({ scheme, language: LANGUAGE_ID }));
  if (plainTextDetectionOn()) selector.push(...SCHEMES.map((scheme) => ({ scheme, language: 'plaintext' })));
  return selector;
}
