/**
 * Knowledge packs as they are written on disk (see knowledge/pack.schema.json) and as the
 * knowledge base holds them after loading. Pure data: no I/O here.
 */
import type { EntityType } from '../analysis/types';

export interface Names {
  ar: string;
  en?: string;
}

export interface AliasObject {
  ar: string;
  short?: boolean;
  unsafe?: boolean;
  ambiguous?: boolean;
  note?: string;
}

export type AliasSpec = string | AliasObject;

export interface Role {
  title: Names;
  organization?: string;
  country?: string;
  from?: string;
  to?: string;
  note?: string;
}

export interface Links {
  wikidata?: string;
  wikipediaAr?: string;
  wikipediaEn?: string;
}

export interface EntitySpec {
  id: string;
  type: EntityType;
  name: Names;
  aliases?: AliasSpec[];
  nisba?: string[];
  noNisbaRule?: boolean;
  kind?: string;
  country?: string;
  roles?: Role[];
  links?: Links;
  note?: string;
}

export interface PackFile {
  $schema?: string;
  pack: { id: string; name?: string; description?: string; version?: string; sources?: string[] };
  entities?: EntitySpec[];
  extend?: { id: string; aliases?: AliasSpec[]; nisba?: string[]; roles?: Role[] }[];
  hide?: { id?: string; alias?: string; note?: string }[];
}

/** A pack after it was read and validated, with where it came from. */
export interface LoadedPack {
  data: PackFile;
  /** File path or URI, for hover cards and diagnostics. */
  source: string;
  builtin: boolean;
}

/** An entity in the merged knowledge base: the spec plus the pack that defined it. */
export interface Entity extends EntitySpec {
  pack: string;
}
