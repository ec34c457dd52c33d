import { afterAll, describe, expect, it } from 'vitest';
import { fixturePeriodReport } from '../../fixtures/report/period-report.js';
import { FINAL, fixtureShowReport, PRODUCTS } from '../../fixtures/report/show-report.js';
import { cleanupExports, exportFixture } from './export-fixture.js';
import { pngSize, readDocx, tableAfter } from './read-back.js';

afterAll(cleanupExports);

describe('Word report', () => {
  it('has real headings in order, tables with figures, the chart as a PNG and a Chinese font', async () => {
    const { data, result } = await exportFixture('docx');
    expect(result.rows.images).toBe(1);
    const doc = await readDocx(data);

    expect(doc.headings[0]).toEqual({ level: 'Title', text: '直播工作总结：双11美妆狂欢专场' });
    expect(doc.headings.filter((h) => h.level === 'Heading1').map((h) => h.text)).toEqual([
      '一、工作概述',
      '二、核心数据指标分析',
      '三、直播前筹备',
      '四、直播中执行',
      '五、事故与应急',
      '六、存在问题',
      '七、改进计划',
    ]);
    expect(
      doc.headings
        .filter((h) => h.level === 'Heading2')
        .map((h) => h.text)
        .slice(0, 7),
    ).toEqual([
      '（一）核心指标（与上一场对比）',
      '（二）目标达成',
      '（三）峰值与时间',
      '（四）流量来源',
      '（五）商品漏斗',
      '（六）热销商品',
      '（七）趋势图',
    ]);
    expect(doc.headings.some((h) => h.level === 'Heading3' && h.text === '#12 网络中断：主线路断开')).toBe(
      true,
    );
    // The heading styles exist, so Word's navigation pane lists them.
    const styles = await doc.zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:styleId="Heading1"/u);
    expect(styles).toMatch(/w:styleId="Heading2"/u);

    const overview = tableAfter(doc, '一、工作概述');
    expect(overview).toContainEqual(['直播时长', '3小时']);
    expect(overview).toContainEqual(['场控', '未填写']);

    const metrics = tableAfter(doc, '（一）核心指标');
    expect(metrics[0]).toEqual(['指标', '本场', '上一场', '较上场']);
    expect(metrics).toContainEqual(['成交金额', '¥186.34万', '¥150.00万', '+24.2%']);
    expect(metrics).toContainEqual(['订单数', FINAL.orders.toLocaleString('en-US'), '—', '—']);
    const funnel = tableAfter(doc, '（五）商品漏斗');
    expect(funnel).toHaveLength(PRODUCTS.length + 1);
    expect(funnel[1]).toEqual([
      '玻尿酸保湿精华 30ml',
      '12.04万',
      '2.03万',
      '16.88%',
      '1.42万',
      '3,400',
      '23.91%',
      '3,902',
      '¥77.66万',
    ]);
    const failed = tableAfter(doc, '（一）不通过项');
    expect(failed[1]!.slice(1, 4)).toEqual(['上行带宽', '≥ 20 Mbps', '12.5']);
    const top = tableAfter(doc, '（二）高频问题');
    expect(top[3]![1]).toBe('优惠券怎么领\n能叠加吗');

    // The chart: an image part that is a real PNG, referenced from the body.
    const media = doc.files.filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = await doc.zip.file(media[0]!)!.async('uint8array');
    expect(pngSize(png)).toEqual({ width: 2400, height: 1280 });
    expect(doc.documentXml).toMatch(/<a:blip r:embed="rId\d+"/u);

    // East-Asian font on the default run style, declared in the font table as a GB2312 font.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="Microsoft YaHei"/u);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/u);
    const fonts = await doc.zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toMatch(
      /<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑"\/>[^]*<w:charset w:val="86"\/>/u,
    );
    expect(fonts).toContain('w:name="Noto Sans CJK SC"');

    // A4 portrait with 2 cm margins.
    expect(doc.documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    expect(doc.documentXml).not.toMatch(/NaN|Infinity|undefined/u);
  });

  it('a show without minutes gets no image but says so', async () => {
    const { data, result } = await exportFixture('docx', {
      report: fixtureShowReport({ trend: { showId: 'x', minutes: [], markers: [] } }),
    });
    expect(result.rows.images).toBe(0);
    const doc = await readDocx(data);
    expect(doc.files.some((f) => f.startsWith('word/media/'))).toBe(false);
    expect(doc.items.some((i) => i.kind === 'paragraph' && i.text.includes('未生成图表'))).toBe(true);
  });

  it('a period report: sections, shows table and a GMV-per-show chart', async () => {
    const { data } = await exportFixture('docx', { report: fixturePeriodReport() });
    const doc = await readDocx(data);
    expect(doc.headings.filter((h) => h.level === 'Heading1').map((h) => h.text)).toEqual([
      '一、概述',
      '二、场次与核心数据',
      '三、互动与回复',
      '四、告警与事故',
      '五、话术使用',
      '六、存在问题',
      '七、改进计划',
    ]);
    const shows = tableAfter(doc, '（四）场次明细');
    expect(shows).toHaveLength(5);
    expect(shows[2]!.slice(0, 5)).toEqual([
      '2026-11-11 20:00',
      '双11美妆狂欢专场',
      '3小时',
      '¥186.34万',
      '9,807',
    ]);
    expect(doc.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
  });
});
