/**
 * The commands of the extension. Each one forwards to a custom request of the server (see
 * server/src/common/protocol.ts) and shows the result; none of them analyses text itself.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Commands,
  ExportRequest,
  ReloadPacksRequest,
  ToggleRequest,
  type ExportParams,
  type ExportResult,
  type ReloadPacksResult,
  type ToggleResult,
} from '../../server/src/common/protocol';
import { dateHeaderEdit, isIsoDay } from '../../server/src/common/date-header';

/** A command of the client alone (no server request behind it). */
export const SHOW_ENTITIES_COMMAND = 'arabicNewsLens.showEntities';
/** Writes the article's date into the file's header (front matter), which the analysis reads first. */
export const SET_DATE_COMMAND = 'arabicNewsLens.setDate';

/**
 * Asks for a date (or takes `date` when run from code) and writes it as the file's header; returns
 * the date written, or undefined when cancelled.
 */
async function setArticleDate(host: CommandHost, date?: string): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !host.isRelevant(editor.document)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Arabic News Lens: open an Arabic news article to set its date.'));
    return undefined;
  }
  const value =
    date ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t("Set the article's date"),
      prompt: vscode.l10n.t('The date the article was written (YYYY-MM-DD): hover cards then show the roles people held on that day.'),
      placeHolder: '2015-07-22',
      validateInput: (v) => (isIsoDay(v.trim()) ? undefined : vscode.l10n.t('A date as YYYY-MM-DD, such as 2015-07-22')),
    }));
  if (value === undefined || !isIsoDay(value.trim())) return undefined;
  const doc = editor.document;
  const edit = dateHeaderEdit(doc.getText(), value.trim());
  const ok = await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)), edit.newText));
  return ok ? value.trim() : undefined;
}

/** Options the export commands accept when run from code (tests, keybindings with args). */
export interface ExportOptions {
  /** The document to export; default the active editor's. */
  uri?: vscode.Uri | string;
  /** Where to write; default: ask with a save dialog. */
  target?: vscode.Uri | string;
  /** Export the whole document instead of the article under the cursor. */
  wholeDocument?: boolean;
}

export interface ExportOutcome {
  uri: string;
  format: 'json' | 'csv' | 'events-csv';
  mentions: number;
}

export interface CommandHost {
  /** Starts the server if needed and returns the running client. */
  client(): Promise<LanguageClient>;
  isRelevant(doc: vscode.TextDocument): boolean;
  onToggled(enabled: boolean): void;
  revealEntities(): Promise<void>;
}

const asUri = (u: vscode.Uri | string) => (typeof u === 'string' ? vscode.Uri.parse(u) : u);
// Spreadsheet programs read a CSV file as UTF-8 only when it starts with a byte order mark.
const UTF8_BOM = '\ufeff';

async function exportDocument(host: CommandHost, format: 'json' | 'csv' | 'events-csv', options: ExportOptions = {}): Promise<ExportOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = options.uri ? await vscode.workspace.openTextDocument(asUri(options.uri)) : editor?.document;
  if (!doc || !host.isRelevant(doc)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Arabic News Lens: open an Arabic news article to export its entities.'));
    return undefined;
  }
  const client = await host.client();
  const params: ExportParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) }, format };
  if (!options.wholeDocument && editor?.document === doc) params.position = client.code2ProtocolConverter.asPosition(editor.selection.active);
  const result = await client.sendRequest<ExportResult | null>(ExportRequest, params);
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Arabic News Lens: this document is not analysed, so there is nothing to export (see the status bar).'));
    return undefined;
  }
  let target = options.target ? asUri(options.target) : undefined;
  if (!target) {
    const folder = doc.uri.scheme === 'file' ? vscode.Uri.file(path.dirname(doc.uri.fsPath)) : vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, result.suggestedName) : undefined,
      filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
      title: format === 'events-csv' ? vscode.l10n.t('Export events as CSV') : format === 'csv' ? vscode.l10n.t('Export entities as CSV') : vscode.l10n.t('Export entities as JSON'),
    });
    if (!target) return undefined;
  }
  const content = format === 'json' ? result.content : UTF8_BOM + result.content;
  await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
  const outcome: ExportOutcome = { uri: target.toString(), format, mentions: result.mentions };
  if (!options.target) {
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Arabic News Lens: exported {0} mentions to {1}.', result.mentions, path.basename(target.path)), vscode.l10n.t('Open'))
      .then((choice) => (choice ? vscode.window.showTextDocument(target!) : undefined));
  }
  return outcome;
}

export function registerCommands(host: CommandHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.exportJson, (options?: ExportOptions) => exportDocument(host, 'json', options)),
    vscode.commands.registerCommand(Commands.exportCsv, (options?: ExportOptions) => exportDocument(host, 'csv', options)),
    vscode.commands.registerCommand(Commands.exportEventsCsv, (options?: ExportOptions) => exportDocument(host, 'events-csv', options)),
    vscode.commands.registerCommand(Commands.reloadPacks, async (): Promise<ReloadPacksResult> => {
      const client = await host.client();
      const r = await client.sendRequest<ReloadPacksResult>(ReloadPacksRequest, {});
      const text = vscode.l10n.t('Arabic News Lens: reloaded {0} knowledge packs ({1} entities) in {2} ms.', r.packs, r.entities, r.ms.toFixed(0));
      if (r.packsWithErrors) {
        void vscode.window.showWarningMessage(`${text} ${vscode.l10n.t('{0} pack files have errors: see the Problems view.', r.packsWithErrors)}`);
      } else {
        void vscode.window.setStatusBarMessage(text, 5000);
      }
      return r;
    }),
    vscode.commands.registerCommand(Commands.toggle, async (enabled?: boolean): Promise<ToggleResult> => {
      const client = await host.client();
      const r = await client.sendRequest<ToggleResult>(ToggleRequest, typeof enabled === 'boolean' ? { enabled } : {});
      host.onToggled(r.enabled);
      return r;
    }),
    vscode.commands.registerCommand(SHOW_ENTITIES_COMMAND, () => host.revealEntities()),
    vscode.commands.registerCommand(SET_DATE_COMMAND, (date?: string) => setArticleDate(host, typeof date === 'string' ? date : undefined)),
  ];
}
