/**
 * `news-lens kb stats` and `news-lens kb show «query»`: the knowledge base's figures and entries.
 */
import { normalizeArabic } from '../analysis/normalize';
import type { EntityType } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { loadKnowledgeBase } from '../knowledge/load';
import type { Entity } from '../knowledge/types';

const TYPES: EntityType[] = ['person', 'country', 'location', 'organization'];

interface Counts {
  entities: number;
  aliases: number;
  peopleWithDatedRoles: number;
}

const zero = (): Counts => ({ entities: 0, aliases: 0, peopleWithDatedRoles: 0 });

function hasDatedRole(e: Entity): boolean {
  return e.type === 'person' && (e.roles ?? []).some((r) => r.from || r.to);
}

/** Counts per type and per pack: entities, aliases (names and nisba forms), people with dated roles. */
export function kbStats(kb: KnowledgeBase) {
  const byType: Record<string, Counts> = Object.fromEntries(TYPES.map((t) => [t, zero()]));
  const byPack: Record<string, Counts & { source: string; builtin: boolean }> = {};
  for (const p of kb.packs) byPack[p.id] = { ...zero(), source: p.source, builtin: p.builtin };
  for (const e of kb.entities.values()) {
    byType[e.type].entities++;
    byPack[e.pack].entities++;
    if (hasDatedRole(e)) {
      byType[e.type].peopleWithDatedRoles++;
      byPack[e.pack].peopleWithDatedRoles++;
    }
  }
  for (const a of kb.aliases) {
    byType[a.type].aliases++;
    if (byPack[a.pack]) byPack[a.pack].aliases++;
  }
  const total = zero();
  for (const c of Object.values(byType)) {
    total.entities += c.entities;
    total.aliases += c.aliases;
    total.peopleWithDatedRoles += c.peopleWithDatedRoles;
  }
  return { total, byType, byPack };
}

/** Entities whose id, name or alias equals the query (normalized), or contains it when nothing equals it. */
export function kbFind(kb: KnowledgeBase, query: string): Entity[] {
  const q = normalizeArabic(query);
  const exact = new Set<string>();
  const partial = new Set<string>();
  if (kb.get(query)) exact.add(query);
  for (const a of kb.aliases) {
    if (a.norm === q) exact.add(a.entityId);
    else if (q.length >= 3 && a.norm.includes(q)) partial.add(a.entityId);
  }
  for (const e of kb.entities.values()) {
    const en = e.name.en?.toLowerCase();
    if (en === q) exact.add(e.id);
    else if (en && q.length >= 3 && en.includes(q)) partial.add(e.id);
  }
  const ids = exact.size ? exact : partial;
  return [...ids].map((id) => kb.get(id)!).filter(Boolean);
}

/**
 * Close aliases for a query that matched nothing: those that share its longest normalized prefix
 * (at least three letters), as written in the packs, with their entity's id; at most `limit`.
 */
export function kbSuggest(kb: KnowledgeBase, query: string, limit = 8): { alias: string; id: string }[] {
  const q = normalizeArabic(query);
  for (let n = q.length; n >= 3; n--) {
    const prefix = q.slice(0, n);
    const out: { alias: string; id: string }[] = [];
    const seen = new Set<string>();
    for (const a of kb.aliases) {
      if (a.form !== 'name' || !a.norm.startsWith(prefix) || seen.has(a.alias)) continue;
      seen.add(a.alias);
      out.push({ alias: a.alias, id: a.entityId });
    }
    if (out.length) return out.sort((x, y) => x.alias.length - y.alias.length || x.alias.localeCompare(y.alias)).slice(0, limit);
  }
  return [];
}

export function runKb(argv: string[]): number {
  const [sub, ...rest] = argv;
  const packs: string[] = [];
  let format = 'text';
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--pack') packs.push(rest[++i]);
    else if (rest[i] === '--format') format = rest[++i];
    else words.push(rest[i]);
  }
  const { kb, problems } = loadKnowledgeBase(packs);
  for (const p of problems) for (const q of p.problems.slice(0, 5)) process.stderr.write(`news-lens: ${p.source}: offset ${q.start}: ${q.message}\n`);
  if (sub === 'stats') {
    const stats = kbStats(kb);
    if (format === 'json') process.stdout.write(JSON.stringify(stats, null, 1) + '\n');
    else {
      process.stdout.write(`type          entities  aliases  people with dated roles\n`);
      for (const [t, c] of Object.entries(stats.byType)) process.stdout.write(`${t.padEnd(13)} ${String(c.entities).padStart(8)} ${String(c.aliases).padStart(8)} ${String(c.peopleWithDatedRoles).padStart(8)}\n`);
      process.stdout.write(`${'total'.padEnd(13)} ${String(stats.total.entities).padStart(8)} ${String(stats.total.aliases).padStart(8)} ${String(stats.total.peopleWithDatedRoles).padStart(8)}\n\npacks:\n`);
      for (const [id, c] of Object.entries(stats.byPack)) process.stdout.write(`  ${id.padEnd(36)} ${String(c.entities).padStart(6)} entities ${String(c.aliases).padStart(7)} aliases\n`);
    }
    return 0;
  }
  if (sub === 'show') {
    if (!words.length) {
      process.stderr.write('usage: news-lens kb show «name, alias or id» [--format json]\n');
      return 2;
    }
    const query = words.join(' ');
    const found = kbFind(kb, query);
    if (!found.length) {
      const close = kbSuggest(kb, query);
      process.stderr.write(`news-lens: no entity matches «${query}»${close.length ? '; close aliases:' : ''}\n`);
      for (const c of close) process.stderr.write(`  ${c.alias}  (${c.id})\n`);
    }
    if (format === 'json') process.stdout.write(JSON.stringify(found, null, 1) + '\n');
    else for (const e of found) process.stdout.write(`${e.id}  ${e.type}  ${e.name.ar}  ${e.name.en ?? ''}  (${e.pack})\n`);
    return found.length ? 0 : 1;
  }
  process.stderr.write('usage: news-lens kb stats [--format json] | news-lens kb show «query» [--format json]\n');
  return 2;
}
