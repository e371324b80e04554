/**
 * Common Arabic words that are also first names, surnames or short forms in some pack. A one-token
 * alias in this list never matches alone: «العمليات غير الشرعية» is not Geir Pedersen. The words are
 * normalized (ة → ه, أ → ا, ى → ي).
 */
import { normalizeArabic } from './normalize';

const WORDS = `
غير أمين عادل جمال سلام نبيل كريم حسن سعيد رشيد حميد مجيد صالح فاضل كامل منير أمل نور فتح حماية
عزيز شريف لطيف رحيم حليم جميل ناصر منصور مسعود سالم سليم وحيد فريد ماجد خالد طاهر وليد رضا فرح
بشير نذير هادي راضي زكي ذكي علي عالي سامي نادر قادر صابر شاكر عامر عمر حسين محمود حمد أحمد
بن ابن أبو أبي أم بنت آل عبد عبدالله الله
من في على عن إلى الى مع بين عند لدى منذ حتى أن إن أو ثم قد لقد كل بعض كان يكون هذا هذه ذلك تلك
التي الذي الذين ما ماذا لا لم لن ليس غيرها دون فوق تحت قبل بعد خلال حول ضد نحو عبر وفق أمام وراء
الشعب الدولة الحكومة الرئيس المجلس الجيش الأمن السلام الحرب العالم الوطن المدينة البلاد الشرق الغرب
الشمال الجنوب الوسط العاصمة المنطقة الجمهورية المملكة الإمارة الاتحاد اللجنة الحزب الحركة الجبهة
أمس اليوم غدا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
`;

/** Normalized common words; see the module comment. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/)
    .filter(Boolean)
    .map(normalizeArabic),
);
