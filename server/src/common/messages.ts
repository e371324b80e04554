/**
 * Every label the language server shows to the analyst (outline, status texts, diagnostics, code
 * actions), in English and Arabic, in one table. The language follows the client's locale (LSP
 * `initialize` carries it) unless `arabicNewsLens.cardLanguage` names one. No imports: the client,
 * the server and the tests share this file. A unit test checks that both columns have every key.
 */

/** The languages the server speaks. */
export type Lang = 'en' | 'ar';

/** The values of `arabicNewsLens.cardLanguage`. */
export type LanguageSetting = 'auto' | Lang;

/** `{0}`, `{1}`… in a message are replaced by the arguments of `label`, in order. */
export const MESSAGES = {
  'outline.people': { en: 'People', ar: 'الأشخاص' },
  'outline.countries': { en: 'Countries', ar: 'الدول' },
  'outline.places': { en: 'Places', ar: 'الأماكن' },
  'outline.organizations': { en: 'Organizations', ar: 'المنظمات' },
  'outline.article': { en: 'Article {0}', ar: 'المقال {0}' },
  'outline.kind.article': { en: 'article', ar: 'مقال' },
  'outline.kind.meeting': { en: 'meeting', ar: 'لقاء' },
  'outline.kind.statement': { en: 'statement', ar: 'تصريح' },
  'outline.code': { en: 'CAMEO {0}', ar: 'رمز CAMEO {0}' },
  'outline.place': { en: 'in {0}', ar: 'في {0}' },
  'outline.mentions': { en: '×{0}', ar: '×{0}' },
  'outline.provider': { en: 'Arabic News Lens', ar: 'عدسة الأخبار العربية' },
  'status.tooLarge': {
    en: 'Arabic News Lens: this file ({0} MB) is larger than arabicNewsLens.performance.maxFileSizeMB ({1} MB) and was not analysed. Raise the setting to analyse it.',
    ar: 'عدسة الأخبار العربية: حجم هذا الملف ({0} ميغابايت) أكبر من arabicNewsLens.performance.maxFileSizeMB ({1} ميغابايت)، فلم يُحلَّل. ارفع قيمة الإعداد لتحليله.',
  },
  'status.plainTextOff': {
    en: 'Arabic News Lens: plain-text files are not analysed (arabicNewsLens.plainText.detectArabic is off).',
    ar: 'عدسة الأخبار العربية: لا تُحلَّل الملفات النصية العادية (الإعداد arabicNewsLens.plainText.detectArabic معطَّل).',
  },
  'status.notArabic': {
    en: 'Arabic News Lens: this plain-text file is not mostly Arabic (arabicNewsLens.plainText.arabicRatio is {0}).',
    ar: 'عدسة الأخبار العربية: أغلب هذا الملف النصي ليس عربيًا (قيمة arabicNewsLens.plainText.arabicRatio هي {0}).',
  },
  'diagnostic.lastGood': {
    en: '{0} (the last valid version of this pack stays loaded)',
    ar: '{0} (تبقى آخر نسخة صالحة من هذه الحزمة محمَّلة)',
  },
  'action.addPerson': { en: 'Add “{0}” to the workspace pack as person', ar: 'أضف «{0}» إلى حزمة مساحة العمل شخصًا' },
  'action.addOrganization': { en: 'Add “{0}” to the workspace pack as organization', ar: 'أضف «{0}» إلى حزمة مساحة العمل منظمةً' },
  'action.addPlace': { en: 'Add “{0}” to the workspace pack as place', ar: 'أضف «{0}» إلى حزمة مساحة العمل مكانًا' },
  'action.neverMark': { en: 'Never mark “{0}”', ar: 'لا تُعلِّم «{0}» أبدًا' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** The message `key` in `lang`, with `{0}`, `{1}`… replaced by `args` (a missing one stays as written). */
export function label(key: MessageKey, lang: Lang, ...args: Array<string | number>): string {
  const entry: Record<Lang, string> = MESSAGES[key];
  return entry[lang].replace(/\{(\d+)\}/g, (all, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : all));
}

/**
 * The language of the server's labels: the setting when it names one, else the client's locale
 * (`ar`, `ar-EG`… give Arabic; anything else, or none, English).
 */
export function chooseLanguage(setting: LanguageSetting | string | undefined, locale: string | undefined): Lang {
  if (setting === 'ar' || setting === 'en') return setting;
  return /^ar(?:[-_]|$)/i.test(locale ?? '') ? 'ar' : 'en';
}
