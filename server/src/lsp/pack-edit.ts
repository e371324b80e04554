/**
 * Edits of the workspace pack (`.arabic-news/workspace.json`) made by code actions: add a name as a
 * new entity, or hide an alias ("never mark"). The result is always in the canonical form of
 * scripts/format-packs.js (same key order, entities sorted by id, 2-space indent, final newline); a
 * unit test checks that the script accepts it unchanged.
 */
import type { EntityType } from '../analysis/types';
import type { EntitySpec, PackFile } from '../knowledge/types';

/** Key order of scripts/format-packs.js. */
const KEY_ORDER = ['$schema', 'pack', 'id', 'type', 'name', 'ar', 'en', 'short', 'unsafe', 'ambiguous', 'aliases', 'nisba',
  'noNisbaRule', 'kind', 'country', 'title', 'organization', 'from', 'to', 'roles', 'links', 'note', 'entities', 'extend', 'hide'];
const rank = (k: string) => {
  const i = KEY_ORDER.indexOf(k);
  return i < 0 ? KEY_ORDER.length : i;
};

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) out[k] = canonical(o[k]);
    return out;
  }
  return value;
}

/** The canonical text of a pack, as scripts/format-packs.js writes it. */
export function formatPack(data: PackFile): string {
  const copy = JSON.parse(JSON.stringify(data)) as PackFile;
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (Array.isArray(copy.entities)) copy.entities.sort(byId);
  if (Array.isArray(copy.extend)) copy.extend.sort(byId);
  return JSON.stringify(canonical(copy), null, 2) + '\n';
}

/** A new, empty workspace pack. */
export function emptyWorkspacePack(): PackFile {
  return { pack: { id: 'workspace', name: 'Workspace pack', description: "The analyst's own names for this workspace." }, entities: [] };
}

/** Parses the current pack text; an absent file is an empty pack, text that is not a JSON object is undefined. */
export function readPack(text: string | undefined): PackFile | undefined {
  if (text === undefined || !text.trim()) return emptyWorkspacePack();
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const pack = data as PackFile;
    return pack.pack && typeof pack.pack === 'object' ? pack : undefined;
  } catch {
    return undefined;
  }
}

const LATIN: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ء: '', ؤ: 'u', ئ: 'i', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd',
  ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k',
  ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: 'w', ي: 'y', ى: 'a', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'y',
};

/**
 * An ASCII slug for an entity id from an Arabic name, by a rough letter-by-letter transliteration.
 * It is only an identifier, never shown as the English name.
 */
export function slugFromArabic(ar: string): string {
  let s = '';
  for (const ch of ar.normalize('NFC')) {
    if (/\s/.test(ch)) s += '-';
    else if (ch in LATIN) s += LATIN[ch];
    else if (/[A-Za-z0-9]/.test(ch)) s += ch.toLowerCase();
  }
  s = s.replace(/-+/g, '-').replace(/^-|-$/g, '');
  return s || 'name';
}

const PREFIX: Record<EntityType, string> = { person: 'person', country: 'country', location: 'location', organization: 'org' };

/** The pack with a new entity named `ar` of `type`; its id is a fresh `<prefix>:ws-<slug>`. */
export function addEntity(pack: PackFile, type: EntityType, ar: string): { pack: PackFile; id: string } {
  const ids = new Set((pack.entities ?? []).map((e) => e.id));
  const base = `${PREFIX[type]}:ws-${slugFromArabic(ar)}`;
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  const entity: EntitySpec = { id, type, name: { ar } };
  return { pack: { ...pack, entities: [...(pack.entities ?? []), entity] }, id };
}

/** The pack with `alias` hidden (never marked), unless it is already hidden. */
export function hideAlias(pack: PackFile, alias: string): PackFile {
  if ((pack.hide ?? []).some((h) => h.alias === alias)) return pack;
  return { ...pack, hide: [...(pack.hide ?? []), { alias }] };
}
