import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMMENT_CATEGORIES,
  defaultResourcesDir,
  FAULT_CATEGORIES,
  loadCorpus,
} from '../../../electron/core/sim/corpus.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const FAULT_WORDS = ['卡了', '卡顿', '黑屏', '没声音', '听不见', '听不到', '花屏', '断了', '麦'];

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('sim corpus', () => {
  const corpus = loadCorpus();

  it('has enough real-sounding material', () => {
    const lines = COMMENT_CATEGORIES.flatMap((c) => corpus.comments[c]);
    expect(lines.length).toBeGreaterThanOrEqual(400);
    expect(new Set(lines).size).toBeGreaterThan(lines.length * 0.95);
    for (const category of COMMENT_CATEGORIES)
      expect(corpus.comments[category].length).toBeGreaterThanOrEqual(10);
    expect(corpus.nicknames.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.nicknames).size).toBe(corpus.nicknames.length);
    expect(corpus.luckyBagCodes.length).toBeGreaterThan(3);
  });

  it('has 10–14 products with all three roles, prices in cents and a 1元秒杀', () => {
    expect(corpus.products.length).toBeGreaterThanOrEqual(10);
    expect(corpus.products.length).toBeLessThanOrEqual(14);
    for (const role of ['traffic', 'hit', 'profit'] as const) {
      expect(corpus.products.some((p) => p.role === role)).toBe(true);
    }
    for (const p of corpus.products) {
      expect(Number.isInteger(p.price)).toBe(true);
      expect(p.name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(corpus.products.some((p) => p.role === 'traffic' && p.price === 100)).toBe(true);
    const cheapestProfit = Math.min(
      ...corpus.products.filter((p) => p.role === 'profit').map((p) => p.price),
    );
    const dearestTraffic = Math.max(
      ...corpus.products.filter((p) => p.role === 'traffic').map((p) => p.price),
    );
    expect(cheapestProfit).toBeGreaterThan(dearestTraffic);
  });

  it('keeps stream-fault words out of every other category', () => {
    const faultLines = new Set(FAULT_CATEGORIES.flatMap((c) => corpus.comments[c]));
    for (const category of COMMENT_CATEGORIES) {
      if ((FAULT_CATEGORIES as readonly string[]).includes(category)) continue;
      for (const line of corpus.comments[category]) {
        expect(faultLines.has(line)).toBe(false);
        for (const word of FAULT_WORDS) expect(line, `${category}: ${line}`).not.toContain(word);
      }
    }
    for (const code of corpus.luckyBagCodes) for (const word of FAULT_WORDS) expect(code).not.toContain(word);
  });

  it('loads from an explicit folder (the Electron bundle moves resources)', () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    for (const file of ['comments.json', 'nicknames.json', 'products.json']) {
      fs.copyFileSync(path.join(defaultResourcesDir(), file), path.join(tmp.dir, file));
    }
    expect(loadCorpus(tmp.dir)).toEqual(corpus);
  });

  it('rejects a template with an unknown placeholder, naming the file', () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    for (const file of ['nicknames.json', 'products.json']) {
      fs.copyFileSync(path.join(defaultResourcesDir(), file), path.join(tmp.dir, file));
    }
    const comments = JSON.parse(fs.readFileSync(path.join(defaultResourcesDir(), 'comments.json'), 'utf8'));
    comments.categories.chat.push('{prodcut}多少钱');
    fs.writeFileSync(path.join(tmp.dir, 'comments.json'), JSON.stringify(comments));
    expect(() => loadCorpus(tmp.dir)).toThrow(/comments\.json.*placeholder/);
    expect(() => loadCorpus(path.join(tmp.dir, 'missing'))).toThrow(/cannot read/);
  });
});
