// The workspace the level-4 suite opens: copies of the reference article under the two routes that
// activate the extension (the arabic-news language, and plain text that is mostly Arabic), an
// English plain-text file that must not be analysed, and a workspace pack with one made-up place
// (loaded only in a trusted workspace) with an article that names it. Made fresh for every run.
const fs = require('fs');
const os = require('os');
const path = require('path');

/** A workspace pack with one made-up place, so that the tests can tell whether workspace packs load. */
const WORKSPACE_PACK = {
  pack: { id: 'test.e2e-workspace', description: 'Level-4 test pack: one made-up place that no built-in pack knows.' },
  entities: [{ id: 'location:e2e-mirage-oasis', type: 'location', name: { ar: 'واحة السراب', en: 'Mirage Oasis (test)' } }],
};
const WORKSPACE_ARTICLE = 'زار الوفد واحة السراب ثم عاد إلى سوريا.';

/** Creates the workspace and returns its path. */
function prepareWorkspace(root) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'anl-e2e-ws-'));
  const article = fs.readFileSync(path.join(root, 'examples', 'astana-20.txt'), 'utf8');
  fs.writeFileSync(path.join(ws, 'astana-20.arnews'), article);
  fs.writeFileSync(path.join(ws, 'astana-20.txt'), article);
  fs.writeFileSync(path.join(ws, 'english-notes.txt'), 'Notes in English about the Astana meeting on Syria; nothing here is Arabic.\n');
  fs.mkdirSync(path.join(ws, '.arabic-news'));
  fs.writeFileSync(path.join(ws, '.arabic-news', 'test-workspace.json'), JSON.stringify(WORKSPACE_PACK, null, 2) + '\n');
  fs.writeFileSync(path.join(ws, 'workspace-pack.arnews'), `${WORKSPACE_ARTICLE}\n`);
  return ws;
}

module.exports = { prepareWorkspace, WORKSPACE_ARTICLE };
