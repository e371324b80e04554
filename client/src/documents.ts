/**
 * Which documents the extension analyses: every `arabic-news` document, and plain-text documents
 * whose text is mostly Arabic while `arabicNewsLens.plainText.detectArabic` is on. "Mostly Arabic" is
 * decided by `isMostlyArabic` in server/src/common/settings.ts, shared with the server, so that both
 * sides agree (the share of Arabic-script letters among the letters of the first 8,192 characters is
 * at least `arabicNewsLens.plainText.arabicRatio`, 0.5 by default).
 */
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, SETTINGS_SECTION, isMostlyArabic, settingSpec } from '../../server/src/common/settings';

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

/** True when the server should analyse the document. */
export function isArabicNewsDocument(doc: vscode.TextDocument): boolean {
  if (!(SCHEMES as readonly string[]).includes(doc.uri.scheme)) return false;
  if (doc.languageId === LANGUAGE_ID) return true;
  if (doc.languageId !== 'plaintext' || !plainTextDetectionOn(doc.uri)) return false;
  // Only the sample that isMostlyArabic reads, so that a large file is not copied on every check.
  const sample = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(ARABIC_SAMPLE)));
  return isMostlyArabic(sample, setting<number>('plainText.arabicRatio', doc.uri));
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
