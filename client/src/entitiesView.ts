/**
 * The "Entities" view in the Explorer: the active article's entities grouped by type, with counts.
 * Clicking an entity jumps to its first mention; expanding it lists every mention. The data comes
 * from the server's `arabicNewsLens/articleSummary` request; the client computes nothing itself.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ArticleSummaryRequest,
  type ArticleSummaryParams,
  type ArticleSummaryResult,
  type EntityTypeName,
  type SummaryEntity,
} from '../../server/src/common/protocol';
import { isolate, wordWindow } from '../../server/src/common/snippets';

export const ENTITIES_VIEW_ID = 'arabicNewsLens.entities';

const TYPE_ORDER: EntityTypeName[] = ['person', 'country', 'location', 'organization'];
/** The heading of each type, in the display language (read when drawn: the bundle is loaded by then). */
function typeLabel(type: EntityTypeName): string {
  switch (type) {
    case 'person':
      return vscode.l10n.t('People');
    case 'country':
      return vscode.l10n.t('Countries');
    case 'location':
      return vscode.l10n.t('Places');
    case 'organization':
      return vscode.l10n.t('Organizations');
  }
}
/** Characters of context on each side of a mention in its snippet (whole words only). */
const SNIPPET_RADIUS = 24;

const TYPE_ICONS: Record<EntityTypeName, string> = { person: 'person', country: 'globe', location: 'location', organization: 'organization' };

type Node =
  | { kind: 'type'; type: EntityTypeName; entities: SummaryEntity[] }
  | { kind: 'entity'; entity: SummaryEntity }
  | { kind: 'mention'; entity: SummaryEntity; index: number };

export class EntitiesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private summary: ArticleSummaryResult | null = null;
  private document: vscode.TextDocument | undefined;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly isRelevant: (doc: vscode.TextDocument) => boolean,
  ) {
    this.view = vscode.window.createTreeView(ENTITIES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
  }

  /** The summary the view shows now (for tests and the export commands). */
  get current(): ArticleSummaryResult | null {
    return this.summary;
  }

  /** Asks the server again for the active document's summary; calls are serialised. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.load()).catch(() => undefined);
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && this.isRelevant(editor.document) ? editor.document : undefined;
    const client = this.client();
    let summary: ArticleSummaryResult | null = null;
    if (doc && client?.isRunning()) {
      const params: ArticleSummaryParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) } };
      summary = await client.sendRequest<ArticleSummaryResult | null>(ArticleSummaryRequest, params);
    }
    this.document = doc;
    this.summary = summary;
    const total = summary ? summary.entities.length : 0;
    this.view.description = summary ? (total === 1 ? vscode.l10n.t('1 entity') : vscode.l10n.t('{0} entities', total)) : undefined;
    this.view.message = doc && !summary ? vscode.l10n.t('No entities: the document is not analysed (see the status bar).') : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const s = this.summary;
    if (!s) return [];
    if (!node) {
      return TYPE_ORDER.map((type) => ({ kind: 'type' as const, type, entities: s.entities.filter((e) => e.type === type) })).filter(
        (n) => n.entities.length > 0,
      );
    }
    if (node.kind === 'type') return node.entities.map((entity) => ({ kind: 'entity' as const, entity }));
    if (node.kind === 'entity') return node.entity.ranges.map((_, index) => ({ kind: 'mention' as const, entity: node.entity, index }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'type') {
      const mentions = node.entities.reduce((n, e) => n + e.mentions, 0);
      // Label and description are isolated: the tree draws both in one left-to-right paragraph.
      const item = new vscode.TreeItem(isolate(typeLabel(node.type)), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `type:${node.type}`;
      item.description = isolate(vscode.l10n.t('{0} · {1} mentions', node.entities.length, mentions));
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type]);
      return item;
    }
    const e = node.entity;
    const uri = this.document?.uri;
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(isolate(e.nameAr), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${e.id}`;
      item.description = isolate([e.nameEn, e.known ? undefined : vscode.l10n.t('candidate'), `×${e.mentions}`].filter(Boolean).join(' · '));
      const facts = [`\`${e.id}\``, vscode.l10n.t('{0} mentions', e.mentions), e.known ? undefined : vscode.l10n.t('a candidate no pack knows')];
      item.tooltip = new vscode.MarkdownString(`**${e.nameAr}**${e.nameEn ? ` — ${e.nameEn}` : ''}\n\n${facts.filter(Boolean).join(' · ')}`);
      item.contextValue = e.known ? 'entity' : 'candidate';
      if (uri) item.command = this.jump(uri, e.firstRange, vscode.l10n.t('Go to First Mention'));
      return item;
    }
    const range = e.ranges[node.index];
    const line = this.document?.lineAt(range.start.line).text ?? '';
    const item = new vscode.TreeItem(`${range.start.line + 1}:${range.start.character + 1}`, vscode.TreeItemCollapsibleState.None);
    item.id = `mention:${e.id}:${node.index}`;
    // A short window of whole words around the mention, so that the analyst sees the context.
    const end = range.end.line === range.start.line ? range.end.character : line.length;
    item.description = isolate(wordWindow(line, range.start.character, end, SNIPPET_RADIUS));
    if (uri) item.command = this.jump(uri, range, vscode.l10n.t('Go to Mention'));
    return item;
  }

  private jump(uri: vscode.Uri, range: { start: { line: number; character: number }; end: { line: number; character: number } }, title: string): vscode.Command {
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    return { title, command: 'vscode.open', arguments: [uri, { selection, preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
  }

  /** Shows the view in the Explorer. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${ENTITIES_VIEW_ID}.focus`);
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
