/**
 * Who the viewers are. A viewer is just an arrival index; id, nickname and fan-club badge are
 * derived from it by hashing, so they stay stable for the whole show without storing a
 * record per viewer (a long show at a high rate has millions of them).
 */
import { hash32 } from './prng.js';

export interface Viewer {
  userId: string;
  nickname: string;
  fanClub: boolean;
}

/** Share of viewers who keep Douyin's default "用户1234567890" nickname. */
const DEFAULT_NICKNAME_PERCENT = 12;
/** Share of custom nicknames with a number tacked on ("阿杰0618"), as real ones often have. */
const NUMBER_SUFFIX_PERCENT = 25;

export class ViewerDirectory {
  private readonly salt: number;
  private readonly saltTag: string;

  constructor(
    seed: number,
    private readonly nicknames: readonly string[],
    /** The first arrivals are the room's regulars (fans waiting for the show). */
    private readonly regularCount: number,
  ) {
    if (nicknames.length === 0) throw new Error('ViewerDirectory: no nicknames');
    this.salt = hash32(seed, 0x5eed);
    this.saltTag = (this.salt % 46_656).toString(36).padStart(3, '0');
  }

  /** Unique per index (a bijection on 32 bits), but not visibly sequential. */
  userId(index: number): string {
    const scrambled = (Math.imul(index, 0x9e3779b1) ^ this.salt) >>> 0;
    return `dy${this.saltTag}${scrambled.toString(36).padStart(7, '0')}`;
  }

  nickname(index: number): string {
    const h = hash32(index, this.salt);
    if (h % 100 < DEFAULT_NICKNAME_PERCENT) {
      const digits = 1_000_000_000 + (hash32(h, 7) % 9_000_000_000);
      return `用户${digits}`;
    }
    const base = this.nicknames[(h >>> 8) % this.nicknames.length] as string;
    if ((h >>> 4) % 100 < NUMBER_SUFFIX_PERCENT)
      return `${base}${(hash32(h, 11) % 10_000).toString().padStart(4, '0')}`;
    return base;
  }

  /** ~10 % of comments overall: regulars are far more often in the fan club. */
  fanClub(index: number): boolean {
    const percent = index < this.regularCount ? 30 : 5;
    return hash32(index, this.salt ^ 0xfa2c1b) % 100 < percent;
  }

  viewer(index: number): Viewer {
    return { userId: this.userId(index), nickname: this.nickname(index), fanClub: this.fanClub(index) };
  }
}

/** A set of small non-negative integers, one bit each, growing as needed. */
export class GrowableBitset {
  private bits = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(index: number): boolean {
    const word = index >>> 5;
    return word < this.bits.length && ((this.bits[word] as number) & (1 << (index & 31))) !== 0;
  }

  /** Adds the index; true when it was not there before. */
  add(index: number): boolean {
    const word = index >>> 5;
    if (word >= this.bits.length) {
      let length = this.bits.length * 2;
      while (length <= word) length *= 2;
      const grown = new Uint32Array(length);
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (index & 31);
    const current = this.bits[word] as number;
    if ((current & mask) !== 0) return false;
    this.bits[word] = current | mask;
    this.count++;
    return true;
  }
}
