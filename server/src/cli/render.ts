/**
 * The terminal view of an analysis: the article with each mention coloured and underlined by type
 * (plain text when colours are off), a summary table and the outline.
 */
import type { Analysis, EntityType, Mention, OutlineNode } from '../analysis/types';
import { roleOnDate } from '../knowledge/dates';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { CARD_LABELS } from '../output/card-labels';

const COLOR: Record<EntityType, number> = { person: 35, country: 36, location: 32, organization: 33 };
const RESET = '\x1b[0m';

/** SGR codes for a mention: colour by type; underline for names, dim underline for adjectives, italic for titles. */
function style(m: Mention): string {
  const codes = [COLOR[m.type], 4];
  if (m.form === 'adjective') codes.push(2);
  if (m.form === 'title') codes.push(3);
  if (!m.known) codes.push(3); // Candidates are italic too: no pack knows them.
  return `\x1b[${codes.join(';')}m`;
}

function markedText(text: string, analysis: Analysis): string {
  let out = '';
  let at = 0;
  for (const m of analysis.mentions) {
    out += text.slice(at, m.start) + style(m) + text.slice(m.start, m.end) + RESET;
    at = m.end;
  }
  return out + text.slice(at);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function outlineLines(node: OutlineNode, depth: number, out: string[]): void {
  const icon = node.kind === 'article' ? '■' : node.kind === 'meeting' ? '◆' : '•';
  const code = node.code ? `[${node.code}] ` : '';
  const date = node.kind === 'article' && node.date ? `  (${node.date})` : '';
  out.push(`${'  '.repeat(depth)}${icon} ${code}${node.label}${date}`);
  for (const c of node.children) outlineLines(c, depth + 1, out);
}


export function renderText(file: string, text: string, analysis: Analysis, kb: KnowledgeBase, color: boolean): string {
  const lines: string[] = [];
  const rule = '─'.repeat(72);
  lines.push(`${color ? '\x1b[1m' : ''}${file}${color ? RESET : ''}`, rule);
  lines.push(color ? markedText(text, analysis) : text);
  lines.push(rule);
  if (color) {
    lines.push(
      `legend: ${(Object.keys(COLOR) as EntityType[]).map((t) => `\x1b[${COLOR[t]};4m${t}${RESET}`).join('  ')}   \x1b[2;4madjective${RESET}  \x1b[3;4mtitle / candidate${RESET}`,
    );
  } else {
    lines.push('mentions (start-end  type/form  text  →  entity):');
    for (const m of analysis.mentions) {
      const e = kb.get(m.entityId);
      lines.push(`  ${pad(`${m.start}-${m.end}`, 11)} ${pad(`${m.type}/${m.form}`, 20)} ${text.slice(m.start, m.end)}  →  ${e?.name.en ?? e?.name.ar ?? m.entityId}`);
    }
  }
  lines.push('', `entities: ${analysis.entities.length}, mentions: ${analysis.mentions.length}`);
  // Each article's date and where it came from: the roles below are those held that day.
  analysis.articles.forEach((a, i) => {
    if (a.date) lines.push(`${analysis.articles.length > 1 ? `article ${i + 1} ` : ''}date: ${a.date} (${CARD_LABELS.en.source[a.dateSource ?? 'text']})`);
  });
  lines.push(`  ${pad('type', 13)} ${pad('mentions', 9)} ${pad('english', 34)} arabic`);
  const order: EntityType[] = ['person', 'country', 'location', 'organization'];
  const sorted = [...analysis.entities].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || b.mentions - a.mentions);
  for (const s of sorted) {
    const e = kb.get(s.id);
    const ar = e?.name.ar ?? text.slice(analysis.mentions[s.firstMention].start, analysis.mentions[s.firstMention].end);
    const type = s.known ? s.type : `${s.type}?`;
    // A person's role on the date of the article of the first mention.
    const role = e?.type === 'person' ? roleOnDate(e.roles, analysis.articles[analysis.mentions[s.firstMention].article]?.date ?? '') : undefined;
    const title = role ? `  — ${role.role.title.en ?? role.role.title.ar}${role.status === 'may-have-ended' ? ' (may have ended)' : ''}` : '';
    lines.push(`  ${pad(type, 13)} ${pad(String(s.mentions), 9)} ${pad(e?.name.en ?? '—', 34)} ${ar}${title}`);
  }
  if (analysis.outline.some((n) => n.children.length)) {
    lines.push('', 'outline:');
    for (const n of analysis.outline) outlineLines(n, 1, lines);
  }
  return lines.join('\n');
}
