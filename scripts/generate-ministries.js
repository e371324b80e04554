#!/usr/bin/env node
/**
 * Generates knowledge/packs/organizations-ministries.json: the ministries of the Arab states, Iran, Turkey
 * and Israel, and the foreign and defence ministries of other states, under the name Arabic news gives them, «وزارة <portfolio> <country adjective>»
 * (وزارة العدل العراقية، وزارة الصحة التركية).
 *
 * Only real ministries: a portfolio is listed for a state only when that state has (or had, under that
 * common name) a ministry for it, checked by hand; a state without one (Morocco has no ministry of
 * defence, Palestine none either) simply has no row. News uses the short portfolio even where the official
 * name is longer (وزارة الزراعة واستصلاح الأراضي is «وزارة الزراعة المصرية»); where the common form
 * differs by country (التربية، التربية والتعليم، التربية الوطنية) the table gives it per state.
 *
 * Names another built-in pack already defines are skipped, so run it after editing the other packs:
 *   node scripts/generate-ministries.js          (add --check to compare only)
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const OUT_PATH = path.join(ROOT, 'knowledge/packs/organizations-ministries.json');

/** Portfolio key → [id prefix, Arabic after وزارة, English]. */
const PORTFOLIOS = {
  foreign: ['mfa', 'الخارجية', 'Ministry of Foreign Affairs'],
  interior: ['moi', 'الداخلية', 'Ministry of Interior'],
  defence: ['mod', 'الدفاع', 'Ministry of Defence'],
  finance: ['mof', 'المالية', 'Ministry of Finance'],
  justice: ['moj', 'العدل', 'Ministry of Justice'],
  health: ['moh', 'الصحة', 'Ministry of Health'],
  agriculture: ['moa', 'الزراعة', 'Ministry of Agriculture'],
  transport: ['mot', 'النقل', 'Ministry of Transport'],
  communications: ['mot', 'المواصلات', 'Ministry of Transport'],
  oil: ['moil', 'النفط', 'Ministry of Oil'],
  petroleum: ['moil', 'البترول', 'Ministry of Petroleum'],
  energy: ['moen', 'الطاقة', 'Ministry of Energy'],
  electricity: ['moel', 'الكهرباء', 'Ministry of Electricity'],
  awqaf: ['moaw', 'الأوقاف', 'Ministry of Awqaf (religious endowments)'],
  information: ['moinf', 'الإعلام', 'Ministry of Information'],
  culture: ['mocu', 'الثقافة', 'Ministry of Culture'],
  tourism: ['motour', 'السياحة', 'Ministry of Tourism'],
  higherEducation: ['mohe', 'التعليم العالي', 'Ministry of Higher Education'],
  education: ['moe', 'التعليم', 'Ministry of Education'],
  tarbiya: ['moe', 'التربية', 'Ministry of Education'],
  tarbiyaTaalim: ['moe', 'التربية والتعليم', 'Ministry of Education'],
  tarbiyaWataniya: ['moe', 'التربية الوطنية', 'Ministry of National Education'],
  labour: ['mol', 'العمل', 'Ministry of Labour'],
  economy: ['moec', 'الاقتصاد', 'Ministry of Economy'],
  planning: ['mopl', 'التخطيط', 'Ministry of Planning'],
  youthSports: ['moys', 'الشباب والرياضة', 'Ministry of Youth and Sports'],
  waterResources: ['mowr', 'الموارد المائية', 'Ministry of Water Resources'],
  migration: ['momig', 'الهجرة والمهجرين', 'Ministry of Migration and Displaced'],
  hajj: ['mohajj', 'الحج والعمرة', 'Ministry of Hajj and Umrah'],
  intelligence: ['mois', 'الاستخبارات', 'Ministry of Intelligence'],
  nationalSecurity: ['mons', 'الأمن القومي', 'Ministry of National Security'],
  trade: ['motr', 'التجارة', 'Ministry of Trade'],
  socialAffairs: ['mosa', 'الشؤون الاجتماعية', 'Ministry of Social Affairs'],
  displaced: ['modis', 'المهجرين', 'Ministry of the Displaced'],
  prisoners: ['mopr', 'الأسرى', 'Ministry of Prisoners Affairs'],
  peshmerga: ['mopesh', 'البيشمركة', 'Ministry of Peshmerga'],
};

const BASIC = ['foreign', 'interior', 'finance', 'justice', 'health'];

/** ISO code → [feminine country adjective with ال, portfolios]. */
const STATES = {
  AE: ['الإماراتية', [...BASIC, 'defence', 'economy', 'tarbiyaTaalim']],
  BH: ['البحرينية', [...BASIC, 'tarbiyaTaalim', 'labour']],
  DJ: ['الجيبوتية', [...BASIC, 'defence']],
  DZ: ['الجزائرية', [...BASIC, 'defence', 'agriculture', 'transport', 'energy', 'tarbiyaWataniya', 'higherEducation', 'culture', 'trade', 'youthSports']],
  EG: ['المصرية', [...BASIC, 'defence', 'agriculture', 'transport', 'petroleum', 'electricity', 'awqaf', 'culture', 'tourism', 'tarbiyaTaalim', 'higherEducation', 'planning', 'youthSports', 'trade']],
  IL: ['الإسرائيلية', [...BASIC, 'defence', 'agriculture', 'communications', 'energy', 'education', 'economy', 'intelligence', 'nationalSecurity']],
  IQ: ['العراقية', [...BASIC, 'defence', 'agriculture', 'transport', 'oil', 'electricity', 'culture', 'tarbiya', 'higherEducation', 'planning', 'youthSports', 'waterResources', 'migration', 'trade']],
  IR: ['الإيرانية', ['foreign', 'interior', 'justice', 'health', 'defence', 'oil', 'intelligence', 'economy']],
  JO: ['الأردنية', [...BASIC, 'agriculture', 'transport', 'awqaf', 'culture', 'tourism', 'tarbiyaTaalim', 'higherEducation', 'labour', 'planning']],
  KW: ['الكويتية', [...BASIC, 'defence', 'oil', 'awqaf', 'information', 'tarbiya', 'higherEducation', 'socialAffairs']],
  LB: ['اللبنانية', [...BASIC, 'defence', 'agriculture', 'energy', 'information', 'culture', 'tourism', 'labour', 'economy', 'socialAffairs', 'displaced', 'youthSports']],
  LY: ['الليبية', [...BASIC, 'defence', 'oil']],
  MA: ['المغربية', [...BASIC, 'agriculture', 'transport', 'awqaf', 'tarbiyaWataniya', 'culture', 'tourism']],
  MR: ['الموريتانية', [...BASIC, 'defence', 'agriculture']],
  OM: ['العمانية', [...BASIC, 'defence', 'information', 'tarbiyaTaalim', 'labour']],
  PS: ['الفلسطينية', [...BASIC, 'agriculture', 'transport', 'awqaf', 'tarbiyaTaalim', 'higherEducation', 'labour', 'economy', 'socialAffairs', 'culture', 'tourism', 'information']],
  QA: ['القطرية', [...BASIC, 'defence', 'awqaf', 'labour']],
  SA: ['السعودية', [...BASIC, 'defence', 'energy', 'hajj', 'information', 'education', 'culture', 'tourism', 'trade', 'economy', 'transport']],
  SD: ['السودانية', [...BASIC, 'defence', 'agriculture', 'information']],
  SO: ['الصومالية', [...BASIC, 'defence']],
  SY: ['السورية', [...BASIC, 'defence', 'agriculture', 'transport', 'oil', 'electricity', 'awqaf', 'information', 'culture', 'tourism', 'tarbiya', 'higherEducation', 'economy', 'socialAffairs']],
  TN: ['التونسية', [...BASIC, 'defence', 'agriculture', 'transport', 'tarbiya', 'higherEducation', 'culture', 'tourism', 'trade', 'youthSports', 'socialAffairs']],
  TR: ['التركية', [...BASIC, 'defence', 'agriculture', 'transport', 'energy', 'trade', 'tarbiyaWataniya', 'culture']],
  YE: ['اليمنية', [...BASIC, 'defence', 'agriculture', 'transport', 'oil', 'awqaf', 'information', 'tarbiyaTaalim', 'higherEducation', 'culture']],
  // Other states: foreign affairs and defence (and interior where that ministry runs the police).
  AF: ['الأفغانية', ['foreign', 'defence', 'interior']],
  AL: ['الألبانية', ['foreign', 'defence']],
  AM: ['الأرمنية', ['foreign', 'defence']],
  AR: ['الأرجنتينية', ['foreign', 'defence']],
  AT: ['النمساوية', ['foreign', 'defence', 'interior']],
  AU: ['الأسترالية', ['foreign', 'defence']],
  AZ: ['الأذربيجانية', ['foreign', 'defence']],
  BD: ['البنغلاديشية', ['foreign']],
  BE: ['البلجيكية', ['foreign', 'defence', 'interior']],
  BG: ['البلغارية', ['foreign', 'defence']],
  BR: ['البرازيلية', ['foreign', 'defence']],
  BY: ['البيلاروسية', ['foreign', 'defence']],
  CA: ['الكندية', ['foreign', 'defence']],
  CH: ['السويسرية', ['foreign', 'defence']],
  CL: ['التشيلية', ['foreign']],
  CO: ['الكولومبية', ['foreign', 'defence']],
  CU: ['الكوبية', ['foreign']],
  CY: ['القبرصية', ['foreign', 'defence']],
  CZ: ['التشيكية', ['foreign', 'defence']],
  DK: ['الدنماركية', ['foreign', 'defence']],
  ER: ['الإريترية', ['foreign']],
  ES: ['الإسبانية', ['foreign', 'defence', 'interior']],
  ET: ['الإثيوبية', ['foreign', 'defence']],
  FI: ['الفنلندية', ['foreign', 'defence']],
  GE: ['الجورجية', ['foreign', 'defence']],
  GH: ['الغانية', ['foreign']],
  GR: ['اليونانية', ['foreign', 'defence']],
  HR: ['الكرواتية', ['foreign', 'defence']],
  HU: ['المجرية', ['foreign', 'defence']],
  ID: ['الإندونيسية', ['foreign', 'defence']],
  IE: ['الأيرلندية', ['foreign']],
  IN: ['الهندية', ['foreign', 'defence']],
  IT: ['الإيطالية', ['foreign', 'defence', 'interior']],
  JP: ['اليابانية', ['foreign', 'defence']],
  KE: ['الكينية', ['foreign', 'defence']],
  KG: ['القرغيزية', ['foreign']],
  KP: ['الكورية الشمالية', ['foreign', 'defence']],
  KR: ['الكورية الجنوبية', ['foreign', 'defence']],
  LK: ['السريلانكية', ['foreign']],
  MX: ['المكسيكية', ['foreign']],
  MY: ['الماليزية', ['foreign', 'defence']],
  NE: ['النيجرية', ['foreign', 'defence']],
  NG: ['النيجيرية', ['foreign', 'defence']],
  NL: ['الهولندية', ['foreign', 'defence']],
  NO: ['النرويجية', ['foreign', 'defence']],
  NZ: ['النيوزيلندية', ['foreign', 'defence']],
  PH: ['الفلبينية', ['foreign', 'defence']],
  PK: ['الباكستانية', ['foreign', 'defence', 'interior']],
  PL: ['البولندية', ['foreign', 'defence', 'interior']],
  PT: ['البرتغالية', ['foreign', 'defence']],
  RO: ['الرومانية', ['foreign', 'defence']],
  RS: ['الصربية', ['foreign', 'defence']],
  RW: ['الرواندية', ['foreign']],
  SE: ['السويدية', ['foreign', 'defence']],
  SG: ['السنغافورية', ['foreign', 'defence']],
  SN: ['السنغالية', ['foreign']],
  TD: ['التشادية', ['foreign', 'defence']],
  TH: ['التايلاندية', ['foreign', 'defence']],
  TJ: ['الطاجيكية', ['foreign', 'defence']],
  TM: ['التركمانية', ['foreign']],
  UG: ['الأوغندية', ['foreign']],
  UZ: ['الأوزبكية', ['foreign', 'defence']],
  VE: ['الفنزويلية', ['foreign', 'defence']],
  VN: ['الفيتنامية', ['foreign', 'defence']],
  ZA: ['الجنوب أفريقية', ['foreign', 'defence']],
};

const { fold } = require('./fold');

function existing() {
  const ids = new Set();
  const names = new Set();
  const dir = path.join(ROOT, 'knowledge/packs');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== path.basename(OUT_PATH))) {
    const pack = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    for (const e of pack.entities ?? []) {
      ids.add(e.id);
      names.add(fold(e.name.ar));
      for (const a of e.aliases ?? []) names.add(fold(typeof a === 'string' ? a : a.ar));
    }
  }
  return { ids, names };
}

function build() {
  const { ids, names } = existing();
  const cldrEn = new Intl.DisplayNames('en', { type: 'region' });
  const entities = [];
  for (const [code, [adjective, portfolios]] of Object.entries(STATES)) {
    for (const key of portfolios) {
      const [prefix, ar, en] = PORTFOLIOS[key];
      const id = `org:${prefix}-${code}`;
      const name = `وزارة ${ar} ${adjective}`;
      if (ids.has(id) || names.has(fold(name))) continue;
      entities.push({
        id,
        type: 'organization',
        name: { ar: name, en: `${en} of ${cldrEn.of(code)}` },
        kind: 'ministry',
        country: `country:${code}`,
      });
    }
  }
  return {
    $schema: '../pack.schema.json',
    pack: {
      id: 'builtin.organizations-ministries',
      name: 'Ministries of the Arab states, Iran, Turkey and Israel, and foreign and defence ministries of other states',
      description: 'Ministries under the name Arabic news gives them (وزارة + portfolio + country adjective). Generated by scripts/generate-ministries.js from a hand-checked table of which state has which ministry; do not edit by hand.',
      sources: [
        'Hand-checked table in scripts/generate-ministries.js: which portfolios each state has a ministry for, from general knowledge of these governments; only ministries known to exist (or to have existed under that common name) are listed.',
      ],
    },
    entities,
  };
}

const tmp = path.join(require('os').tmpdir(), `ministries-${process.pid}.json`);
fs.writeFileSync(tmp, JSON.stringify(build(), null, 2) + '\n');
execFileSync(process.execPath, [path.join(__dirname, 'format-packs.js'), tmp]);
const text = fs.readFileSync(tmp, 'utf8');
fs.unlinkSync(tmp);
if (process.argv.includes('--check')) {
  const same = fs.existsSync(OUT_PATH) && fs.readFileSync(OUT_PATH, 'utf8') === text;
  if (!same) console.error(`${OUT_PATH} differs from the table; run the script without --check.`);
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(OUT_PATH, text);
console.log(`wrote ${OUT_PATH}: ${JSON.parse(text).entities.length} ministries`);
