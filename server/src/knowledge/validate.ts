/**
 * Parses and validates a knowledge pack's text, and reports every problem at its offset in that text,
 * so that the editor can put a diagnostic at the right line and column. Pure: no file access.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../../../knowledge/pack.schema.json';
import { normalizeArabic } from '../analysis/normalize';
import type { AliasSpec, PackFile } from './types';

export type Severity = 'error' | 'warning';

/** A problem in a pack, at `[start, end)` UTF-16 offsets into the pack's text. */
export interface PackProblem {
  start: number;
  end: number;
  severity: Severity;
  message: string;
}

export interface ParsedPack {
  /** The pack, when it parsed and validated without errors. */
  pack?: PackFile;
  problems: PackProblem[];
}

let validator: ValidateFunction | undefined;

/** The compiled schema validator, built once, on first use: compiling costs far more than validating. */
export function packValidator(): ValidateFunction {
  if (!validator) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv2020 = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

/** Ajv reports a `oneOf` failure together with the failures of each branch; keep the most useful. */
function usefulErrors(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const out: ErrorObject[] = [];
  for (const list of byPath.values()) {
    const specific = list.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'type' && e.keyword !== 'if');
    out.push(...(specific.length ? specific.slice(0, 2) : list.slice(0, 1)));
  }
  return out;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function nodeSpan(root: Node | undefined, path: (string | number)[]): { start: number; end: number } {
  let node = root && findNodeAtLocation(root, path);
  // A missing property is reported on its parent object.
  for (let cut = path.length; !node && cut > 0; cut--) node = root && findNodeAtLocation(root, path.slice(0, cut - 1));
  if (!node) return { start: 0, end: 1 };
  // Point at the key of a property value, which reads better than the whole value.
  if (node.parent?.type === 'property' && node.parent.children?.[0] && node.type === 'object') {
    const key = node.parent.children[0];
    return { start: key.offset, end: key.offset + key.length };
  }
  return { start: node.offset, end: node.offset + node.length };
}

function aliasText(a: AliasSpec): string {
  return typeof a === 'string' ? a : a.ar;
}

/**
 * Parses and validates a pack: JSON syntax, the JSON Schema, then rules the schema cannot say
 * (duplicate ids, a role that ends before it starts, one-letter aliases).
 */
export function parsePack(text: string): ParsedPack {
  const problems: PackProblem[] = [];
  // An empty file (a pack just created, or truncated by a failed save) gets one clear message.
  if (!text.replace(/^\uFEFF/, '').trim()) {
    return { problems: [{ start: 0, end: Math.min(1, text.length), severity: 'error', message: 'the pack file is empty: a pack is a JSON object with "pack" and "entities"' }] };
  }
  // The JSON parsers recurse per level: a hostile pack nested 100,000 deep would overflow the stack.
  const deep = nestingBeyond(text, MAX_DEPTH);
  if (deep >= 0) {
    return { problems: [{ start: deep, end: deep + 1, severity: 'error', message: `JSON nested deeper than ${MAX_DEPTH} levels; a pack needs about 6` }] };
  }
  // JSON.parse accepts what the tree parser accepts; the tree, which costs several times more on a
  // large pack, is built only to place a problem (or to say where the JSON is broken).
  let data: unknown;
  let parseError: Error | undefined;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    parseError = e as Error;
  }
  let tree: Node | undefined;
  const root = (): Node | undefined => (tree ??= parseTree(text.replace(/^\uFEFF/, ' '), [], { allowTrailingComma: false, disallowComments: true }));
  if (parseError) {
    const errors: ParseError[] = [];
    const parsed = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: false, disallowComments: true });
    for (const e of errors) {
      problems.push({ start: e.offset, end: e.offset + Math.max(1, e.length), severity: 'error', message: `JSON: ${printParseErrorCode(e.error)}` });
    }
    if (errors.length || !parsed) return { problems };
    problems.push({ start: 0, end: 1, severity: 'error', message: `JSON: ${parseError.message}` });
    return { problems };
  }
  const validate = packValidator();
  if (!validate(data)) {
    for (const err of usefulErrors(validate.errors ?? [])) {
      const span = nodeSpan(root(), pointerToPath(err.instancePath));
      const where = err.instancePath || '(top level)';
      const extra = err.keyword === 'additionalProperties' ? ` (${(err.params as { additionalProperty: string }).additionalProperty})` : '';
      problems.push({ ...span, severity: 'error', message: `${where}: ${err.message}${extra}` });
    }
    return { problems };
  }
  const pack = data as PackFile;
  const seen = new Map<string, number>();
  (pack.entities ?? []).forEach((e, i) => {
    const at = (path: (string | number)[]) => nodeSpan(root(), ['entities', i, ...path]);
    if (seen.has(e.id)) problems.push({ ...at(['id']), severity: 'error', message: `duplicate id ${e.id} (also entity #${seen.get(e.id)})` });
    else seen.set(e.id, i);
    if (!e.id.startsWith(e.type === 'organization' ? 'org:' : `${e.type}:`)) {
      problems.push({ ...at(['id']), severity: 'error', message: `id ${e.id} does not start with the prefix of type ${e.type}` });
    }
    // Two code units can still fold to one letter (a letter and a mark, a letter and tatweel): such a
    // name would mark every lone letter, so the rule applies to names, aliases and nisba stems alike.
    if (tooShort(e.name.ar)) problems.push({ ...at(['name', 'ar']), severity: 'error', message: `name «${e.name.ar}» is shorter than two letters after normalization` });
    (e.aliases ?? []).forEach((a, j) => {
      if (tooShort(aliasText(a))) {
        problems.push({ ...at(['aliases', j]), severity: 'error', message: `alias «${aliasText(a)}» is shorter than two letters after normalization` });
      }
    });
    (e.nisba ?? []).forEach((n, j) => {
      if (tooShort(n)) problems.push({ ...at(['nisba', j]), severity: 'error', message: `nisba stem «${n}» is shorter than two letters after normalization` });
    });
    (e.roles ?? []).forEach((r, j) => {
      if (r.from && r.to && r.to.localeCompare(r.from) < 0 && !r.from.startsWith(r.to)) {
        problems.push({ ...at(['roles', j]), severity: 'error', message: `role ends (${r.to}) before it starts (${r.from})` });
      }
    });
  });
  (pack.extend ?? []).forEach((x, i) => {
    (x.aliases ?? []).forEach((a, j) => {
      if (tooShort(aliasText(a))) {
        problems.push({ ...nodeSpan(root(), ['extend', i, 'aliases', j]), severity: 'error', message: `alias «${aliasText(a)}» is shorter than two letters after normalization` });
      }
    });
  });
  return { pack, problems };
}

/** Deepest nesting of objects and arrays accepted in a pack. */
export const MAX_DEPTH = 64;

/** The offset of the first bracket that opens level `max + 1`, or -1; brackets in strings do not count. */
function nestingBeyond(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

function tooShort(s: string): boolean {
  return normalizeArabic(s).replace(/ /g, '').length < 2;
}
