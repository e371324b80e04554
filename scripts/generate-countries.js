#!/usr/bin/env node
/**
 * Generates knowledge/packs/countries.json from CLDR (Node's Intl.DisplayNames), the i18n-iso-countries
 * Arabic names and the hand-curated overlay knowledge/curated/countries-overlay.json.
 *
 * Run once by hand (`node scripts/generate-countries.js`) and commit the output: the extension never reads
 * ICU at run time, because the editor's ICU version is not ours to control. The output is deterministic for
 * a given Node ICU and i18n-iso-countries version (entities sorted by id, aliases in a fixed order).
 *
 * `--check` compares the generated text with the committed file instead of writing it.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OVERLAY_PATH = path.join(ROOT, 'knowledge/curated/countries-overlay.json');
const OUT_PATH = path.join(ROOT, 'knowledge/packs/countries.json');

const { fold } = require('./fold');

/**
 * Source names carry display punctuation: "ميانمار (بورما)", "الكونغو - كينشاسا". News never writes them
 * so; keep the part before the brackets (the bracketed part is an alias only when the overlay lists it)
 * and turn a spaced dash into a space.
 */
function cleanSourceName(s) {
  return s
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+-\s+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function i18nCountries() {
  const pkgPath = require.resolve('i18n-iso-countries/package.json', { paths: [ROOT] });
  const version = JSON.parse(fs.readFileSync(pkgPath, 'utf8')).version;
  const ar = JSON.parse(fs.readFileSync(path.join(path.dirname(pkgPath), 'langs/ar.json'), 'utf8')).countries;
  return { version, ar };
}

function aliasText(a) {
  return typeof a === 'string' ? a : a.ar;
}

function build() {
  const overlay = JSON.parse(fs.readFileSync(OVERLAY_PATH, 'utf8'));
  const { version: i18nVersion, ar: i18nAr } = i18nCountries();
  const cldrAr = new Intl.DisplayNames('ar', { type: 'region', fallback: 'none' });
  const cldrEn = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const unMembers = new Set(overlay.unMembers);
  const observers = new Set(overlay.observers);
  const excluded = overlay.exclude || {};

  // The i18n-iso-countries code list is the ISO 3166-1 list plus XK; it has none of CLDR's pseudo regions
  // (EU, EZ, UN, QO, ZZ), so it is the list to walk.
  const codes = Object.keys(i18nAr).filter((c) => /^[A-Z]{2}$/.test(c) && !(c in excluded)).sort();
  const entities = [];
  for (const code of codes) {
    const cur = overlay.countries[code] || {};
    const cldr = cldrAr.of(code);
    const i18nNames = [].concat(i18nAr[code] || []);
    const en = cur.en || cldrEn.of(code);
    if (!cldr || !en) throw new Error(`CLDR has no name for ${code}`);
    const drop = new Set((cur.drop || []).map(fold));
    const name = cur.name || cleanSourceName(cldr);

    // Overlay aliases first (they carry the flags), then CLDR, then i18n-iso-countries.
    const candidates = [...(cur.aliases || [])];
    for (const raw of [cldr, ...i18nNames]) {
      if (drop.has(fold(raw))) continue;
      candidates.push(cleanSourceName(raw));
    }
    const seen = new Set([fold(name)]);
    const aliases = [];
    for (const a of candidates) {
      const key = fold(aliasText(a));
      // An alias equal to the name is kept only to carry a flag (عمان, الكويت are also cities).
      const flagged = typeof a !== 'string' && (a.ambiguous || a.unsafe);
      if (seen.has(key) && !(flagged && key === fold(name) && !aliases.some((x) => fold(aliasText(x)) === key))) continue;
      seen.add(key);
      aliases.push(a);
    }

    const kind = cur.kind || (observers.has(code) ? 'observer' : unMembers.has(code) ? 'state' : 'territory');
    const entity = { id: `country:${code}`, type: 'country', name: { ar: name, en } };
    if (aliases.length) entity.aliases = aliases;
    if (cur.nisba && cur.nisba.length) entity.nisba = cur.nisba;
    if (cur.noNisbaRule) entity.noNisbaRule = true;
    entity.kind = kind;
    if (cur.note) entity.note = cur.note;
    entities.push(entity);
  }
  for (const code of Object.keys(overlay.countries)) {
    if (!codes.includes(code)) throw new Error(`overlay names ${code}, which no source has`);
  }
  for (const u of unMembers) if (!codes.includes(u)) throw new Error(`UN member ${u} missing`);
  if (unMembers.size !== 193) throw new Error(`expected 193 UN members, overlay lists ${unMembers.size}`);
  // Extras are written in the same key order as the generated entities (the order format-packs.js keeps).
  for (const x of overlay.extra) {
    const e = { id: x.id, type: x.type, name: x.name };
    for (const k of ['aliases', 'nisba', 'noNisbaRule', 'kind', 'country', 'note']) if (x[k] !== undefined) e[k] = x[k];
    entities.push(e);
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  checkCollisions(entities);

  const icu = process.versions.icu;
  const cldrVersion = process.versions.cldr;
  return {
    $schema: '../pack.schema.json',
    pack: {
      id: 'builtin.countries',
      name: 'Countries and territories',
      description:
        'Every ISO 3166-1 country and territory (plus Kosovo, Somaliland and Northern Cyprus) with its Arabic names, news variants and nisba stems. Generated by scripts/generate-countries.js; edit the overlay, not this file.',
      sources: [
        `CLDR ${cldrVersion} via Node ${process.versions.node} (ICU ${icu}): Intl.DisplayNames ar and en, type region`,
        `i18n-iso-countries ${i18nVersion} (MIT): langs/ar.json`,
        'knowledge/curated/countries-overlay.json: hand-curated news variants, official long forms, nisba stems, kinds and the entities without an ISO code',
      ],
    },
    entities,
  };
}

/**
 * Two countries must not share an alias unless both mark it ambiguous; the script stops rather than
 * write a pack the matcher would resolve by chance.
 */
function checkCollisions(entities) {
  const owners = new Map();
  for (const e of entities) {
    const forms = [{ ar: e.name.ar, flagged: false }];
    for (const a of e.aliases || []) forms.push({ ar: aliasText(a), flagged: typeof a !== 'string' && !!a.ambiguous });
    for (const f of forms) {
      const key = fold(f.ar);
      if (!owners.has(key)) owners.set(key, []);
      const list = owners.get(key);
      const mine = list.find((o) => o.id === e.id);
      if (mine) mine.flagged = mine.flagged || f.flagged;
      else list.push({ id: e.id, flagged: f.flagged });
    }
  }
  const bad = [];
  for (const [key, list] of owners) {
    if (list.length > 1 && list.some((o) => !o.flagged)) bad.push(`${key}: ${list.map((o) => o.id).join(', ')}`);
  }
  if (bad.length) throw new Error(`aliases shared without "ambiguous" on every side:\n  ${bad.join('\n  ')}`);
}

function main() {
  const text = JSON.stringify(build(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    const old = fs.existsSync(OUT_PATH) ? fs.readFileSync(OUT_PATH, 'utf8') : '';
    if (old !== text) {
      console.error(`${path.relative(ROOT, OUT_PATH)} differs from what the generator makes now`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, OUT_PATH)} is up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(OUT_PATH), { recursive: true });
  fs.writeFileSync(OUT_PATH, text);
  const count = JSON.parse(text).entities.length;
  console.log(`wrote ${path.relative(ROOT, OUT_PATH)}: ${count} entities`);
}

main();
