/**
 * The layers of ARCHITECTURE.md ("Layers" table and invariant 1), checked on every import of every
 * TypeScript file under server/ and client/. The rules live here, next to this pointer to the table:
 * change both together. Imports are read with TypeScript's own scanner (`import`, `export … from`,
 * `import()`, `require()`, type-only imports too), so a comment or a string does not count.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const REPO = path.join(__dirname, '..', '..', '..');

/** A layer is a folder (or file) of the repository, named by its path from the root. */
const LAYERS = ['server/src/analysis/', 'server/src/knowledge/', 'server/src/common/', 'server/src/lsp/', 'server/src/cli/', 'server/src/output/', 'client/'];

export interface Rule {
  /** The layer whose files the rule reads. */
  from: string;
  /** Why, in the words of ARCHITECTURE.md. */
  why: string;
  /** True when the import (a repository path, or a package name) is forbidden. */
  forbids: (target: Target) => boolean;
  /**
   * Known offenders while a move is under way ("file -> import"): the rule then reports them as
   * pending rather than failing; any other offender fails.
   */
  pending?: { offenders: string[]; message: string };
}

/** An import resolved: a file of the repository (`path`) or a package (`pkg`, with Node's built-ins). */
export type Target = { path: string; pkg?: undefined } | { pkg: string; path?: undefined };

const inLayer = (t: Target, layer: string) => t.path !== undefined && (t.path.startsWith(layer) || t.path === layer.replace(/\/$/, ''));
const editorPackage = (t: Target) => t.pkg !== undefined && /^vscode($|-)/.test(t.pkg);

export const RULES: Rule[] = [
  {
    from: 'server/src/analysis/',
    why: 'the core knows no editor and no front end: no vscode*, lsp/, cli/, output/, common/ or client/',
    forbids: (t) =>
      editorPackage(t) || ['server/src/lsp/', 'server/src/cli/', 'server/src/output/', 'server/src/common/', 'client/'].some((l) => inLayer(t, l)),
  },
  {
    from: 'server/src/knowledge/',
    why: 'the core knows no editor and no front end: no vscode*, lsp/, cli/, output/, common/ or client/',
    forbids: (t) =>
      editorPackage(t) || ['server/src/lsp/', 'server/src/cli/', 'server/src/output/', 'server/src/common/', 'client/'].some((l) => inLayer(t, l)),
  },
  {
    from: 'server/src/common/',
    why: 'common/ is shared with the client and imports nothing but itself',
    forbids: (t) => !inLayer(t, 'server/src/common/'),
  },
  {
    from: 'client/',
    why: 'the client does no analysis: of the server it imports server/src/common/ alone',
    forbids: (t) => t.path !== undefined && t.path.startsWith('server/') && !inLayer(t, 'server/src/common/'),
  },
  {
    from: 'server/src/lsp/',
    why: 'the protocol layer takes its JSON and CSV writers from output/, not from the command line (cli/)',
    forbids: (t) => inLayer(t, 'server/src/cli/') || inLayer(t, 'client/') || t.pkg === 'vscode',
    pending: {
      offenders: [
        'server/src/lsp/export.ts -> server/src/cli/csv',
        'server/src/lsp/export.ts -> server/src/cli/json',
        'server/src/lsp/session.ts -> server/src/cli/events-csv',
      ],
      message: 'pending: lsp/ still takes the JSON and CSV writers from cli/; they move to server/src/output/ (issue 13, section 1) and then this rule holds',
    },
  },
  {
    from: 'server/src/cli/',
    why: 'the command line uses the core and output/, not the protocol layer or an editor',
    forbids: (t) => editorPackage(t) || inLayer(t, 'server/src/lsp/') || inLayer(t, 'client/'),
  },
  {
    from: 'server/src/output/',
    why: 'the writers turn an Analysis into text for both front ends and depend on neither',
    forbids: (t) => editorPackage(t) || ['server/src/lsp/', 'server/src/cli/', 'client/'].some((l) => inLayer(t, l)),
  },
];

/** The module specifiers a TypeScript source imports, in order. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Resolves a specifier written in `file` (a repository path) to a repository path or a package name. */
export function resolveImport(file: string, spec: string): Target {
  if (!spec.startsWith('.')) {
    const parts = spec.replace(/^node:/, '').split('/');
    return { pkg: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
  }
  return { path: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) };
}

export interface Violation {
  rule: Rule;
  file: string;
  target: string;
}

/** Every import of the given sources that a rule forbids. */
export function checkImports(sources: { file: string; text: string }[], rules: Rule[] = RULES): Violation[] {
  const out: Violation[] = [];
  for (const { file, text } of sources) {
    for (const rule of rules) {
      if (!file.startsWith(rule.from)) continue;
      for (const spec of importsOf(text)) {
        const target = resolveImport(file, spec);
        if (rule.forbids(target)) out.push({ rule, file, target: target.path ?? target.pkg! });
      }
    }
  }
  return out;
}

function tsFiles(dir: string): string[] {
  const abs = path.join(REPO, dir);
  if (!fs.existsSync(abs)) return [];
  return (fs.readdirSync(abs, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')));
}

const describeViolation = (v: Violation) => `${v.file} -> ${v.target}`;

describe('layering (ARCHITECTURE.md, "Layers")', () => {
  const files = [...tsFiles('server'), ...tsFiles('client')];
  const sources = files.map((file) => ({ file, text: fs.readFileSync(path.join(REPO, file), 'utf8') }));

  it('reads the sources of every layer that exists', () => {
    assert.ok(sources.some((s) => s.file.startsWith('server/src/analysis/')));
    assert.ok(sources.some((s) => s.file.startsWith('client/')));
    assert.ok(sources.reduce((n, s) => n + importsOf(s.text).length, 0) > 100, 'the imports are read');
  });

  it('every layer of the rules that exists on disk is named in ARCHITECTURE.md', () => {
    const architecture = fs.readFileSync(path.join(REPO, 'ARCHITECTURE.md'), 'utf8');
    for (const layer of LAYERS) {
      if (!fs.existsSync(path.join(REPO, layer))) continue;
      assert.ok(architecture.includes(`\`${layer}\``), `${layer} is in the table`);
    }
  });

  for (const rule of RULES) {
    it(`${rule.from}: ${rule.why}`, function () {
      const found = checkImports(sources, [rule]).map(describeViolation);
      if (rule.pending) {
        const pending = rule.pending;
        const unexpected = found.filter((v) => !pending.offenders.includes(v));
        assert.deepStrictEqual(unexpected, [], 'forbidden imports');
        if (found.length) {
          console.log(`      ${pending.message}:\n${found.map((f) => `        ${f}`).join('\n')}`);
          this.skip();
        }
        return;
      }
      assert.deepStrictEqual(found, [], 'forbidden imports');
    });
  }

  describe('the checker', () => {
    it('finds every form of import, not those in comments or strings', () => {
      const text = [
        "import * as a from './a';",
        "import type { B } from '../b';",
        "export { c } from './c';",
        "const d = require('./d');",
        "const e = import('./e');",
        "// import x from './not-this';",
        'const s = "import y from \'./nor-this\'";',
      ].join('\n');
      assert.deepStrictEqual(importsOf(text), ['./a', '../b', './c', './d', './e']);
    });

    it('resolves relative paths to repository paths and keeps packages by name', () => {
      assert.deepStrictEqual(resolveImport('server/src/lsp/export.ts', '../cli/json'), { path: 'server/src/cli/json' });
      assert.deepStrictEqual(resolveImport('client/src/extension.ts', '../../server/src/common/protocol'), { path: 'server/src/common/protocol' });
      assert.deepStrictEqual(resolveImport('server/src/lsp/a.ts', 'vscode-languageserver/node'), { pkg: 'vscode-languageserver' });
      assert.deepStrictEqual(resolveImport('server/src/lsp/a.ts', '@scope/pkg/sub'), { pkg: '@scope/pkg' });
      assert.deepStrictEqual(resolveImport('server/src/lsp/a.ts', 'node:fs'), { pkg: 'fs' });
    });

    it('fails on a synthetic forbidden import in each layer, and passes the allowed ones', () => {
      const synthetic = [
        {
          file: 'server/src/analysis/x.ts',
          text: "import { TextDocuments } from 'vscode-languageserver';\nimport { toRange } from '../lsp/positions';\nimport { normalize } from './normalize';",
        },
        { file: 'server/src/knowledge/x.ts', text: "import { main } from '../cli/main';\nimport { normalize } from '../analysis/normalize';" },
        { file: 'server/src/common/x.ts', text: "import * as fs from 'fs';" },
        {
          file: 'client/src/x.ts',
          text: "import { Analyzer } from '../../server/src/analysis/analyzer';\nimport { Commands } from '../../server/src/common/protocol';\nimport * as vscode from 'vscode';",
        },
        { file: 'server/src/lsp/x.ts', text: "import { toCsv } from '../cli/csv';\nimport { toCsv as w } from '../output/csv';" },
        { file: 'server/src/cli/x.ts', text: "import { Session } from '../lsp/session';\nimport { toCsv } from '../output/csv';" },
        { file: 'server/src/output/x.ts', text: "import { run } from '../cli/main';\nimport type { Analysis } from '../analysis/types';" },
      ];
      assert.deepStrictEqual(checkImports(synthetic).map(describeViolation), [
        'server/src/analysis/x.ts -> vscode-languageserver',
        'server/src/analysis/x.ts -> server/src/lsp/positions',
        'server/src/knowledge/x.ts -> server/src/cli/main',
        'server/src/common/x.ts -> fs',
        'client/src/x.ts -> server/src/analysis/analyzer',
        'server/src/lsp/x.ts -> server/src/cli/csv',
        'server/src/cli/x.ts -> server/src/lsp/session',
        'server/src/output/x.ts -> server/src/cli/main',
      ]);
    });
  });
});
