// Builds every bundle of the product with one esbuild script: the VS Code client, the language server,
// the news-lens command line and the benchmark. `--watch` rebuilds on change; `--quiet` prints errors only.
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');
const quiet = process.argv.includes('--quiet');
const production = process.argv.includes('--production');

/** One entry per bundle; the client alone may import `vscode`. */
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js' },
];

async function main() {
  const fs = require('fs');
  const contexts = [];
  for (const b of bundles) {
    if (!fs.existsSync(b.entryPoints[0])) continue;
    contexts.push(
      await esbuild.context({
        ...b,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: !production,
        minify: production,
        logLevel: quiet ? 'error' : 'info',
        external: [...(b.external || [])],
        // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
        mainFields: ['module', 'main'],
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
