/**
 * Converts a PETRARCH / UniversalPetrarch actor dictionary into a knowledge pack. Pure: text in,
 * pack and report out.
 *
 * The dictionary format: an actor phrase on its own line, words joined by `_` (`نوري_المالكي_`), then
 * its codes, either on the same line (`غزة  [PSE]`) or on indented lines below, each with an optional
 * date range (`[IRQGOV 20101221-20140908]`, `[IGO > 20080219]`, `[SAU <20130101]`). `+phrase` lines add
 * synonyms to the actor above; `#` starts a comment. A code is a country (ISO 3166-1 alpha-3) or a
 * group (IGO, INT, NGO…) followed by sector codes (GOV, MIL, REB…). Agent entries (`[~REB]`) are
 * generic roles, not actors, and are skipped.
 */
import { normalizeArabic } from '../analysis/normalize';
import { COMMON_WORDS } from '../analysis/stopwords';
import { hashString } from '../analysis/tokenize';
import type { EntityType } from '../analysis/types';
import type { EntitySpec, PackFile, Role } from './types';

/** Sector codes of CAMEO with their English and Arabic labels (translations of the code book). */
const SECTORS: Record<string, { en: string; ar: string }> = {
  GOV: { en: 'Government', ar: 'الحكومة' },
  MIL: { en: 'Military', ar: 'الجيش' },
  REB: { en: 'Rebels', ar: 'متمردون' },
  COP: { en: 'Police', ar: 'الشرطة' },
  ELI: { en: 'Elite', ar: 'النخبة' },
  CVL: { en: 'Civilian', ar: 'مدنيون' },
  PTY: { en: 'Political party', ar: 'حزب سياسي' },
  REF: { en: 'Refugees', ar: 'لاجئون' },
  OPP: { en: 'Opposition', ar: 'المعارضة' },
  LEG: { en: 'Legislature', ar: 'السلطة التشريعية' },
  JUD: { en: 'Judiciary', ar: 'القضاء' },
  SPY: { en: 'Intelligence', ar: 'الاستخبارات' },
  MED: { en: 'Media', ar: 'الإعلام' },
  BUS: { en: 'Business', ar: 'قطاع الأعمال' },
  EDU: { en: 'Education', ar: 'التعليم' },
  HLH: { en: 'Health', ar: 'الصحة' },
  HRI: { en: 'Human rights', ar: 'حقوق الإنسان' },
  UAF: { en: 'Unidentified armed forces', ar: 'قوات مسلحة غير محددة' },
  CRM: { en: 'Criminal', ar: 'إجرام' },
  RAD: { en: 'Radical', ar: 'متطرفون' },
  DEV: { en: 'Development', ar: 'التنمية' },
  LAB: { en: 'Labour', ar: 'العمال' },
  AGR: { en: 'Agriculture', ar: 'الزراعة' },
  ENV: { en: 'Environment', ar: 'البيئة' },
  REL: { en: 'Religious', ar: 'ديني' },
  INS: { en: 'Insurgents', ar: 'متمردون' },
  SEP: { en: 'Separatists', ar: 'انفصاليون' },
  MNC: { en: 'Multinational corporation', ar: 'شركة متعددة الجنسيات' },
};

/** Codes that stand where a country would: international and non-state groups. */
const GROUPS: Record<string, { en: string; ar: string }> = {
  IGO: { en: 'Intergovernmental organization', ar: 'منظمة دولية' },
  INT: { en: 'International', ar: 'دولي' },
  NGO: { en: 'Non-governmental organization', ar: 'منظمة غير حكومية' },
  IMG: { en: 'International militarized group', ar: 'جماعة مسلحة دولية' },
  MNC: { en: 'Multinational corporation', ar: 'شركة متعددة الجنسيات' },
  UNO: { en: 'United Nations', ar: 'الأمم المتحدة' },
};

/** Head nouns that make an actor an organization rather than a person. */
const ORG_HEADS = new Set(
  `حركة حزب مجلس جيش وزارة منظمة اتحاد قوة قوات شرطة جبهة هيئة لجنة حكومة جامعة جماعة تنظيم وكالة شركة
  بنك مصرف سفارة ديوان برلمان محكمة كتائب ألوية لواء فيلق مؤتمر مجموعة رابطة جمعية مؤسسة نظام ائتلاف تحالف
  الديوان المجلس الحكومة الجيش`
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeArabic),
);

export interface ImportReport {
  actors: number;
  entities: Record<EntityType, number>;
  rolesWithDates: number;
  skipped: { reason: string; count: number; examples: string[] }[];
  warnings: { reason: string; count: number; examples: string[] }[];
}

interface Actor {
  phrases: string[];
  codes: { code: string; from?: string; to?: string; line: number }[];
  line: number;
}

/** A code with its dates as written: `[IRQGOV 20101221-20140908]`, `[IGO > 20080219]`, `[PSE]`. */
const CODE_RE = /\[\s*(~?[A-Z0-9]*)(\?)?\s*(?:(\d{8})\s*-\s*(\d{8})|>\s*(\d{8})|<\s*(\d{8}))?\s*\]/g;

function isoDate(d: string): string | undefined {
  const y = +d.slice(0, 4);
  const m = +d.slice(4, 6);
  const day = +d.slice(6, 8);
  if (y < 1800 || y > 2100 || m < 1 || m > 12 || day < 1 || day > 31) return undefined;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

/** The phrase of an actor line, with `_` as spaces; empty when the line holds only codes. */
function phraseOf(line: string): string {
  return line
    .replace(CODE_RE, ' ')
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Converts dictionary text to a pack. `alpha3` maps ISO alpha-3 codes to the pack ids of countries
 * (IRQ → country:IQ); codes it does not know become warnings, not roles.
 */
export function importPetrarch(text: string, options: { packId: string; source: string; alpha3: (code: string) => string | undefined }): { pack: PackFile; report: ImportReport } {
  const skipped = new Map<string, { count: number; examples: string[] }>();
  const warnings = new Map<string, { count: number; examples: string[] }>();
  const note = (map: typeof skipped, reason: string, example: string) => {
    const e = map.get(reason) ?? { count: 0, examples: [] };
    e.count++;
    if (e.examples.length < 5) e.examples.push(example);
    map.set(reason, e);
  };

  // 1. Read actors: a phrase line opens an actor, indented code lines and + lines belong to it.
  const actors: Actor[] = [];
  let current: Actor | undefined;
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/\s*#.*$/, '');
    if (!line.trim()) return;
    const codes = [...line.matchAll(CODE_RE)].map((m) => ({
      code: m[1] + (m[2] ?? ''),
      from: m[3] ?? m[5],
      to: m[4] ?? m[6],
      line: lineNo,
    }));
    const phrase = phraseOf(line);
    if (line.trimStart().startsWith('+') && current) {
      const synonym = phrase.replace(/^\+\s*/, '');
      if (synonym) current.phrases.push(synonym);
      current.codes.push(...codes);
      return;
    }
    if (!phrase) {
      if (current) current.codes.push(...codes);
      else note(skipped, 'codes before any actor', `line ${lineNo}`);
      return;
    }
    current = { phrases: [phrase], codes, line: lineNo };
    actors.push(current);
  });

  // 2. Merge duplicates: the same normalized phrase is one actor.
  const byPhrase = new Map<string, Actor>();
  for (const a of actors) {
    const key = normalizeArabic(a.phrases[0]);
    const seen = byPhrase.get(key);
    if (seen) {
      note(warnings, 'duplicate actor merged', `line ${a.line}: ${a.phrases[0]} (first at line ${seen.line})`);
      seen.codes.push(...a.codes);
      for (const p of a.phrases.slice(1)) seen.phrases.push(p);
    } else byPhrase.set(key, a);
  }

  // 3. Turn actors into entities.
  const entities: EntitySpec[] = [];
  const counts: Record<EntityType, number> = { person: 0, country: 0, location: 0, organization: 0 };
  let rolesWithDates = 0;
  const usedIds = new Set<string>();
  for (const a of byPhrase.values()) {
    const name = a.phrases[0];
    const norm = normalizeArabic(name);
    if (norm.replace(/ /g, '').length < 2) {
      note(skipped, 'phrase shorter than two letters', `line ${a.line}: ${name}`);
      continue;
    }
    if (!/[\u0600-\u06ff]/.test(name)) {
      note(skipped, 'phrase without Arabic letters', `line ${a.line}: ${name}`);
      continue;
    }
    if (!norm.includes(' ') && COMMON_WORDS.has(norm)) {
      note(skipped, 'a common word alone (would mark every use of the word)', `line ${a.line}: ${name}`);
      continue;
    }
    if (a.codes.length && a.codes.every((c) => c.code.startsWith('~'))) {
      note(skipped, 'agent entry (~CODE): a generic role, not an actor', `line ${a.line}: ${name}`);
      continue;
    }
    const roles: Role[] = [];
    let country: string | undefined;
    let onlyCountry = a.codes.length > 0;
    for (const c of a.codes) {
      if (!c.code) {
        note(warnings, 'empty code dropped', `line ${c.line}: ${name}`);
        continue;
      }
      if (c.code.endsWith('?')) {
        note(warnings, 'uncertain code (?) dropped', `line ${c.line}: ${name} ${c.code}`);
        continue;
      }
      const head = c.code.slice(0, 3);
      const group = GROUPS[head];
      const countryId = group ? undefined : options.alpha3(head);
      if (!group && !countryId && !SECTORS[head]) {
        note(warnings, 'unknown country or group code dropped', `line ${c.line}: ${name} ${c.code}`);
        continue;
      }
      const sectorCodes = (group || countryId ? c.code.slice(3) : c.code).match(/.{3}/g) ?? [];
      const sectors = sectorCodes.map((s) => SECTORS[s]).filter(Boolean);
      if (sectorCodes.length !== sectors.length) note(warnings, 'unknown sector code ignored', `line ${c.line}: ${name} ${c.code}`);
      if (sectors.length || group) onlyCountry = false;
      if (countryId) country ??= countryId;
      let from = c.from && isoDate(c.from);
      let to = c.to && isoDate(c.to);
      if ((c.from && !from) || (c.to && !to)) note(warnings, 'impossible date dropped', `line ${c.line}: ${name} ${c.code} ${c.from ?? ''}-${c.to ?? ''}`);
      if (from && to && to < from) {
        note(warnings, 'reversed date range: end dropped', `line ${c.line}: ${name} ${c.from}-${c.to}`);
        to = undefined;
      }
      if (from && from > '2100') from = undefined;
      const parts = [...(group ? [group] : []), ...sectors];
      if (!parts.length) continue;
      const role: Role = {
        title: { ar: parts.map((p) => p.ar).join(' — '), en: `${parts.map((p) => p.en).join(', ')} (CAMEO ${c.code})` },
        ...(countryId ? { country: countryId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      };
      if (!roles.some((r) => JSON.stringify(r) === JSON.stringify(role))) roles.push(role);
    }
    if (!a.codes.length) {
      note(skipped, 'actor without any code', `line ${a.line}: ${name}`);
      continue;
    }
    const firstWord = norm.split(' ')[0];
    // A phrase coded with a country alone is a place; a body's head noun makes an organization; the rest
    // (names with sector codes) are people. The report counts each kind so that a reviewer can check.
    const type: EntityType = onlyCountry ? 'location' : ORG_HEADS.has(firstWord) ? 'organization' : 'person';
    const prefix = type === 'organization' ? 'org' : type;
    let id = `${prefix}:upa-${(hashString(norm) >>> 0).toString(16).padStart(8, '0')}`;
    for (let k = 2; usedIds.has(id); k++) id = `${prefix}:upa-${(hashString(norm) >>> 0).toString(16).padStart(8, '0')}-${k}`;
    usedIds.add(id);
    const aliases = [...new Set(a.phrases.slice(1).filter((p) => normalizeArabic(p) !== norm && normalizeArabic(p).length >= 2))];
    const entity: EntitySpec = {
      id,
      type,
      name: { ar: name },
      ...(aliases.length ? { aliases } : {}),
      ...(country && type !== 'location' ? { country } : {}),
      ...(type === 'location' && country ? { country } : {}),
      ...(type === 'person' && roles.length ? { roles } : {}),
      note: `UniversalPetrarch actor, line ${a.line}${type !== 'person' && roles.length ? `; codes ${roles.map((r) => r.title.en).join('; ')}` : ''}`,
    };
    if (type === 'person') rolesWithDates += roles.some((r) => r.from || r.to) ? 1 : 0;
    counts[type]++;
    entities.push(entity);
  }
  entities.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const list = (map: typeof skipped) => [...map].map(([reason, v]) => ({ reason, ...v })).sort((x, y) => y.count - x.count);
  return {
    pack: {
      pack: {
        id: options.packId,
        name: 'Imported PETRARCH actors',
        description: `Imported from ${options.source}. Phrases are as the dictionary writes them (often lemmatized, without ال); review before use.`,
        sources: [options.source],
      },
      entities,
    },
    report: { actors: actors.length, entities: counts, rolesWithDates, skipped: list(skipped), warnings: list(warnings) },
  };
}
