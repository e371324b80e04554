/**
 * Every label of the hover cards, in English and Arabic, from one table. The card's language comes
 * from the setting `arabicNewsLens.cardLanguage` (auto, ar, en) and, for auto, from the locale the
 * client gave at `initialize`. Names, roles and aliases come from the packs in both languages.
 */
import type { DateSource } from '../analysis/dates';

export type CardLanguage = 'ar' | 'en';

export interface CardLabels {
  type: Record<string, string>;
  adjective: string;
  rolePhrase: string;
  inThisArticle: string;
  mentions: (n: number) => string;
  rolesOn: (date: string, source: string) => string;
  source: Record<DateSource, string>;
  mayHaveEnded: string;
  earlierRoles: (n: number) => string;
  laterRoles: (n: number) => string;
  affiliation: string;
  links: string;
  reason: Record<string, string>;
  nisbaOf: string;
  inPack: string;
  meeting: string;
  statement: string;
  participants: string;
  speaker: string;
  place: string;
  occasion: string;
  atTheMeeting: string;
  statements: string;
  eventCodes: Record<string, string>;
}

/** Arabic counted nouns: one, two, three to ten, eleven and more (the accusative singular). */
function arabicCount(n: number, one: string, two: string, few: string, many: string): string {
  if (n === 1) return one;
  if (n === 2) return two;
  if (n >= 3 && n <= 10) return `${n} ${few}`;
  return `${n} ${many}`;
}

export const CARD_LABELS: Record<CardLanguage, CardLabels> = {
  en: {
    type: { person: 'person', country: 'country', location: 'place', organization: 'organization' },
    adjective: 'adjective',
    rolePhrase: 'role phrase',
    inThisArticle: 'In this article',
    mentions: (n) => `${n} ${n === 1 ? 'mention' : 'mentions'}`,
    rolesOn: (date, source) => `Roles on ${date} (${source}):`,
    source: {
      header: "from the file's header",
      option: 'given with --date',
      text: "from the article's date line",
      hijri: 'from the Hijri date in the article',
      'file-name': 'from the file name',
      folder: "from the file's folder",
      batch: 'from the batch input',
      setting: 'the article has no date: the default date setting',
      today: 'the article has no date: today',
    },
    mayHaveEnded: 'may have ended',
    earlierRoles: (n) => `and ${n} earlier ${n === 1 ? 'role' : 'roles'}`,
    laterRoles: (n) => `and ${n} later ${n === 1 ? 'role' : 'roles'}`,
    affiliation: 'Affiliation',
    links: 'Links',
    reason: {
      alias: 'matched',
      nisba: 'matched the adjective',
      short: 'matched the short form',
      linked: 'matched the surname (full name earlier in the article)',
      role: 'matched the role phrase',
      holder: 'the title\'s holder on the article\'s date',
      candidate: 'candidate name (in no pack)',
    },
    nisbaOf: 'a nisba of',
    inPack: 'in pack',
    meeting: 'Meeting',
    statement: 'Statement',
    participants: 'Participants',
    speaker: 'Speaker',
    place: 'Place',
    occasion: 'Occasion',
    atTheMeeting: 'At the meeting',
    statements: 'Statements',
    eventCodes: {
      '010': 'make statement',
      '012': 'make pessimistic comment',
      '013': 'make optimistic comment',
      '020': 'make an appeal or request',
      '036': 'express intent to meet or negotiate',
      '040': 'consult',
      '041': 'discuss by telephone',
      '042': 'make a visit',
      '043': 'host a visit',
      '044': 'meet at a third location',
      '046': 'engage in negotiation',
      '051': 'praise or endorse',
      '111': 'criticize or denounce',
      '112': 'accuse',
    },
  },
  ar: {
    type: { person: 'شخص', country: 'دولة', location: 'مكان', organization: 'منظمة' },
    adjective: 'صفة نسبة',
    rolePhrase: 'عبارة منصب',
    inThisArticle: 'في هذا الخبر',
    mentions: (n) => arabicCount(n, 'إشارة واحدة', 'إشارتان', 'إشارات', 'إشارة'),
    rolesOn: (date, source) => `المناصب في ${date} (${source}):`,
    source: {
      header: 'من ترويسة الملف',
      option: 'من الخيار --date',
      text: 'من سطر التاريخ في الخبر',
      hijri: 'من التاريخ الهجري في الخبر',
      'file-name': 'من اسم الملف',
      folder: 'من مجلد الملف',
      batch: 'من بيانات الدفعة',
      setting: 'الخبر بلا تاريخ: التاريخ الافتراضي في الإعدادات',
      today: 'الخبر بلا تاريخ: تاريخ اليوم',
    },
    mayHaveEnded: 'ربما انتهى',
    earlierRoles: (n) => `و${arabicCount(n, 'منصب سابق واحد', 'منصبان سابقان', 'مناصب سابقة', 'منصبًا سابقًا')}`,
    laterRoles: (n) => `و${arabicCount(n, 'منصب لاحق واحد', 'منصبان لاحقان', 'مناصب لاحقة', 'منصبًا لاحقًا')}`,
    affiliation: 'الانتماء',
    links: 'روابط',
    reason: {
      alias: 'طابق',
      nisba: 'طابق الصفة',
      short: 'طابق الاسم المختصر',
      linked: 'طابق اسم العائلة (الاسم الكامل ورد قبله في الخبر)',
      role: 'طابق عبارة المنصب',
      holder: 'صاحب المنصب في تاريخ الخبر',
      candidate: 'اسم مرشح (ليس في أي حزمة)',
    },
    nisbaOf: 'نسبة إلى',
    inPack: 'في الحزمة',
    meeting: 'لقاء',
    statement: 'تصريح',
    participants: 'المشاركون',
    speaker: 'المتحدث',
    place: 'المكان',
    occasion: 'المناسبة',
    atTheMeeting: 'في اللقاء',
    statements: 'التصريحات',
    eventCodes: {
      '010': 'إدلاء بتصريح',
      '012': 'تعليق متشائم',
      '013': 'تعليق متفائل',
      '020': 'مناشدة أو طلب',
      '036': 'إبداء الرغبة في اللقاء أو التفاوض',
      '040': 'تشاور',
      '041': 'محادثة هاتفية',
      '042': 'زيارة',
      '043': 'استضافة زيارة',
      '044': 'لقاء في مكان ثالث',
      '046': 'تفاوض',
      '051': 'إشادة أو تأييد',
      '111': 'انتقاد أو إدانة',
      '112': 'اتهام',
    },
  },
};
