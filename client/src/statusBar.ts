/**
 * The status-bar item: mention counts per type for the active document and the time of its last
 * analysis, from the server's `arabicNewsLens/status` notification. Clicking it shows the Entities view.
 */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/common/protocol';

const ICONS = { person: '$(person)', country: '$(globe)', location: '$(location)', organization: '$(organization)' } as const;
const NAMES = { person: 'people', country: 'countries', location: 'places', organization: 'organizations' } as const;

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('arabicNewsLens.status', vscode.StatusBarAlignment.Right, 100);
  /** The last status per document URI (string form). */
  private readonly byUri = new Map<string, StatusParams & { at: Date }>();
  private markupOn = true;

  constructor(private readonly isRelevant: (doc: vscode.TextDocument) => boolean) {
    this.item.name = 'Arabic News Lens';
    this.item.command = 'arabicNewsLens.showEntities';
  }

  /** Records a status notification and redraws when it is about the active document. */
  update(status: StatusParams): void {
    if (status.state === 'closed') this.byUri.delete(status.uri);
    else this.byUri.set(status.uri, { ...status, at: new Date() });
    this.render();
  }

  setMarkup(on: boolean): void {
    this.markupOn = on;
    this.render();
  }

  /** The status shown for a document, for the Entities view and tests. */
  statusOf(uri: vscode.Uri): (StatusParams & { at: Date }) | undefined {
    return this.byUri.get(uri.toString());
  }

  render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.isRelevant(doc)) {
      this.item.hide();
      return;
    }
    const s = this.byUri.get(doc.uri.toString());
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown('**Arabic News Lens**\n\n');
    if (!this.markupOn) {
      this.item.text = '$(eye-closed) Arabic News Lens: markup off';
      tip.appendMarkdown('Markup is off for this session. Run **Arabic News Lens: Toggle Markup** to turn it on.');
    } else if (!s) {
      this.item.text = '$(loading~spin) Arabic News Lens';
      tip.appendMarkdown('Waiting for the first analysis.');
    } else if (s.state !== 'analysed') {
      this.item.text = `$(circle-slash) Arabic News Lens: ${s.state}`;
      tip.appendMarkdown(s.message ?? `The document was ${s.state}.`);
    } else {
      const time = s.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
      this.item.text = `${(Object.keys(ICONS) as Array<keyof typeof ICONS>).map((t) => `${ICONS[t]} ${s.counts[t]}`).join('  ')}  $(history) ${time}`;
      const rows = (Object.keys(NAMES) as Array<keyof typeof NAMES>).map((t) => `| ${ICONS[t]} ${NAMES[t]} | ${s.counts[t]} |`);
      tip.appendMarkdown(`| | mentions |\n|---|---:|\n${rows.join('\n')}\n\n`);
      tip.appendMarkdown(`${s.entities} entities, ${s.mentions} mentions. `);
      tip.appendMarkdown(`Last analysis at ${s.at.toLocaleTimeString()} (document version ${s.version}, ${s.analysisMs.toFixed(0)} ms).`);
    }
    if (s?.packs) {
      tip.appendMarkdown(`\n\n${s.packs.loaded} knowledge packs loaded${s.packs.withErrors ? `, **${s.packs.withErrors} with errors**` : ''}.`);
    }
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: `Arabic News Lens: ${this.item.text.replace(/\$\([^)]*\)/g, '').trim()}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
