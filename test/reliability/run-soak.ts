/**
 * `npm run soak`: the reliability suites at the full sizes (RELIABILITY_FULL=1): 10,000 edits
 * to a 5 MB article, a 5 MB line, a 50 MB document. Takes tens of minutes; `npm test` runs the same
 * suites at CI sizes. Extra arguments name the suites to run (e.g. `npm run soak -- soak`).
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

process.env.RELIABILITY_FULL = '1';
const only = process.argv.slice(2);
const mocha = new Mocha({ timeout: 0, reporter: 'spec' });
for (const f of fs.readdirSync(__dirname).sort()) {
  if (!f.endsWith('.test.js')) continue;
  if (only.length && !only.some((o) => f.startsWith(o))) continue;
  mocha.addFile(path.join(__dirname, f));
}
mocha.run((failures) => {
  process.exitCode = failures ? 1 : 0;
});
