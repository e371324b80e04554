/**
 * The knowledge base: loaded packs merged into one set of entities, with every alias the matcher may
 * look for. Later packs win: the analyst's workspace packs come after the built-in ones, may redefine
 * an entity by id, add aliases to it (`extend`) or hide an entity or an alias (`hide`).
 */
import type { CompiledIndex } from '../analysis/gazetteer';
import type { EntityType, MentionForm } from '../analysis/types';
import { normalizeArabic } from '../analysis/normalize';
import { deriveNisbaStem, inflectNisba } from '../analysis/nisba';
import { addGeneratedAliases } from './variants';
import type { AliasObject, AliasSpec, Entity, LoadedPack } from './types';

/** One surface form that names an entity, as the matcher indexes it. */
export interface AliasEntry {
  entityId: string;
  type: EntityType;
  /** The alias as written in the pack, or the generated nisba form. */
  alias: string;
  /** Normalized alias: tokens separated by one space. */
  norm: string;
  form: Extract<MentionForm, 'name' | 'adjective'>;
  short: boolean;
  unsafe: boolean;
  ambiguous: boolean;
  /** Id of the pack that supplied the alias. */
  pack: string;
  /** Position of the pack in load order; later packs win ties. */
  packRank: number;
  /**
   * Tokens at the start of the alias that the span leaves out: a title (الملك سلمان) or a head noun
   * before a name that is an alias itself (حركة حماس). Set by knowledge/variants.ts.
   */
  lead: number;
  /** A spelling made by the rules of knowledge/variants.ts, not written in a pack. */
  generated: boolean;
}

export interface PackSummary {
  id: string;
  source: string;
  builtin: boolean;
  entities: number;
}

/**
 * What the compiled built-in packs (compiled.ts) give a knowledge base in place of its packs: the
 * merged entities, the alias entries and the Gazetteer's index over them.
 */
export interface CompiledKnowledge {
  entities: ReadonlyMap<string, Entity>;
  aliases: AliasEntry[];
  packs: PackSummary[];
  index: CompiledIndex;
}

export class KnowledgeBase {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly aliases: AliasEntry[];
  readonly packs: PackSummary[];
  /** The Gazetteer's index built ahead of time, when the knowledge base was read from compiled packs. */
  readonly compiled: CompiledIndex | undefined;
  /** Changes whenever the packs change, so that caches keyed by it stay honest. */
  readonly version: number;

  /** Merges `packs` in order, or takes a knowledge base that was merged ahead of time. */
  constructor(source: LoadedPack[] | CompiledKnowledge, version = 0) {
    this.version = version;
    if (Array.isArray(source)) {
      const merged = mergePacks(source);
      this.entities = merged.entities;
      this.aliases = merged.aliases;
      this.packs = merged.packs;
      this.compiled = undefined;
    } else {
      this.entities = source.entities;
      this.aliases = source.aliases;
      this.packs = source.packs;
      this.compiled = source.index;
    }
  }

  get(id: string): Entity | undefined {
    return this.entities.get(id);
  }
}

/** Merges loaded packs in order: entities by id, `extend` and `hide`, then every alias and nisba form. */
function mergePacks(packs: LoadedPack[]): { entities: Map<string, Entity>; aliases: AliasEntry[]; packs: PackSummary[] } {
  const entities = new Map<string, Entity>();
  const aliases: AliasEntry[] = [];
  const summaries: PackSummary[] = [];
  const hiddenIds = new Set<string>();
  const hiddenAliases = new Set<string>();
  const extraAliases = new Map<string, { spec: AliasSpec; pack: string; rank: number }[]>();
  const extraNisba = new Map<string, { stem: string; pack: string; rank: number }[]>();
  packs.forEach((loaded, rank) => {
    const { data } = loaded;
    const packId = data.pack.id;
    summaries.push({ id: packId, source: loaded.source, builtin: loaded.builtin, entities: data.entities?.length ?? 0 });
    for (const e of data.entities ?? []) {
      entities.set(e.id, { ...e, pack: packId });
    }
    for (const x of data.extend ?? []) {
      for (const a of x.aliases ?? []) push(extraAliases, x.id, { spec: a, pack: packId, rank });
      for (const n of x.nisba ?? []) push(extraNisba, x.id, { stem: n, pack: packId, rank });
      const target = entities.get(x.id);
      if (target && x.roles?.length) entities.set(x.id, { ...target, roles: [...(target.roles ?? []), ...x.roles] });
    }
    for (const h of data.hide ?? []) {
      if (h.id) hiddenIds.add(h.id);
      if (h.alias) hiddenAliases.add(normalizeArabic(h.alias));
    }
  });
  for (const id of hiddenIds) entities.delete(id);
  // Built-in packs share one rank, so that file names never decide between them (a country beats a
  // city of the same name by type); each analyst's pack ranks above the built-in ones, later above earlier.
  const rankOf = new Map(summaries.map((p, i) => [p.id, p.builtin ? 0 : i + 1]));

  const add = (e: Entity, spec: AliasSpec, form: AliasEntry['form'], pack: string) => {
    const alias = typeof spec === 'string' ? spec : spec.ar;
    const norm = normalizeArabic(alias);
    if (!norm || hiddenAliases.has(norm)) return;
    const flags: Partial<AliasObject> | undefined = typeof spec === 'string' ? undefined : spec;
    aliases.push({
      entityId: e.id,
      type: e.type,
      alias,
      norm,
      form,
      short: !!flags?.short,
      unsafe: !!flags?.unsafe,
      ambiguous: !!flags?.ambiguous,
      pack,
      packRank: rankOf.get(pack) ?? 0,
      lead: 0,
      generated: false,
    });
  };
  for (const e of entities.values()) {
    add(e, e.name.ar, 'name', e.pack);
    for (const a of e.aliases ?? []) add(e, a, 'name', e.pack);
    for (const x of extraAliases.get(e.id) ?? []) add(e, x.spec, 'name', x.pack);
    // Most entities (people, organizations) have no nisba: they skip the map of stems.
    const extra = extraNisba.get(e.id);
    const derive = e.type === 'country' && !e.noNisbaRule;
    if (!e.nisba?.length && !extra && !derive) continue;
    const stems = new Map<string, string>();
    for (const s of e.nisba ?? []) stems.set(normalizeArabic(s), e.pack);
    for (const x of extra ?? []) stems.set(normalizeArabic(x.stem), x.pack);
    if (derive) {
      const derived = deriveNisbaStem(e.name.ar);
      if (derived && !stems.has(derived)) stems.set(derived, e.pack);
    }
    for (const [stem, pack] of stems) for (const form of inflectNisba(stem)) add(e, form, 'adjective', pack);
  }
  addGeneratedAliases(entities, aliases);
  return { entities, aliases, packs: summaries };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
