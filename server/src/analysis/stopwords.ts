/**
 * Common Arabic words that are also first names, surnames or short forms in some pack. A one-token
 * alias in this list never matches alone: «العمليات غير الشرعية» is not Geir Pedersen. The words are
 * normalized (ة → ه, أ → ا, ى → ي).
 */
import { normalizeArabic } from './normalize';

/** First names that are also ordinary words or too common to stand for one person. */
const FIRST_NAMES = `
غير أمين عادل جمال سلام نبيل كريم حسن سعيد رشيد حميد مجيد صالح فاضل كامل منير أمل نور
عزيز شريف لطيف رحيم حليم جميل ناصر منصور مسعود سالم سليم وحيد فريد ماجد خالد طاهر وليد رضا فرح
بشير نذير هادي راضي زكي ذكي علي عالي سامي نادر قادر صابر شاكر عامر عمر حسين محمود حمد أحمد
`;

/** Function words and frequent nouns: never a name on their own. */
const WORDS = `
فتح حماية بن ابن أبو أبي أم بنت آل عبد عبدالله الله
من في على عن إلى الى مع بين عند لدى منذ حتى أن إن أو ثم قد لقد كل بعض كان يكون هذا هذه ذلك تلك
التي الذي الذين ما ماذا لا لم لن ليس غيرها دون فوق تحت قبل بعد خلال حول ضد نحو عبر وفق أمام وراء
الشعب الدولة الحكومة الرئيس المجلس الجيش الأمن السلام الحرب العالم الوطن المدينة البلاد الشرق الغرب
الشمال الجنوب الوسط العاصمة المنطقة الجمهورية المملكة الإمارة الاتحاد اللجنة الحزب الحركة الجبهة
أمس اليوم غدا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
`;

const normalizedSet = (text: string): Set<string> => new Set(text.split(/\s+/).filter(Boolean).map(normalizeArabic));

/** Normalized function words and frequent nouns, without the first names. */
export const FUNCTION_WORDS: ReadonlySet<string> = normalizedSet(WORDS);

/** Normalized common words and first names; see the module comment. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...normalizedSet(FIRST_NAMES)]);
