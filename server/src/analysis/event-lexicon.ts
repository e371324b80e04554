/**
 * The words that the meeting, statement and role-phrase rules look for, as tables a linguist can read
 * and extend. Forms are written as news writes them (hamza, ة, ى); the code normalizes them and adds
 * the proclitics (و ف, ب ل ك, ال, the future س) itself, so a row lists stems and inflections only.
 *
 * Codes are CAMEO-style: 010 statement, 012/013 pessimistic/optimistic comment, 020 appeal, 036
 * express intent to meet, 040 consult, 041 phone call, 042 visit, 043 host, 044 meet at a third
 * location, 046 negotiate, 051 praise, 100 demand, 111 criticize or condemn, 112 accuse, 130 threaten.
 */

/** A word that must follow the trigger (within `within` tokens) for it to count: «بحث … مع». */
export interface Needs {
  /** Normalized-or-not words; a word ending in `*` matches any token that starts with it. */
  words: string;
  within: number;
}

export interface MeetingRow {
  /** The noun that names the meeting in labels. */
  label: string;
  code: string;
  /** Verb forms: past, present (the future س is added by code), jussive after لم. */
  verbs?: string;
  /** Noun forms without ال and clitics; possessive forms (لقائه، زيارتها) are derived by code. */
  nouns?: string;
  needs?: Needs;
  /** Words that, right after a noun form, say it is not a meeting (مؤتمر صحفي). */
  notBefore?: string;
  /** Who comes first: the host (استقبل) or the visitor (زار); otherwise the subject. */
  role?: 'host' | 'visit';
}

export const MEETING_TRIGGERS: MeetingRow[] = [
  {
    label: 'لقاء',
    code: '040',
    verbs: 'التقى التقت التقيا التقتا التقوا يلتقي تلتقي يلتقيان تلتقيان يلتقون نلتقي يلتق تلتق',
    nouns: 'لقاء لقاءين لقاءان لقاءا',
  },
  {
    label: 'اجتماع',
    code: '040',
    verbs: 'اجتمع اجتمعت اجتمعا اجتمعتا اجتمعوا يجتمع تجتمع يجتمعان تجتمعان يجتمعون',
    nouns: 'اجتماع اجتماعا اجتماعين اجتماعان',
  },
  { label: 'استقبال', code: '043', verbs: 'استقبل استقبلت استقبلا استقبلوا يستقبل تستقبل', nouns: 'استقبال', role: 'host' },
  { label: 'زيارة', code: '042', verbs: 'زار زارت زارا زاروا يزور تزور يزوران', nouns: 'زيارة زيارتين', role: 'visit' },
  { label: 'مباحثات', code: '046', verbs: 'تباحث تباحثت تباحثا يتباحث تتباحث', nouns: 'محادثات مباحثات مفاوضات' },
  { label: 'مباحثات', code: '040', verbs: 'بحث بحثت بحثا يبحث تبحث يبحثان', needs: { words: 'مع', within: 4 } },
  { label: 'قمة', code: '040', nouns: 'قمة' },
  { label: 'مؤتمر', code: '040', nouns: 'مؤتمر', notBefore: 'صحفي صحافي صحفيا صحافيا' },
  {
    label: 'اتصال هاتفي',
    code: '041',
    verbs: 'اتصل اتصلت',
    nouns: 'اتصال اتصالا مكالمة',
    needs: { words: 'هاتفي* هاتفيا', within: 2 },
  },
];

export interface StatementRow {
  /** The verb as labels show it. */
  label: string;
  code: string;
  verbs: string;
  needs?: Needs;
  /** The code may be refined by the content (CONTENT_CODES), for verbs that say little by themselves. */
  byContent?: boolean;
  /** نقل: the speaker is the party after عن, not the outlet that relays it. */
  relay?: boolean;
}

export const STATEMENT_TRIGGERS: StatementRow[] = [
  { label: 'أكد', code: '010', verbs: 'أكد أكدت أكدا أكدتا أكدوا يؤكد تؤكد يؤكدان تؤكدان يؤكدون', byContent: true },
  { label: 'شدد', code: '010', verbs: 'شدد شددت شددا شددتا شددوا يشدد تشدد يشددان يشددون', byContent: true },
  { label: 'أشار', code: '010', verbs: 'أشار أشارت أشارا أشارتا أشاروا يشير تشير يشيران', byContent: true },
  { label: 'أوضح', code: '010', verbs: 'أوضح أوضحت أوضحا أوضحوا يوضح توضح' },
  { label: 'لفت', code: '010', verbs: 'لفت لفتت يلفت تلفت', needs: { words: 'إلى الى الانتباه النظر', within: 2 } },
  { label: 'قال', code: '010', verbs: 'قال قالت قالا قالوا يقول تقول يقولون', byContent: true },
  { label: 'أضاف', code: '010', verbs: 'أضاف أضافت أضافا أضافوا يضيف تضيف', byContent: true },
  { label: 'صرح', code: '010', verbs: 'صرح صرحت صرحا صرحوا يصرح تصرح' },
  { label: 'أعلن', code: '010', verbs: 'أعلن أعلنت أعلنا أعلنوا يعلن تعلن', byContent: true },
  { label: 'نفى', code: '010', verbs: 'نفى نفت نفيا ينفي تنفي' },
  { label: 'أعرب', code: '010', verbs: 'أعرب أعربت أعربا أعربوا يعرب تعرب أبدى أبدت يبدي تبدي', byContent: true, needs: { words: 'عن', within: 3 } },
  { label: 'حذر', code: '012', verbs: 'حذر حذرت حذرا حذروا يحذر تحذر' },
  { label: 'رحب', code: '051', verbs: 'رحب رحبت رحبا رحبوا يرحب ترحب' },
  { label: 'أشاد', code: '051', verbs: 'أشاد أشادت أشادا يشيد تشيد أثنى أثنت يثني' },
  { label: 'دعا', code: '020', verbs: 'دعا دعت دعوا يدعو تدعو يدعوان ناشد ناشدت يناشد تناشد حث حثت يحث تحث' },
  { label: 'طالب', code: '100', verbs: 'طالبت طالبا طالبوا يطالب تطالب يطالبون' },
  // The bare form is also the noun «student»: it counts only before a بـ complement.
  { label: 'طالب', code: '100', verbs: 'طالب', needs: { words: 'ب*', within: 3 } },
  { label: 'أدان', code: '111', verbs: 'أدان أدانت أدانا أدانوا تدين ندد نددت يندد تندد استنكر استنكرت يستنكر تستنكر شجب شجبت' },
  { label: 'انتقد', code: '111', verbs: 'انتقد انتقدت انتقدا ينتقد تنتقد' },
  { label: 'اتهم', code: '112', verbs: 'اتهم اتهمت اتهما اتهموا يتهم تتهم' },
  { label: 'هدد', code: '130', verbs: 'هدد هددت هددا يهدد تهدد' },
  { label: 'جدد', code: '010', verbs: 'جدد جددت جددا جددوا يجدد تجدد', byContent: true },
  { label: 'نقل', code: '010', verbs: 'نقل نقلت تنقل ينقل', relay: true, needs: { words: 'عن', within: 5 } },
];

/** Words in a statement's content that decide its code when the verb says little (أعرب عن قلقه → 012). */
export const CONTENT_CODES: { code: string; words: string }[] = [
  { code: '111', words: 'إدانة إدانته إدانتها إدانتهم تدين يدين استنكار استنكاره تنديد' },
  { code: '112', words: 'اتهام اتهامه تتهم يتهم' },
  { code: '012', words: 'قلق قلقه قلقها قلقهم مخاوف مخاوفه تشاؤم' },
  { code: '013', words: 'تفاؤل تفاؤله ارتياح ارتياحه ارتياحها' },
  { code: '051', words: 'ترحيب ترحيبه ترحيبها تقدير تقديره تقديرها شكر شكره إشادة' },
  { code: '020', words: 'دعوة دعوته دعوتها' },
];

export interface TitleRow {
  forms: string;
  /** A title that takes another title as its complement (نائب وزير، كبير مساعدي). */
  construct?: boolean;
  /** Counts only before another title word (كبير مساعدي, not كبير alone). */
  onlyConstruct?: boolean;
}

/** Titles that head a role phrase: «نائب وزير الخارجية ميخائيل بوغدانوف». */
export const TITLES: TitleRow[] = [
  { forms: 'رئيس رئيسة', construct: true },
  { forms: 'وزير وزيرة وزراء' },
  { forms: 'نائب نائبة', construct: true },
  { forms: 'معاون معاونة', construct: true },
  { forms: 'مساعد مساعدة مساعدي مساعدو', construct: true },
  { forms: 'كبير كبيرة', construct: true, onlyConstruct: true },
  { forms: 'مستشار مستشارة', construct: true },
  { forms: 'متحدث متحدثة ناطق ناطقة' },
  { forms: 'سفير سفيرة سفيرا سفيري سفراء' },
  { forms: 'مبعوث مبعوثة' },
  { forms: 'ممثل ممثلة ممثلي', construct: true },
  { forms: 'أمين' },
  { forms: 'ملك عاهل أمير سلطان شيخ' },
  { forms: 'ولي' },
  { forms: 'جنرال لواء عميد عقيد مشير قائد قائدة' },
  { forms: 'محافظ مدير مديرة حاكم' },
];

/** Words that may stand inside a title between its head and the name (المتحدث باسم، أمين عام). */
export const TITLE_GLUE = 'باسم عام العام';

/** Delegations: «وفد إيران», «وفد الجمهورية العربية السورية برئاسة …», «ووفود البلدان الضامنة». */
export const DELEGATION = 'وفد وفدا وفود';

/** The two parties of the meeting in focus speak together: «أشار الجانبان». */
export const DUAL_SPEAKERS = 'الجانبان الجانبين الطرفان الطرفين الزعيمان الزعيمين الوزيران الوزيرين الرئيسان الرئيسين';

/** Documents that speak for a meeting: «أكد البيان الختامي». */
export const DOCUMENTS: { text: string; forms: string }[] = [
  { text: 'البيان الختامي', forms: 'البيان الختامي' },
  { text: 'البيان المشترك', forms: 'البيان المشترك' },
  { text: 'إعلان', forms: 'الإعلان الختامي' },
];

/** Bare «البيان» refers to the last document named, or starts one. */
export const DOCUMENT_SHORT = 'البيان';

/** Heads of a named group of states: «الدول الضامنة … روسيا وإيران وتركيا». */
export const GROUP_HEADS = 'الدول البلدان الأطراف';

/** Before a meeting noun: the meeting is the occasion, not a new meeting (على هامش الاجتماع). */
export const OCCASION_MARKERS = ['على هامش', 'في إطار', 'بمناسبة', 'ضمن أعمال', 'في ختام'];

/** Before a meeting trigger (within four tokens): it did not or will not happen. */
export const NEGATION_MARKERS = 'لم لن لا ليس عدم دون بدون نفى نفت ينفي تنفي ألغى ألغت يلغي تلغي إلغاء أرجأ أرجأت إرجاء تأجيل أجل رفض رفضت يرفض ترفض';

/** Before a meeting trigger: it is planned (036). The future prefix س is read from the verb itself. */
export const FUTURE_MARKERS = ['من المقرر', 'من المنتظر', 'من المتوقع', 'يعتزم', 'تعتزم', 'سوف', 'يزمع', 'تزمع'];

/** Verbs that hold a meeting noun: «عقد لقاء», «أجرى محادثات». Their subject meets. */
export const LIGHT_VERBS = 'عقد عقدت عقدا يعقد تعقد أجرى أجرت أجريا يجري تجري بدأ بدأت';

/** Relative pronouns: «الوزير الذي أكد» is no statement of its own. */
export const RELATIVES = 'الذي التي الذين اللذين اللذان اللتين اللتان اللواتي اللاتي';

/** After these, mentions name a topic, not a participant (حول سوريا، بشأن اللاجئين). */
export const TOPIC_MARKERS = 'حول بشأن حيال تجاه بخصوص إزاء بموجب عن ضد';

/** After these, a participant list stops (بصفة مراقب، لبحث…). */
export const LIST_STOPS = 'بصفة بحضور حيث لبحث لمناقشة وبحث وناقش ناقش';

/** Outlets that relay a statement: «نقلت وكالة سانا عن …». */
export const OUTLETS = 'وكالة صحيفة قناة موقع تلفزيون إذاعة';

/** Complementizers and particles that open a statement's content. */
export const CONTENT_OPENERS = 'على أن إن بأن إلى ب عن لـ';

/** Words that begin or end a verb's clause but name no one; skipped when looking for a subject. */
export const SUBJECT_SKIP = 'اليوم أمس غدا مجددا مرة أخرى أيضا كذلك من جهته جهتها جانبه جانبها بدوره بدورها الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم';

/** «شارك في الاجتماع وفد …»: who took part. */
export const PARTICIPATE = 'شارك شاركت شاركا شاركوا يشارك تشارك يشاركون حضر حضرت حضرا حضروا يحضر تحضر';

/** Demonstratives that make a meeting noun a reference to the meeting in focus (هذا اللقاء). */
export const DEMONSTRATIVES = 'هذا هذه ذلك تلك';

/** Before a meeting noun, these say a statement was made at it (خلال لقاء، في هذا اللقاء). */
export const AT_MEETING = 'خلال في أثناء عقب بعد لدى';

/** Place words that take a nisba adjective: «في العاصمة الكازاخية». */
export const PLACE_NOUNS = 'العاصمة مدينة المدينة';

/** Words that coordinate a second statement in one sentence: «كما أكد», «ثم أضاف». */
export const COORDINATORS = 'كما ثم';
