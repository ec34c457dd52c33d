import fs from 'node:fs';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FaqEntryView, FaqFileFormat } from '../../../shared/api/replies.js';
import { FaqLibrarySchema, parseFaqLibrary, type FaqEntry } from '../../../shared/faq/entry.js';
import { FaqFileError, readFaqFile, writeFaqFile } from '../../../electron/core/faq/io/index.js';
import { parseCsv } from '../../../electron/core/faq/io/csv-codec.js';
import { escapeFormula, unescapeFormula } from '../../../electron/core/faq/io/columns.js';

const fixture = (name: string): URL => new URL(`../../fixtures/faq-io/${name}`, import.meta.url);
const library = parseFaqLibrary(
  JSON.parse(
    fs.readFileSync(new URL('../../../resources/faq/default-library.json', import.meta.url), 'utf8'),
  ),
);

function view(entry: FaqEntry, used = 0, lastUsedAt: number | null = null): FaqEntryView {
  return {
    ...entry,
    usage: { suggested: used * 2, used, lastUsedAt },
    search: { text: '', pinyin: '', initials: '' },
  };
}

/** The fields a file carries (what a round trip must keep). */
function fields(entry: FaqEntry): FaqEntry {
  const { id, category, triggers, answer, hotkey, enabled } = entry;
  return hotkey === undefined
    ? { id, category, triggers, answer, enabled }
    : { id, category, triggers, answer, hotkey, enabled };
}

/** What an export hands to the user, as the import gets it back (xlsx as bytes). */
async function exported(
  format: FaqFileFormat,
  entries: readonly FaqEntryView[],
  vars: Record<string, string>,
) {
  const file = await writeFaqFile(format, entries, vars);
  return { file, data: file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : file.data };
}

async function failure(promise: Promise<unknown>): Promise<FaqFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FaqFileError);
  return error as FaqFileError;
}

const HEADER = '编号,分类,触发词,回复,快捷键,启用';
const csv = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

/** A ZIP with stored (uncompressed) files; `claimedSize` fakes the directory's size field. */
function storedZip(files: { name: string; data: string; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const data = Buffer.from(file.data, 'utf8');
    const size = file.claimedSize ?? data.length;
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('round trip: write → read keeps every entry and variable', () => {
  // The shipped library plus the cases it lacks: disabled rows, a Ctrl/F-key hotkey, text that
  // Excel would run as a formula, quotes, commas and line breaks inside cells.
  const entries: FaqEntry[] = library.entries.map((e) => ({ ...e, triggers: [...e.triggers] }));
  entries[3] = { ...entries[3]!, enabled: false };
  entries[5] = { ...entries[5]!, hotkey: 'Ctrl+Shift+K' };
  entries.push(
    {
      id: 'plus_one',
      category: 'other',
      triggers: ['+1', '扣1', '@主播'],
      answer: '=收到，马上安排',
      hotkey: 'F2',
      enabled: true,
    },
    {
      id: 'quoted',
      category: 'gift',
      triggers: ['-5折', "'=x"],
      answer: '第一行，"引号"\n第二行, 逗号',
      enabled: false,
    },
  );
  const views = entries.map((e, i) => view(e, i % 4, i % 3 === 0 ? Date.UTC(2025, 2, 8, 12, 30) : null));
  const variables = { 发货时间: '48小时内', 尺码建议: '=身高/体重', 商品: '羊毛衫, "加厚"' };

  it.each(['csv', 'xlsx', 'json'] as const)('%s', async (format) => {
    expect(entries.length).toBe(78);
    const { data } = await exported(format, views, variables);
    const parsed = await readFaqFile(format, data);
    expect(parsed.entries).toEqual(entries.map(fields));
    // CSV has one table only: no variables, so the caller keeps its own.
    expect(parsed.variables).toEqual(format === 'csv' ? undefined : variables);
  });

  it('exports the file metadata each format needs', async () => {
    const csvFile = (await exported('csv', views, variables)).file;
    expect(csvFile).toMatchObject({ mime: 'text/csv;charset=utf-8', encoding: 'utf8' });
    expect(csvFile.fileName).toMatch(/^话术库-\d{4}-\d{2}-\d{2}\.csv$/);
    // The BOM makes Excel on Windows read UTF-8 instead of GBK.
    expect(
      csvFile.data.startsWith('\uFEFF编号,分类,触发词,回复,快捷键,启用,推荐次数,使用次数,最近使用\r\n'),
    ).toBe(true);
    const jsonFile = (await exported('json', views, variables)).file;
    expect(jsonFile).toMatchObject({ mime: 'application/json', encoding: 'utf8' });
    const json = JSON.parse(jsonFile.data) as Record<string, unknown>;
    expect(FaqLibrarySchema.parse(json)).toEqual({ version: 1, entries: entries.map(fields), variables });
    expect(jsonFile.data).not.toMatch(/suggested|lastUsedAt|search/);
    const xlsxFile = (await exported('xlsx', views, variables)).file;
    expect(xlsxFile).toMatchObject({
      encoding: 'base64',
      fileName: expect.stringMatching(/\.xlsx$/) as unknown,
    });
  });

  it('writes usage as read-only columns that import ignores', async () => {
    const one = [view(entries[0]!, 7, new Date(2025, 2, 8, 9, 5).getTime())];
    const { data } = await exported('csv', one, {});
    const [header, row] = parseCsv((data as string).slice(1));
    expect(header?.cells.slice(6)).toEqual(['推荐次数', '使用次数', '最近使用']);
    expect(row?.cells.slice(6)).toEqual(['14', '7', '2025-03-08 09:05']);
  });

  it('lays the workbook out for people: bold frozen header, widths, wrapped answers, 变量 sheet', async () => {
    const { data } = await exported('xlsx', views, variables);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((data as Buffer).buffer.slice(0) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['话术库', '变量']);
    const sheet = workbook.getWorksheet('话术库')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('回复');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getRow(2).getCell(4).alignment?.wrapText).toBe(true);
    expect(sheet.actualRowCount).toBe(entries.length + 1);
    // Counts are numbers, so Excel can sort and sum them.
    expect(typeof sheet.getRow(2).getCell(7).value).toBe('number');
    const vars = workbook.getWorksheet('变量')!;
    expect(vars.getRow(1).values).toEqual([undefined, '变量名', '值']);
    expect(vars.getRow(3).values).toEqual([undefined, '尺码建议', "'=身高/体重"]);
  });
});

describe('formula injection', () => {
  it('puts a quote before = + - @ on export and takes exactly that quote off on import', async () => {
    const risky: FaqEntry = {
      id: 'risky',
      category: 'other',
      triggers: ['+1', '扣1'],
      answer: '=HYPERLINK("http://evil","点我")',
      enabled: true,
    };
    const { data } = await exported('csv', [view(risky)], {});
    const row = parseCsv((data as string).slice(1))[1]!.cells;
    expect(row[2]).toBe("'+1、扣1");
    expect(row[3]).toBe('\'=HYPERLINK("http://evil","点我")');
    for (const text of ['=1+1', '+1', '-1', '@x', "'=x", "''+x", "'plain", 'a=b', '']) {
      expect(unescapeFormula(escapeFormula(text))).toBe(text);
      expect(/^[=+\-@]/.test(escapeFormula(text))).toBe(false);
    }
    // A quote typed in front of ordinary text is the user's and stays.
    const typed = await readFaqFile('csv', csv(HEADER, ",其他,'你好,'谢谢,,"));
    expect(typed.entries[0]).toMatchObject({ triggers: ["'你好"], answer: "'谢谢" });
  });
});

describe('CSV typed by hand in Excel', () => {
  it('reads BOM, CRLF, quoted line breaks, any header order, aliases and an extra column', async () => {
    const text =
      '\uFEFF' +
      csv(
        '回复,备注,Category,触发词,启用,快捷键,ID',
        '"付款后48小时内发货，\r\n偏远地区顺延～",运营改过,发货,什么时候发货、几天发｜发什么快递 ; 包邮吗,是,alt + 2,Ship_Time',
        '"标准码，""按平时""拍就行",,优惠/价格,多少钱,TRUE,,',
        ',,,,,,',
        ',只有备注的行跳过,,,,,',
        '有的哦,,stock,"有货吗\n还有吗",停用,,',
        '颜色以实物为准,,库存/颜色,色差,0,f3,',
      );
    const parsed = await readFaqFile('csv', text);
    expect(parsed).toEqual({
      entries: [
        {
          id: 'ship_time',
          category: 'shipping',
          triggers: ['什么时候发货', '几天发', '发什么快递', '包邮吗'],
          answer: '付款后48小时内发货，\n偏远地区顺延～',
          hotkey: 'Alt+2',
          enabled: true,
        },
        { category: 'price', triggers: ['多少钱'], answer: '标准码，"按平时"拍就行', enabled: true },
        { category: 'stock', triggers: ['有货吗', '还有吗'], answer: '有的哦', enabled: false },
        { category: 'stock', triggers: ['色差'], answer: '颜色以实物为准', hotkey: 'F3', enabled: false },
      ],
    });
  });

  it('reads LF-only files, a last row without a line break, and ; or tab as separator', async () => {
    for (const sep of [',', ';', '\t']) {
      const text = ['分类', '触发词', '回复'].join(sep) + '\n' + ['尺码', '几码', '标准码'].join(sep);
      expect((await readFaqFile('csv', text)).entries).toEqual([
        { category: 'size', triggers: ['几码'], answer: '标准码', enabled: true },
      ]);
    }
  });

  it('rejects a GBK file (Excel "CSV (逗号分隔)" on Chinese Windows), as bytes or as mis-decoded text', async () => {
    const bytes = fs.readFileSync(fixture('gbk-excel.csv'));
    for (const data of [bytes, bytes.toString('utf8')]) {
      const error = await failure(readFaqFile('csv', data));
      expect(error.row).toBeNull();
      expect(error.message).toContain('请另存为 UTF-8 CSV');
      expect(error.message).toContain(' · ');
    }
  });

  it('reads UTF-8 bytes with BOM and UTF-16 (Excel "Unicode 文本")', async () => {
    const text = csv('分类,触发词,回复', '赠品,送什么,送同款袜子');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text.replaceAll(',', '\t'), 'utf16le'),
    ]);
    for (const data of [Buffer.from('\uFEFF' + text, 'utf8'), utf16]) {
      expect((await readFaqFile('csv', data)).entries).toEqual([
        { category: 'gift', triggers: ['送什么'], answer: '送同款袜子', enabled: true },
      ]);
    }
  });
});

describe('errors name the row (header = 1) and column; nothing is imported', () => {
  const good = 'size_guide,尺码,几码,标准码,Alt+1,是';
  const cases: { name: string; lines: string[]; row: number | null; column: string | null; text: RegExp }[] =
    [
      {
        name: 'missing header',
        lines: ['编号,分类,触发词,快捷键', good],
        row: 1,
        column: '回复',
        text: /表头缺少 “回复” 列/,
      },
      {
        name: 'doubled header',
        lines: ['分类,触发词,回复,answer', '尺码,几码,a,b'],
        row: 1,
        column: '回复',
        text: /第 C 列和第 D 列/,
      },
      {
        name: 'empty answer',
        lines: [HEADER, good, 'x,发货,发货,  ,,'],
        row: 3,
        column: '回复',
        text: /回复不能为空/,
      },
      { name: 'empty category', lines: [HEADER, ',,发货,a,,'], row: 2, column: '分类', text: /分类不能为空/ },
      {
        name: 'trigger over 40 characters',
        lines: [
          HEADER,
          good,
          good.replace('size_guide', 'a').replace('Alt+1', ''),
          `,发货,短、${'长'.repeat(41)},a,,`,
        ],
        row: 4,
        column: '触发词',
        text: /太长（41 字）/,
      },
      {
        name: 'no trigger',
        lines: [HEADER, ',发货, 、 ;,a,,'],
        row: 2,
        column: '触发词',
        text: /至少需要一个触发词/,
      },
      {
        name: 'bad hotkey',
        lines: [HEADER, ',发货,发货,a,Q,'],
        row: 2,
        column: '快捷键',
        text: /快捷键“Q”不可用/,
      },
      {
        name: 'bad id',
        lines: [HEADER, 'size guide!,发货,发货,a,,'],
        row: 2,
        column: '编号',
        text: /编号“size guide!”无效/,
      },
      {
        name: 'duplicate id',
        lines: [HEADER, good, ',发货,发货,a,,', 'SIZE_GUIDE,发货,发货,a,,'],
        row: 4,
        column: '编号',
        text: /与第 2 行重复/,
      },
      {
        name: 'duplicate hotkey',
        lines: [HEADER, good, ',发货,发货,a,alt+1,'],
        row: 3,
        column: '快捷键',
        text: /“Alt\+1”与第 2 行重复/,
      },
      {
        name: 'bad enabled',
        lines: [HEADER, ',发货,发货,a,,也许'],
        row: 2,
        column: '启用',
        text: /无法识别“也许”/,
      },
      // The quoted line break keeps row 2 one spreadsheet row, so the bad row is still row 3.
      {
        name: 'row count across a quoted line break',
        lines: [HEADER, ',发货,发货,"a\r\nb",,', ',发货,发货,a,,?'],
        row: 3,
        column: '启用',
        text: /第 3 行/,
      },
      {
        name: 'unclosed quote',
        lines: [HEADER, ',发货,发货,"a,,', ',发货,发货,a,,'],
        row: 2,
        column: null,
        text: /第 2 行第 D 列：引号没有闭合/,
      },
      { name: 'empty file', lines: ['', ' , '], row: null, column: null, text: /文件是空的/ },
    ];

  it.each(cases)('$name', async ({ lines, row, column, text }) => {
    const error = await failure(readFaqFile('csv', csv(...lines)));
    expect({ row: error.row, column: error.column }).toEqual({ row, column });
    expect(error.message).toMatch(text);
  });

  it('uses the app message style: Chinese · English', async () => {
    const error = await failure(
      readFaqFile('csv', csv(HEADER, ...Array(5).fill(',发货,发货,a,,'), ',颜色,发货,a,,')),
    );
    expect(error.message).toBe(
      '第 7 行「分类」：未知分类“颜色”（可用：尺码、发货、优惠价格、库存颜色、售后退换、赠品、质量、使用方法、其他） · ' +
        'row 7, category: unknown category "颜色" (use one of: size, shipping, price, stock, aftersales, gift, quality, usage, other)',
    );
  });

  it('names rows of a workbook as Excel numbers them, blank rows included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('话术库');
    sheet.addRow(['分类', '触发词', '回复']);
    sheet.addRow(['尺码', '几码', '标准码']);
    sheet.getRow(5).values = ['发货', '发货', { formula: 'NA()', result: { error: '#N/A' } }];
    const error = await failure(readFaqFile('xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    expect({ row: error.row, column: error.column }).toEqual({ row: 5, column: '回复' });
    expect(error.message).toContain('#N/A');
  });

  it('names the entry of a JSON file', async () => {
    const json = JSON.stringify({
      version: 1,
      entries: [library.entries[0], { ...library.entries[1], hotkey: 'ctrl' }],
    });
    const error = await failure(readFaqFile('json', json));
    expect({ row: error.row, column: error.column }).toEqual({ row: 2, column: '快捷键' });
    expect(error.message).toMatch(/^第 2 条「快捷键」/);
    const bad = await failure(
      readFaqFile('json', JSON.stringify({ version: 1, entries: [], variables: { 'a b': 'x' } })),
    );
    expect(bad.column).toBe('变量名');
  });

  it('refuses more than 20,000 entries and files over 20 MB', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `,发货,发货${i},a,,`);
    const many = await failure(readFaqFile('csv', csv(HEADER, ...rows)));
    expect(many.message).toMatch(/条目太多（20001 条），上限 20000 条/);
    const huge = await failure(readFaqFile('csv', HEADER + '\r\n' + 'x'.repeat(20 * 1024 * 1024)));
    expect(huge.message).toMatch(/文件太大/);
    const hugeXlsx = await failure(
      readFaqFile('xlsx', Buffer.concat([storedZip([]), Buffer.alloc(20 * 1024 * 1024)])),
    );
    expect(hugeXlsx.message).toMatch(/文件太大/);
  });
});

describe('an XLSX a user made in Excel', () => {
  it('reads numbers, booleans, rich text, hyperlinks, formulas, merged cells and the 变量 sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['这张表不是话术库']);
    const sheet = workbook.addWorksheet('话术库');
    sheet.addRow(['Answer', 'CATEGORY', 'triggers', 'id', 'enabled', 'Hotkey', '备注']);
    sheet.addRow([
      { richText: [{ text: '付款后' }, { text: '48小时', font: { bold: true } }, { text: '内发货' }] },
      '发货',
      '什么时候发|几天发',
      12,
      false,
      'alt+2',
      '备注随便写',
    ]);
    sheet.addRow([]);
    sheet.addRow([
      { formula: 'CONCATENATE("标准","码")', result: '标准码' },
      '尺码',
      { text: '几码', hyperlink: 'https://example.com/size' },
      null,
      true,
      null,
    ]);
    sheet.addRow([299, '优惠/价格', 'Price', null, 1, 'F4']);
    sheet.addRow(['颜色以实物为准', '库存颜色', '色差', null, '否']);
    sheet.addRow([null, null, '有现货吗']);
    sheet.mergeCells('A6:A7');
    sheet.mergeCells('B6:B7');
    const vars = workbook.addWorksheet('变量');
    vars.addRow(['变量名', '值']);
    vars.addRow(['发货时间', 48]);
    vars.addRow([{ richText: [{ text: '商品' }] }, '羊毛衫']);

    const parsed = await readFaqFile('xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(parsed).toEqual({
      entries: [
        {
          id: '12',
          category: 'shipping',
          triggers: ['什么时候发', '几天发'],
          answer: '付款后48小时内发货',
          hotkey: 'Alt+2',
          enabled: false,
        },
        { category: 'size', triggers: ['几码'], answer: '标准码', enabled: true },
        { category: 'price', triggers: ['Price'], answer: '299', hotkey: 'F4', enabled: true },
        { category: 'stock', triggers: ['色差'], answer: '颜色以实物为准', enabled: false },
        // Merged 回复/分类 cells apply to every row of the merge.
        { category: 'stock', triggers: ['有现货吗'], answer: '颜色以实物为准', enabled: true },
      ],
      variables: { 发货时间: '48', 商品: '羊毛衫' },
    });
  });

  it('takes the first sheet when none is named 话术库, and the base64 the API carries', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['分类', '触发词', '回复']);
    sheet.addRow(['其他', '在吗', '在的']);
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await readFaqFile('xlsx', base64)).toEqual({
      entries: [{ category: 'other', triggers: ['在吗'], answer: '在的', enabled: true }],
    });
  });

  it('reports a formula Excel never calculated instead of reading it as empty', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('话术库');
    sheet.addRow(['分类', '触发词', '回复']);
    sheet.addRow(['其他', '在吗', { formula: 'A1&B1' }]);
    const error = await failure(readFaqFile('xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    expect({ row: error.row, column: error.column }).toEqual({ row: 2, column: '回复' });
    expect(error.message).toMatch(/公式没有计算结果/);
  });
});

describe('files that are not what they claim', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const xls = Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex');

  it.each([
    ['a PNG renamed .xlsx', png, /这不是 XLSX 文件/],
    [
      'random bytes',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
      /这不是 XLSX 文件/,
    ],
    ['an old .xls', xls, /旧版 \.xls/],
    [
      'a zip that is not a workbook',
      storedZip([{ name: 'readme.txt', data: 'hello' }]),
      /压缩包，不是 Excel 工作簿/,
    ],
    ['a .xlsb', storedZip([{ name: 'xl/workbook.bin', data: 'x' }]), /不支持 \.xlsb/],
    [
      'a zip bomb',
      storedZip([{ name: 'xl/workbook.xml', data: '<x/>', claimedSize: 300 * 1024 * 1024 }]),
      /解压后太大/,
    ],
    [
      'a broken workbook',
      storedZip([
        { name: '[Content_Types].xml', data: 'not xml' },
        { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet' },
      ]),
      /无法读取工作簿/,
    ],
  ])('xlsx: %s', async (_name, bytes, text) => {
    const error = await failure(readFaqFile('xlsx', bytes));
    expect(error.row).toBeNull();
    expect(error.message).toMatch(text);
  });

  it('csv and json: binary data, a workbook, invalid JSON, wrong shape', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('话术库').addRow(['分类']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await failure(readFaqFile('csv', png))).message).toMatch(/这不是 CSV 文本文件/);
    expect((await failure(readFaqFile('csv', xlsx.toString('latin1')))).message).toMatch(/请选择 XLSX 格式/);
    expect((await failure(readFaqFile('json', '{"version": 1, "entries": ['))).message).toMatch(
      /不是有效的 JSON/,
    );
    expect((await failure(readFaqFile('json', '{"items": []}'))).message).toMatch(/"entries"/);
    expect((await failure(readFaqFile('json', '{"version": 2, "entries": []}'))).message).toMatch(
      /不支持的版本 2/,
    );
    const text = await failure(readFaqFile('csv', 'just some text\nwith lines'));
    expect({ row: text.row, column: text.column }).toEqual({ row: 1, column: '分类' });
  });
});
