// Builds every bundle of the product with one esbuild script: the VS Code client, the language server,
// the news-lens command line, the benchmark and the quality measures (`npm run eval`). `--watch` rebuilds on change; `--quiet` prints errors only.
// It also compiles the built-in knowledge packs into dist/builtin-knowledge.bin (see
// server/src/knowledge/compiled.ts), which the bundles of this build read instead of the packs.
const crypto = require('crypto');
const esbuild = require('esbuild');
const fs = require('fs');
const Module = require('module');
const path = require('path');

const watch = process.argv.includes('--watch');
const quiet = process.argv.includes('--quiet');
const production = process.argv.includes('--production');

/** One entry per bundle; the client alone may import `vscode`. */
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js' },
  { entryPoints: ['bench/eval.ts'], outfile: 'dist/eval.js' },
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
};

/**
 * Compiles the built-in packs with the code of this build (bundled here, run in this process) and
 * returns the build's name: a digest of that code, which the bundles carry as __NEWS_LENS_BUILD__ and
 * check against the compiled file's. Undefined when no file was written (a pack with problems).
 */
async function compileKnowledge() {
  const out = path.join(__dirname, 'dist', 'builtin-knowledge.bin');
  const result = await esbuild.build({ ...common, entryPoints: ['server/src/knowledge/load.ts'], write: false, logLevel: 'error' });
  const code = result.outputFiles[0].text;
  const build = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const m = new Module(path.join(__dirname, 'dist', 'compile-knowledge.js'), module);
  m.filename = m.id;
  m.paths = Module._nodeModulePaths(path.dirname(m.filename));
  m._compile(code, m.filename);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (!m.exports.writeCompiledKnowledge(out, build)) {
    console.error('esbuild.js: a built-in pack has problems; no compiled knowledge written');
    return undefined;
  }
  return build;
}

async function main() {
  // In watch mode the code changes under a compiled file, so there is none: the bundles read the packs.
  let build;
  if (watch) fs.rmSync(path.join(__dirname, 'dist', 'builtin-knowledge.bin'), { force: true });
  else build = await compileKnowledge();
  const contexts = [];
  for (const b of bundles) {
    if (!fs.existsSync(b.entryPoints[0])) continue;
    contexts.push(
      await esbuild.context({
        ...b,
        ...common,
        sourcemap: !production,
        minify: production,
        logLevel: quiet ? 'error' : 'info',
        external: [...(b.external || [])],
        define: build ? { __NEWS_LENS_BUILD__: JSON.stringify(build) } : {},
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
