/**
 * The status-bar item: mention counts per type for the active document and the time of its last
 * analysis, from the server's `arabicNewsLens/status` notification. Clicking it shows the Entities view.
 */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/common/protocol';

const ICONS = { person: '$(person)', country: '$(globe)', location: '$(location)', organization: '$(organization)' } as const;

/** The row heading of each type in the tooltip, in the display language. */
function typeName(type: keyof typeof ICONS): string {
  switch (type) {
    case 'person':
      return vscode.l10n.t('people');
    case 'country':
      return vscode.l10n.t('countries');
    case 'location':
      return vscode.l10n.t('places');
    case 'organization':
      return vscode.l10n.t('organizations');
  }
}

/** Why a document shows no counts, in a few words. */
function stateText(state: StatusParams['state']): string {
  switch (state) {
    case 'skipped':
      return vscode.l10n.t('not analysed');
    case 'disabled':
      return vscode.l10n.t('markup off');
    case 'closed':
      return vscode.l10n.t('closed');
    default:
      return vscode.l10n.t('analysed');
  }
}

/**
 * The time of an analysis as both the item and its tooltip show it: 24-hour clock with seconds, in
 * the display language but with the digits of the counts beside it.
 */
export function analysisTime(at: Date, language: string = vscode.env.language): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false };
  try {
    return at.toLocaleTimeString(`${language}-u-nu-latn`, options);
  } catch {
    return at.toLocaleTimeString('en-GB', options);
  }
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('arabicNewsLens.status', vscode.StatusBarAlignment.Right, 100);
  /** The last status per document URI (string form). */
  private readonly byUri = new Map<string, StatusParams & { at: Date }>();
  private markupOn = true;

  constructor(private readonly isRelevant: (doc: vscode.TextDocument) => boolean) {
    this.item.name = vscode.l10n.t('Arabic News Lens');
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
    const name = vscode.l10n.t('Arabic News Lens');
    tip.appendMarkdown(`**${name}**\n\n`);
    if (!this.markupOn) {
      this.item.text = `$(eye-closed) ${name}: ${stateText('disabled')}`;
      tip.appendMarkdown(vscode.l10n.t('Markup is off for this session. Run **Arabic News Lens: Toggle Markup** to turn it on.'));
    } else if (!s) {
      this.item.text = `$(loading~spin) ${name}`;
      tip.appendMarkdown(vscode.l10n.t('Waiting for the first analysis.'));
    } else if (s.state !== 'analysed') {
      this.item.text = `$(circle-slash) ${name}: ${stateText(s.state)}`;
      tip.appendMarkdown(s.message ?? vscode.l10n.t('The document is not analysed ({0}).', stateText(s.state)));
    } else {
      // One formatted time for the item and its tooltip, so that both say the same.
      const time = analysisTime(s.at);
      this.item.text = `${(Object.keys(ICONS) as Array<keyof typeof ICONS>).map((t) => `${ICONS[t]} ${s.counts[t]}`).join('  ')}  $(history) ${time}`;
      const rows = (Object.keys(ICONS) as Array<keyof typeof ICONS>).map((t) => `| ${ICONS[t]} ${typeName(t)} | ${s.counts[t]} |`);
      tip.appendMarkdown(`| | ${vscode.l10n.t('mentions')} |\n|---|---:|\n${rows.join('\n')}\n\n`);
      tip.appendMarkdown(`${vscode.l10n.t('{0} entities, {1} mentions.', s.entities, s.mentions)} `);
      tip.appendMarkdown(vscode.l10n.t('Last analysis at {0} (document version {1}, {2} ms).', time, s.version, s.analysisMs.toFixed(0)));
    }
    if (s?.packs) {
      const loaded = s.packs.withErrors
        ? vscode.l10n.t('{0} knowledge packs loaded, **{1} with errors**.', s.packs.loaded, s.packs.withErrors)
        : vscode.l10n.t('{0} knowledge packs loaded.', s.packs.loaded);
      tip.appendMarkdown(`\n\n${loaded}`);
    }
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: `${name}: ${this.item.text.replace(/\$\([^)]*\)/g, '').replace(name, '').replace(/^[\s:]+/, '').trim()}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
