/**
 * Deterministic fake people for the demo data set. Nothing here is real: names are drawn from common
 * characters, ID numbers carry a valid GB 11643 check digit (so validators accept them) and phones use
 * real mobile prefixes with random subscriber numbers.
 */

/** mulberry32: tiny, seedable, good enough to make a demo data set repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** `count` distinct items drawn at random (Fisher–Yates on a copy), fewer when there are fewer. */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = 0; i < Math.min(count, pool.length); i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.min(count, pool.length));
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩凯晨欣怡子涵梓萱雨轩思远嘉诚俊杰佳琪梦瑶志强淑珍秀英国庆海燕春梅晓东';

export function fakeName(random: Random): string {
  const surname = pick(random, [...SURNAMES]);
  const length = random() < 0.7 ? 2 : 1;
  let given = '';
  for (let i = 0; i < length; i += 1) given += pick(random, [...GIVEN]);
  return surname + given;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The GB 11643-1999 check character of the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('an ID number body is 17 digits');
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * ID_WEIGHTS[i]!, 0);
  return ID_CHECK[sum % 11]!;
}

/** An 18-character ID number: region 110105 (Chaoyang District, Beijing), birth date, sequence, check. */
export function fakeIdNumber(random: Random, birthDate: Date, female: boolean): string {
  const date = birthDate.toISOString().slice(0, 10).replaceAll('-', '');
  const sequence = intBetween(random, 0, 99) * 10 + (female ? 2 * intBetween(random, 0, 4) : 2 * intBetween(random, 0, 4) + 1);
  const body = `110105${date}${String(sequence).padStart(3, '0')}`;
  return body + idCheckDigit(body);
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '166', '173', '177', '180', '181', '185', '186', '187', '188', '189', '199'];

export function fakePhone(random: Random): string {
  return pick(random, MOBILE_PREFIXES) + String(intBetween(random, 0, 99_999_999)).padStart(8, '0');
}

/** A birth date between `minAge` and `maxAge` years before `asOf`. */
export function fakeBirthDate(random: Random, asOf: Date, minAge: number, maxAge: number): Date {
  const ageDays = intBetween(random, minAge * 365, maxAge * 365);
  return new Date(asOf.getTime() - ageDays * 86_400_000);
}

/** One of the items, each as likely as its weight. */
export function weighted<T>(random: Random, weights: readonly [T, number][]): T {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [item, w] of weights) if ((roll -= w) < 0) return item;
  return weights[weights.length - 1]![0];
}
