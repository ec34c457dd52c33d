/**
 * Is a (normalised) comment a question the assistant should answer? Cheap rules, run on every
 * comment before matching so that praise, 666, 福袋口令 and greetings never get a reply
 * suggestion even when they mention a product word.
 */

/** Question words anywhere in the comment. */
const QUESTION_WORDS = [
  '吗',
  '多少',
  '怎么',
  '如何',
  '什么',
  '哪',
  '能不能',
  '可不可以',
  '可以不',
  '行不行',
  '是不是',
  '有没有',
  '会不会',
  '要不要',
  '多久',
  '多大',
  '多高',
  '多长',
  '多重',
  '多宽',
  '还是',
  '谁',
  '?',
] as const;

/** Particles that ask only at the end of a sentence (这么便宜 is not a question; 有红色么 is). */
const FINAL_PARTICLES = ['么', '呢', '不', '呗'] as const;

/**
 * Topic words that are a question on their own in a live room ("尺码", "发货时间", "运费险?"):
 * viewers type the topic and expect the answer.
 */
const INTENT_KEYWORDS = [
  '尺码',
  '尺码表',
  '发货时间',
  '几号',
  '几码',
  '几天到',
  '运费险',
  '包邮',
  '七天无理由',
  '到手价',
  '叠加',
  '满减',
  '领券',
  '现货',
  '预售',
  '偏大',
  '偏小',
  '补货',
  '保质期',
  '质检报告',
  '赠品',
  // a problem stated is a question asked: "优惠券领不了", "灰色XXL拍不了", "我的订单还没发货"
  '领不了',
  '领不到',
  '拍不了',
  '点不开',
  '打不开',
  '没找到',
  '没减',
  '码没了',
  '还没发货',
  '帮我留',
  '留一件',
  '含绒量',
  '充绒量',
] as const;

const SENTENCE_END = new Set(['', ',', '.', '!', '~', ';', ':']);

/** "666", "1111", "+1" (→ "1") and punctuation-only comments. */
function isOnlyDigitsAndPunctuation(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39;
    if (
      !digit &&
      !SENTENCE_END.has(text[i] as string) &&
      text[i] !== '?' &&
      text[i] !== '-' &&
      text[i] !== '/'
    )
      return false;
  }
  return true;
}

function hasFinalParticle(text: string): boolean {
  for (const particle of FINAL_PARTICLES) {
    let at = text.indexOf(particle);
    while (at >= 0) {
      if (SENTENCE_END.has(text[at + 1] ?? '')) {
        // 这么 / 什么 / 怎么 end in 么 but ask nothing by themselves at a sentence end.
        const before = text[at - 1] ?? '';
        if (particle !== '么' || (before !== '这' && before !== '那')) return true;
      }
      at = text.indexOf(particle, at + 1);
    }
  }
  return false;
}

/** Topic words that ask when they are the whole comment ("链接!!!") but not inside a sentence. */
const BARE_TOPICS = new Set(['链接', '颜色', '价格', '快递', '发货', '尺码']);
const BARE_TOPIC_MAX = Math.max(...[...BARE_TOPICS].map((t) => t.length));
const STRIPPED_FOR_TOPIC = new Set([',', '.', '?', '!', ':', ';', '~', '/', '-']);

/** The comment is a bare topic once its punctuation is left out. */
function isBareTopic(text: string): boolean {
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (STRIPPED_FOR_TOPIC.has(ch)) continue;
    if (word.length === BARE_TOPIC_MAX) return false;
    word += ch;
  }
  return BARE_TOPICS.has(word);
}

/** 厚不厚 / 够不够 / 包不包邮: the A不A question form. */
function hasAnotA(text: string): boolean {
  for (let at = text.indexOf('不', 1); at >= 0; at = text.indexOf('不', at + 1)) {
    if (text[at - 1] === text[at + 1]) return true;
  }
  return false;
}

/** "160,100斤", "163,108", "140斤", "170cm": height / weight given = asking for a size. */
const BODY_NUMBERS = /\d斤|\dcm|1[4-9]\d,\d{2,3}/;

/**
 * The words that ask wherever they stand (question words and intent keywords), by first code
 * unit: one pass over the comment finds any of them — most characters start none, a flag says
 * so — where a search per word read the comment ~60 times.
 */
const ASKING_WORDS = new Map<number, string[]>();
const STARTS_ASKING_WORD = new Uint8Array(0x10000);
for (const word of [...QUESTION_WORDS, ...INTENT_KEYWORDS]) {
  const first = word.charCodeAt(0);
  ASKING_WORDS.set(first, [...(ASKING_WORDS.get(first) ?? []), word]);
  STARTS_ASKING_WORD[first] = 1;
}

function hasAskingWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (STARTS_ASKING_WORD[code] !== 1) continue;
    for (const word of ASKING_WORDS.get(code) as string[]) if (text.startsWith(word, i)) return true;
  }
  return false;
}

export function isQuestion(normalisedText: string): boolean {
  const text = normalisedText;
  if (text.length === 0 || isOnlyDigitsAndPunctuation(text)) return false;
  if (hasAskingWord(text)) return true;
  // 几号 / 几天 ask; 好几次 (回购好几次了) does not.
  if (text.includes('几') && !text.includes('好几')) return true;
  return hasFinalParticle(text) || hasAnotA(text) || BODY_NUMBERS.test(text) || isBareTopic(text);
}
