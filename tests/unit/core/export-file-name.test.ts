import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAX_TITLE_CHARS,
  exportFileName,
  fileStamp,
  leftoverTempFiles,
  sanitiseTitle,
  uniqueExportPath,
} from '../../../electron/core/report/export-file-name.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const tmp = makeTempDir('livedesk-names-');
afterAll(() => tmp.cleanup());

describe('export file names', () => {
  it('removes what Windows forbids, control characters, and edge spaces and dots', () => {
    expect(sanitiseTitle('双11/狂欢:夜*专场?')).toBe('双11 狂欢 夜 专场');
    expect(sanitiseTitle('a\\b"c<d>e|f')).toBe('a b c d e f');
    expect(sanitiseTitle('  新品\t\n首发\u0007  ')).toBe('新品 首发');
    expect(sanitiseTitle('...年货节...')).toBe('年货节');
    expect(sanitiseTitle(' /:*?"<>| ')).toBe('未命名');
    expect(sanitiseTitle('')).toBe('未命名');
  });

  it(`cuts a long title to ${MAX_TITLE_CHARS} characters without splitting an emoji`, () => {
    const long = '🎉'.repeat(60) + '专'.repeat(60);
    const cut = sanitiseTitle(long);
    expect([...cut]).toHaveLength(MAX_TITLE_CHARS);
    expect(cut.startsWith('🎉'.repeat(60))).toBe(true);
    expect(cut).not.toContain('\ufffd');
  });

  it('names a show by its title and start, a period by its days', () => {
    const at = new Date(2026, 10, 23, 20, 5).getTime();
    expect(fileStamp(at)).toBe('20261123-2005');
    expect(
      exportFileName({ kind: 'show', showId: 's1' }, { title: '秋冬:专场', startedAt: at }, 'docx'),
    ).toBe('直播工作总结_秋冬 专场_20261123-2005.docx');
    expect(
      exportFileName({ kind: 'period', from: '2026-11-01', to: '2026-11-30', roomId: 'r1' }, null, 'xlsx'),
    ).toBe('直播工作总结_2026-11-01_2026-11-30.xlsx');
  });

  it('never picks a name that exists or that a running export has taken', () => {
    const dir = tmp.dir;
    const name = '直播工作总结_a.md';
    expect(uniqueExportPath(dir, name)).toBe(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name), 'x');
    expect(uniqueExportPath(dir, name)).toBe(path.join(dir, '直播工作总结_a-2.md'));
    expect(uniqueExportPath(dir, name, new Set([path.join(dir, '直播工作总结_a-2.md')]))).toBe(
      path.join(dir, '直播工作总结_a-3.md'),
    );
  });

  it('finds the temp files a writer left beside its file, and only those', () => {
    const out = path.join(tmp.dir, '直播工作总结_b.csv');
    for (const n of [
      '直播工作总结_b.csv.1a2b.tmp',
      '直播工作总结_b.csv.zz.tmp',
      '直播工作总结_bb.csv.1a.tmp',
      '直播工作总结_b.csv',
    ])
      fs.writeFileSync(path.join(tmp.dir, n), 'x');
    expect(
      leftoverTempFiles(out)
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['直播工作总结_b.csv.1a2b.tmp', '直播工作总结_b.csv.zz.tmp']);
    expect(leftoverTempFiles(path.join(tmp.dir, 'missing', 'x.md'))).toEqual([]);
  });
});
