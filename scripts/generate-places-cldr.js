#!/usr/bin/env node
/**
 * Generates knowledge/packs/places-cldr.json from CLDR: the Arabic exemplar city names of the time zones
 * (cldr-dates-full, main/ar/timeZoneNames.json) and the zone's territory (cldr-core,
 * supplemental/windowsZones.json). Unicode licence; read from cldr-dates-full 48.2.0 and cldr-core 48.2.0.
 *
 * The packages are not dependencies of the extension. Run once by hand and commit the output:
 *   mkdir /tmp/cldr && cd /tmp/cldr && npm install --no-save cldr-dates-full@48.2.0 cldr-core@48.2.0
 *   node scripts/generate-places-cldr.js --from /tmp/cldr/node_modules        (add --check to compare only)
 *
 * Only the zones listed below are taken. CLDR's Arabic names are uneven (سمراء for Samara, نوم for Nome,
 * برثا for Perth): a zone is kept as a new place (KEEP) when its name is a fair spelling of a real city that
 * no other pack holds and is not a common word, or its name is added as an alias of a place another pack
 * already defines (ALIAS) when it is a spelling news also uses. Everything else is left out, including
 * names that are also a common part of other names (ديلي for Dili: ديلي ميل، ديلي تلغراف).
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT_PATH = path.join(ROOT, 'knowledge/packs/places-cldr.json');

/** Zone → [slug, English name, kind]. Kind is city unless given. */
const KEEP = {
  'Pacific/Honolulu': ['honolulu', 'Honolulu'],
  'Pacific/Pago_Pago': ['pago-pago', 'Pago Pago'],
  'Pacific/Rarotonga': ['rarotonga', 'Rarotonga', 'region'],
  'Pacific/Galapagos': ['galapagos', 'Galápagos Islands', 'region'],
  'Pacific/Kiritimati': ['kiritimati', 'Kiritimati', 'region'],
  'Pacific/Kwajalein': ['kwajalein', 'Kwajalein', 'region'],
  'Pacific/Saipan': ['saipan', 'Saipan', 'region'],
  'Pacific/Noumea': ['noumea', 'Nouméa'],
  'Pacific/Auckland': ['auckland', 'Auckland'],
  'Pacific/Tahiti': ['tahiti', 'Tahiti', 'region'],
  'Pacific/Marquesas': ['marquesas', 'Marquesas Islands', 'region'],
  'Pacific/Bougainville': ['bougainville', 'Bougainville', 'region'],
  'Pacific/Guadalcanal': ['guadalcanal', 'Guadalcanal', 'region'],
  'Pacific/Tongatapu': ['tongatapu', 'Tongatapu', 'region'],
  'Pacific/Midway': ['midway', 'Midway Atoll', 'region'],
  'Europe/Mariehamn': ['mariehamn', 'Mariehamn'],
  'Europe/Saratov': ['saratov', 'Saratov'],
  'Europe/Astrakhan': ['astrakhan', 'Astrakhan'],
  'Europe/Ulyanovsk': ['ulyanovsk', 'Ulyanovsk'],
  'Europe/Simferopol': ['simferopol', 'Simferopol'],
  'Asia/Urumqi': ['urumqi', 'Ürümqi'],
  'Asia/Famagusta': ['famagusta', 'Famagusta'],
  'Asia/Pontianak': ['pontianak', 'Pontianak'],
  'Asia/Makassar': ['makassar', 'Makassar'],
  'Asia/Jayapura': ['jayapura', 'Jayapura'],
  'Asia/Aqtau': ['aktau', 'Aktau'],
  'Asia/Atyrau': ['atyrau', 'Atyrau'],
  'Asia/Aqtobe': ['aktobe', 'Aktobe'],
  'Asia/Qostanay': ['kostanay', 'Kostanay'],
  'Asia/Qyzylorda': ['kyzylorda', 'Kyzylorda'],
  'Asia/Yekaterinburg': ['yekaterinburg', 'Yekaterinburg'],
  'Asia/Omsk': ['omsk', 'Omsk'],
  'Asia/Novosibirsk': ['novosibirsk', 'Novosibirsk'],
  'Asia/Barnaul': ['barnaul', 'Barnaul'],
  'Asia/Tomsk': ['tomsk', 'Tomsk'],
  'Asia/Novokuznetsk': ['novokuznetsk', 'Novokuznetsk'],
  'Asia/Krasnoyarsk': ['krasnoyarsk', 'Krasnoyarsk'],
  'Asia/Irkutsk': ['irkutsk', 'Irkutsk'],
  'Asia/Chita': ['chita', 'Chita'],
  'Asia/Yakutsk': ['yakutsk', 'Yakutsk'],
  'Asia/Magadan': ['magadan', 'Magadan'],
  'Asia/Kamchatka': ['kamchatka', 'Kamchatka', 'region'],
  'Asia/Samarkand': ['samarkand', 'Samarkand'],
  'America/Argentina/Salta': ['salta', 'Salta'],
  'America/Argentina/Tucuman': ['tucuman', 'San Miguel de Tucumán'],
  'America/Mendoza': ['mendoza', 'Mendoza'],
  'America/Cordoba': ['cordoba-argentina', 'Córdoba, Argentina'],
  'America/Rio_Branco': ['rio-branco', 'Rio Branco'],
  'America/Porto_Velho': ['porto-velho', 'Porto Velho'],
  'America/Boa_Vista': ['boa-vista', 'Boa Vista'],
  'America/Manaus': ['manaus', 'Manaus'],
  'America/Bahia': ['bahia', 'Bahia', 'province'],
  'America/Fortaleza': ['fortaleza', 'Fortaleza'],
  'America/Recife': ['recife', 'Recife'],
  'America/Whitehorse': ['whitehorse', 'Whitehorse'],
  'America/Edmonton': ['edmonton', 'Edmonton'],
  'America/Winnipeg': ['winnipeg', 'Winnipeg'],
  'America/Halifax': ['halifax', 'Halifax'],
  'America/Punta_Arenas': ['punta-arenas', 'Punta Arenas'],
  'America/Guayaquil': ['guayaquil', 'Guayaquil'],
  'America/Cayenne': ['cayenne', 'Cayenne'],
  'America/Tijuana': ['tijuana', 'Tijuana'],
  'America/Hermosillo': ['hermosillo', 'Hermosillo'],
  'America/Ciudad_Juarez': ['ciudad-juarez', 'Ciudad Juárez'],
  'America/Mazatlan': ['mazatlan', 'Mazatlán'],
  'America/Chihuahua': ['chihuahua', 'Chihuahua'],
  'America/Monterrey': ['monterrey', 'Monterrey'],
  'America/Matamoros': ['matamoros', 'Matamoros'],
  'America/Cancun': ['cancun', 'Cancún'],
  'America/Anchorage': ['anchorage', 'Anchorage'],
  'America/Phoenix': ['phoenix', 'Phoenix'],
  'America/Denver': ['denver', 'Denver'],
  'America/Indianapolis': ['indianapolis', 'Indianapolis'],
  'America/Louisville': ['louisville', 'Louisville'],
  'Africa/Douala': ['douala', 'Douala'],
  'Africa/Blantyre': ['blantyre', 'Blantyre'],
  'Australia/Adelaide': ['adelaide', 'Adelaide'],
  'Australia/Hobart': ['hobart', 'Hobart'],
  'Atlantic/Madeira': ['madeira', 'Madeira', 'region'],
  'Indian/Chagos': ['chagos', 'Chagos Archipelago', 'region'],
};

/** Zone → id of a place another pack defines; CLDR's spelling becomes one more alias of it. */
const ALIAS = {
  'Pacific/Port_Moresby': 'location:port-moresby',
  'Europe/Chisinau': 'location:chisinau',
  'Europe/Podgorica': 'location:podgorica',
  'Europe/Skopje': 'location:skopje',
  'Europe/Kaliningrad': 'location:kaliningrad',
  'Asia/Kabul': 'location:kabul',
  'Asia/Calcutta': 'location:kolkata',
  'Asia/Vientiane': 'location:vientiane',
  'Asia/Kuala_Lumpur': 'location:kuala-lumpur',
  'Asia/Vladivostok': 'location:vladivostok',
  'Asia/Dushanbe': 'location:dushanbe',
  'America/Buenos_Aires': 'location:buenos-aires',
  'America/Montevideo': 'location:montevideo',
  'Africa/Bujumbura': 'location:bujumbura',
  'Africa/Bangui': 'location:bangui',
  'Africa/Freetown': 'location:freetown',
  'Africa/Mogadishu': 'location:mogadishu',
  'Africa/Mbabane': 'location:mbabane',
  'Africa/Kampala': 'location:kampala',
  'Australia/Melbourne': 'location:melbourne',
};

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readJson(dir, pkg, file) {
  return JSON.parse(fs.readFileSync(path.join(dir, pkg, file), 'utf8'));
}

function build(from) {
  const version = (pkg) => readJson(from, pkg, 'package.json').version;
  const zones = readJson(from, 'cldr-dates-full', 'main/ar/timeZoneNames.json').main.ar.dates.timeZoneNames.zone;
  const territory = new Map();
  for (const m of readJson(from, 'cldr-core', 'supplemental/windowsZones.json').supplemental.windowsZones.mapTimezones) {
    const t = m.mapZone._territory;
    if (t === '001' || t === 'ZZ') continue;
    for (const z of m.mapZone._type.split(' ')) territory.set(z, t);
  }
  const city = (zone) => zone.split('/').reduce((o, k) => (o ? o[k] : undefined), zones)?.exemplarCity;
  const entities = [];
  for (const [zone, [slug, en, kind]] of Object.entries(KEEP)) {
    const ar = city(zone);
    if (!ar) throw new Error(`CLDR has no Arabic exemplar city for ${zone}`);
    const e = { id: `location:${slug}`, type: 'location', name: { ar, en }, kind: kind || 'city' };
    if (territory.has(zone)) e.country = `country:${territory.get(zone)}`;
    entities.push(e);
  }
  const extend = [];
  for (const [zone, id] of Object.entries(ALIAS)) {
    const ar = city(zone);
    if (!ar) throw new Error(`CLDR has no Arabic exemplar city for ${zone}`);
    extend.push({ id, aliases: [ar] });
  }
  const pack = {
    $schema: '../pack.schema.json',
    pack: {
      id: 'builtin.places-cldr',
      name: 'Places named by CLDR',
      description: 'Cities and islands whose Arabic names are CLDR time-zone exemplar cities, and CLDR spellings of places other packs define. Generated by scripts/generate-places-cldr.js; do not edit by hand.',
      sources: [
        `Unicode CLDR ${version('cldr-dates-full')} (npm cldr-dates-full, main/ar/timeZoneNames.json: Arabic exemplar city names; Unicode licence).`,
        `Unicode CLDR ${version('cldr-core')} (npm cldr-core, supplemental/windowsZones.json: the territory of each time zone).`,
        'Zones kept or mapped to existing places chosen by hand (scripts/generate-places-cldr.js).',
      ],
    },
    entities,
    extend,
  };
  return pack;
}

const from = arg('--from') || path.join(ROOT, 'node_modules');
if (!fs.existsSync(path.join(from, 'cldr-dates-full'))) {
  console.error(`cldr-dates-full not found under ${from}; see the comment at the top of this script.`);
  process.exit(2);
}
const { execFileSync } = require('child_process');
const tmp = path.join(require('os').tmpdir(), `places-cldr-${process.pid}.json`);
fs.writeFileSync(tmp, JSON.stringify(build(from), null, 2) + '\n');
execFileSync(process.execPath, [path.join(__dirname, 'format-packs.js'), tmp]);
const text = fs.readFileSync(tmp, 'utf8');
fs.unlinkSync(tmp);
if (process.argv.includes('--check')) {
  const same = fs.existsSync(OUT_PATH) && fs.readFileSync(OUT_PATH, 'utf8') === text;
  if (!same) console.error(`${OUT_PATH} differs from what CLDR gives; run the script without --check.`);
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(OUT_PATH, text);
console.log(`wrote ${OUT_PATH}`);
