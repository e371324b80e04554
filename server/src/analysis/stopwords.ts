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

/**
 * Frequent words of news text that a generated spelling variant of a name must not be, and that a
 * name candidate never is: pronouns, particles, verbs of reporting and doing, and common nouns.
 * The list is written from the language, not from any corpus.
 */
const LEXICON = `
هو هي هم هما هن نحن أنا أنت أنتم إياه إياها إياهم أنه أنها أنهم إنه إنها إنهم لأنه لأنها لكنه لكنها
إن أن لأن كما لكن بل حيث إذ إذا لو لولا عندما بينما كي لكي حتى أي أيضا فقط جدا نعم كلا هنا هناك
اللذين اللتين هؤلاء أولئك ذاك هنالك مما عما فيما بما كلما ربما إنما مثل غير سوى عدة عدد بعض جميع كافة
قال يقول قالت تقول أكد يؤكد أكدت أشار يشير أشارت أضاف يضيف أضافت أعلن يعلن أعلنت ذكر يذكر ذكرت أوضح يوضح
أوضحت صرح يصرح دعا يدعو دعت طالب يطالب حذر يحذر نفى ينفي اعتبر يعتبر رأى يرى كان كانت يكون تكون ليس
ليست أصبح أصبحت بات ظل ظلت صار وصل يصل وصلت زار يزور زارت التقى يلتقي التقت بحث يبحث بحثت استقبل يستقبل
استقبلت عقد يعقد عقدت أجرى يجري أجرت تلقى يتلقى تلقت أرسل يرسل أرسلت طلب يطلب طلبت قرر يقرر قررت رفض
يرفض رفضت وافق يوافق وافقت أطلق يطلق أطلقت أحرز يحرز حقق يحقق تمكن يمكن يجب ينبغي يريد تريد يستطيع
أجل بشأن خلال أثناء عقب إثر رغم برغم نظرا بسبب بدوره بدورها لدى منذ حين آنذاك حاليا سابقا لاحقا مؤخرا أخيرا
يوم أمس غدا صباح مساء ليلة أسبوع شهر سنة عام الأسبوع الشهر السنة الماضي المقبل الحالي الجاري الأخير
مصدر مصادر مسؤول مسؤولون متحدث بيان تقرير اجتماع لقاء زيارة محادثات مؤتمر قمة جلسة حكومة دولة دول
قرار خطة مشروع برنامج اتفاق اتفاقية عملية ملف قضية مسألة أزمة حرب سلام أمن جيش قوات شعب بلد بلاد
تطورات مستجدات الأوضاع أوضاع وضع موقف مواقف علاقات علاقة تعاون دعم حوار حل حلول جهود جهد دور أهمية
حرص تصريح تصريحات كلمة خطاب رسالة رسائل أفكار فكرة رأي آراء قوله كلامه نزوله وصوله عودته رحيله
مقابل نهاية بداية عصر قسم بعثة جهة حملة عضو أعضاء رئاسة وزارة سفارة قنصلية منصب مهمة مهام
كبير صغير جديد جديدة أخرى آخر آخرين أكثر أقل أكبر أصغر أول ثاني ثالث عدة كثير قليل نفس ذات
عمه عمها خاله خالها أخيه أخوه أخته أخاه أبيه أبوه والده والدته زوجته زوجها ابنه ابنها ابنته نجله نجلها
حكم نظام عمل أعمال شأن شؤون ظروف إطار نطاق مجال مستوى حد إلى عن على في من مع بين عند فوق تحت
`;

const normalizedSet = (text: string): Set<string> => new Set(text.split(/\s+/).filter(Boolean).map(normalizeArabic));

/** Normalized function words and frequent nouns, without the first names. */
export const FUNCTION_WORDS: ReadonlySet<string> = normalizedSet(WORDS);

/** Normalized common words and first names; see the module comment. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...normalizedSet(FIRST_NAMES)]);

/** Normalized frequent words of news text (see LEXICON), with the function words. */
export const LEXICON_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...normalizedSet(LEXICON)]);

/** True when the normalized one-token form `norm` is a common word or a first name of COMMON_WORDS. */
export function isCommonWord(norm: string): boolean {
  return COMMON_WORDS.has(norm) || LEXICON_WORDS.has(norm);
}
