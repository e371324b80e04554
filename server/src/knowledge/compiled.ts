/**
 * The built-in packs compiled into one file at build time (esbuild.js writes it next to the bundles),
 * so that a cold process does not parse 2 MB of pretty-printed packs, merge them and group 10k aliases
 * before it can analyse anything.
 *
 * The file holds the result of the normal path (KnowledgeBase over the built-in packs, then the
 * Gazetteer's grouping of its aliases), not a second implementation of it. It is used only when it was
 * written by the same build as the code reading it and from the same pack bytes; otherwise the normal
 * path runs. Layout:
 *
 *   line 1   the header, ASCII JSON: format, build code, digest of the packs, sizes of what follows
 *   index    UTF-16LE JSON (decoding it is a copy, where UTF-8 Arabic must be transcoded): packs,
 *            entity ids, alias columns and each pattern's entries
 *   tables   the Gazetteer's typed arrays (trie, filter, token hashes), 4-byte aligned, used in place;
 *            in the machine's byte order, as the file is built where it is used
 *   bodies   UTF-8 JSON of each entity, back to back, parsed only when that entity is asked for
 *            (hover cards, names in the outline): most are never needed in a session
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { EntityType } from '../analysis/types';
import { Gazetteer, type CompiledIndex } from '../analysis/gazetteer';
import { KnowledgeBase, type AliasEntry, type PackSummary } from './knowledge-base';
import type { Entity, LoadedPack } from './types';

/** The compiled file's name, in the folder of the bundles. */
export const COMPILED_FILE = 'builtin-knowledge.bin';

/** Bumped when the layout changes. */
const FORMAT = 3;

const TYPES: EntityType[] = ['person', 'country', 'location', 'organization'];

const ADJECTIVE = 1;
const SHORT = 2;
const UNSAFE = 4;
const AMBIGUOUS = 8;
const GENERATED = 16;
/** The alias's lead (AliasEntry.lead) is stored in the flags' bits from this one up. */
const LEAD_SHIFT = 5;

interface Header {
  format: number;
  /** Identifies the build that wrote the file, and so the code that merged and grouped the packs. */
  code: string;
  /** Digest of the pack files' names and bytes. */
  packs: string;
  indexBytes: number;
  /** Length of each of the Gazetteer's tables, in the order they are stored. */
  tables: Record<Table, number>;
  /** Byte length of the whole file, so that one cut short is refused. */
  size: number;
}

/** The Gazetteer's typed arrays, in the order they are stored. */
const TABLES = ['filter', 'edgeParent', 'edgeHash', 'edgeChild', 'hashes', 'hashStart', 'tokenIds', 'terminal'] as const;
type Table = (typeof TABLES)[number];

interface Index {
  /** Per pack: id, file name in the built-in folder, entity count. */
  packs: [string, string, number][];
  ids: string[];
  /** Index into TYPES of each entity's type. */
  types: number[];
  /** Byte offset of each entity's body after the index; one more entry closes the last body. */
  at: number[];
  entity: number[];
  alias: string[];
  /** The normalized alias, or 0 when it is the alias itself. */
  norm: (string | 0)[];
  flags: number[];
  pack: number[];
  /** As in CompiledIndex. */
  entries: CompiledIndex['entries'];
  words: string[];
  nodes: number;
}

/**
 * Digest of the pack files, names and bytes, in the order given. Reading 2 MB and hashing it costs a
 * few milliseconds, which is what it takes to never use a compiled file that the packs have outgrown.
 */
export function packsDigest(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    hash.update(`${path.basename(file)}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/**
 * Compiles the built-in packs, as read from their files in load order, into the bytes of a compiled
 * file: the knowledge base merged from them and its aliases grouped as the Gazetteer groups them.
 * `code` names the build.
 */
export function compileKnowledge(builtin: LoadedPack[], code: string): Buffer {
  if (builtin.some((p) => !p.builtin)) throw new Error('only built-in packs compile');
  const files = builtin.map((p) => p.source);
  const kb = new KnowledgeBase(builtin);
  const compiled = new Gazetteer(kb).compiledIndex(new Map(kb.aliases.map((a, i) => [a, i])));
  const packIndex = new Map(kb.packs.map((p, i) => [p.id, i]));
  const ids: string[] = [];
  const types: number[] = [];
  const at: number[] = [0];
  const bodies: Buffer[] = [];
  let offset = 0;
  const entityIndex = new Map<string, number>();
  for (const [id, e] of kb.entities) {
    entityIndex.set(id, ids.length);
    ids.push(id);
    types.push(TYPES.indexOf(e.type));
    const body = Buffer.from(JSON.stringify(e), 'utf8');
    bodies.push(body);
    offset += body.length;
    at.push(offset);
  }
  const index: Index = {
    packs: kb.packs.map((p) => [p.id, path.basename(p.source), p.entities]),
    ids,
    types,
    at,
    entity: kb.aliases.map((a) => entityIndex.get(a.entityId)!),
    alias: kb.aliases.map((a) => a.alias),
    norm: kb.aliases.map((a) => (a.norm === a.alias ? 0 : a.norm)),
    flags: kb.aliases.map((a) => (a.form === 'adjective' ? ADJECTIVE : 0) | (a.short ? SHORT : 0) | (a.unsafe ? UNSAFE : 0) | (a.ambiguous ? AMBIGUOUS : 0) | (a.generated ? GENERATED : 0) | (a.lead << LEAD_SHIFT)),
    pack: kb.aliases.map((a) => packIndex.get(a.pack)!),
    entries: compiled.entries,
    words: compiled.words,
    nodes: compiled.nodes,
  };
  const indexBytes = Buffer.from(JSON.stringify(index), 'utf16le');
  const tables = TABLES.map((t) => Buffer.from(compiled[t].buffer, compiled[t].byteOffset, compiled[t].byteLength));
  const lengths = Object.fromEntries(TABLES.map((t) => [t, compiled[t].length])) as Record<Table, number>;
  const rest = [indexBytes, Buffer.alloc(0), ...tables, ...bodies];
  // The header's own length decides the padding before the tables, and the header holds the file size.
  const header: Header = { format: FORMAT, code, packs: packsDigest(files), indexBytes: indexBytes.length, tables: lengths, size: 0 };
  for (;;) {
    const head = Buffer.from(JSON.stringify(header) + '\n', 'ascii');
    rest[1] = Buffer.alloc(align4(head.length + indexBytes.length) - head.length - indexBytes.length);
    const size = head.length + rest.reduce((n, b) => n + b.length, 0);
    if (size === header.size) return Buffer.concat([head, ...rest]);
    header.size = size;
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * The knowledge base compiled in `file` from the built-in pack `files`, or undefined when there is no
 * such file, or it was written by another build (`code`), or from other packs.
 */
export function readCompiledKnowledge(file: string, files: string[], code: string, version = 0): KnowledgeBase | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return undefined;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('ascii', 0, newline)) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== FORMAT || header.code !== code || header.size !== bytes.length || header.packs !== packsDigest(files)) return undefined;
  const start = newline + 1;
  let index: Index;
  try {
    index = JSON.parse(bytes.toString('utf16le', start, start + header.indexBytes)) as Index;
  } catch {
    return undefined; // A file cut short.
  }
  const dir = path.dirname(files[0] ?? '');
  const packs: PackSummary[] = index.packs.map(([id, name, entities]) => ({ id, source: path.join(dir, name), builtin: true, entities }));
  const aliases: AliasEntry[] = new Array(index.alias.length);
  for (let i = 0; i < aliases.length; i++) {
    const e = index.entity[i];
    const flags = index.flags[i];
    const pack = index.packs[index.pack[i]];
    const alias = index.alias[i];
    aliases[i] = {
      entityId: index.ids[e],
      type: TYPES[index.types[e]],
      alias,
      norm: index.norm[i] || alias,
      form: flags & ADJECTIVE ? 'adjective' : 'name',
      short: (flags & SHORT) !== 0,
      unsafe: (flags & UNSAFE) !== 0,
      ambiguous: (flags & AMBIGUOUS) !== 0,
      pack: pack[0],
      // Built-in packs share rank 0 (see mergePacks), and a compiled file holds nothing else.
      packRank: 0,
      lead: flags >>> LEAD_SHIFT,
      generated: (flags & GENERATED) !== 0,
    };
  }
  // The tables are used in place when the file's bytes are 4-byte aligned in memory, else copied.
  let at = align4(start + header.indexBytes);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const table = (t: Table) => {
    const view = new Int32Array(aligned.buffer, aligned.byteOffset + at, header.tables[t]);
    at += view.byteLength;
    return view;
  };
  const [filterWords, edgeParent, edgeHash, edgeChild, hashes, hashStart, tokenIds, terminal] = TABLES.map(table);
  const filter = new Uint32Array(filterWords.buffer, filterWords.byteOffset, filterWords.length);
  const { entries, words, nodes } = index;
  const compiled: CompiledIndex = { entries, hashes, hashStart, tokenIds, words, terminal, nodes, filter, edgeParent, edgeHash, edgeChild };
  const entities = new CompiledEntities(index.ids, aligned.subarray(at), index.at);
  return new KnowledgeBase({ entities, aliases, packs, index: compiled }, version);
}

/**
 * The entities of a compiled knowledge base, each parsed from its body on first use. Going through
 * all of them (`values()`, as `news-lens kb` does) parses them all once.
 */
class CompiledEntities implements ReadonlyMap<string, Entity> {
  private readonly position = new Map<string, number>();
  private readonly parsed: (Entity | undefined)[];
  private full: Map<string, Entity> | undefined;

  constructor(
    private readonly ids: string[],
    private readonly bodies: Buffer,
    private readonly at: number[],
  ) {
    for (let i = 0; i < ids.length; i++) this.position.set(ids[i], i);
    this.parsed = new Array(ids.length);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  get(id: string): Entity | undefined {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.entity(i);
  }

  private entity(i: number): Entity {
    return (this.parsed[i] ??= JSON.parse(this.bodies.toString('utf8', this.at[i], this.at[i + 1])) as Entity);
  }

  /** Every entity parsed, as a Map, for the ways of going through them all. */
  private all(): Map<string, Entity> {
    if (!this.full) {
      const map = new Map<string, Entity>();
      for (let i = 0; i < this.ids.length; i++) map.set(this.ids[i], this.entity(i));
      this.full = map;
    }
    return this.full;
  }

  entries() {
    return this.all().entries();
  }

  keys() {
    return this.all().keys();
  }

  values() {
    return this.all().values();
  }

  [Symbol.iterator]() {
    return this.all()[Symbol.iterator]();
  }

  forEach(callback: (value: Entity, key: string, map: ReadonlyMap<string, Entity>) => void, thisArg?: unknown): void {
    this.all().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
}
