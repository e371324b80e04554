#!/usr/bin/env node
// Rewrites knowledge packs in the canonical form reviewers read: entities sorted by id, keys in schema
// order, 2-space indent, final newline. `--check` only reports files that are not canonical (exit 1).
const fs = require('fs');
const path = require('path');

const KEY_ORDER = ['$schema', 'pack', 'id', 'type', 'name', 'ar', 'en', 'short', 'unsafe', 'ambiguous', 'aliases', 'nisba',
  'noNisbaRule', 'kind', 'country', 'title', 'organization', 'from', 'to', 'roles', 'links', 'note', 'entities', 'extend', 'hide'];
const rank = (k) => { const i = KEY_ORDER.indexOf(k); return i < 0 ? KEY_ORDER.length : i; };

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) out[k] = canonical(value[k]);
    return out;
  }
  return value;
}

function format(text) {
  const data = JSON.parse(text);
  for (const list of ['entities', 'extend']) {
    if (Array.isArray(data[list])) data[list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return JSON.stringify(canonical(data), null, 2) + '\n';
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const files = args.filter((a) => !a.startsWith('--'));
const dir = path.join(__dirname, '..', 'knowledge', 'packs');
const targets = files.length ? files : fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
let bad = 0;
for (const file of targets) {
  const text = fs.readFileSync(file, 'utf8');
  let out;
  try {
    out = format(text);
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    bad++;
    continue;
  }
  if (out !== text) {
    if (check) { console.error(`${file}: not in canonical form (run node scripts/format-packs.js)`); bad++; }
    else fs.writeFileSync(file, out);
  }
}
process.exit(bad ? 1 : 0);
