/**
 * Text of an imported CSV or JSON file. Chinese Windows Excel saves "CSV (逗号分隔)" in GBK; read
 * as UTF-8 its Chinese turns into U+FFFD, and importing that would store garbage for good. So a
 * file that is not valid UTF-8 (or UTF-16 with a BOM) is rejected with the way out.
 */
import { fileError } from './errors.js';
import { checkFileSize } from './limits.js';

export type TextFormat = 'CSV' | 'JSON';

const ZIP_MAGIC = 'PK\u0003\u0004';

function notUtf8(format: TextFormat): Error {
  return format === 'CSV'
    ? fileError(
        '文件不是 UTF-8 编码（可能是 GBK），中文会变成乱码：请另存为 UTF-8 CSV（Excel：另存为 →“CSV UTF-8（逗号分隔）”）',
        'the file is not UTF-8 (probably GBK): in Excel use Save As → "CSV UTF-8 (Comma delimited)" and import that',
      )
    : fileError(
        '文件不是 UTF-8 编码：请用 UTF-8 保存后再导入',
        'the file is not UTF-8: save it as UTF-8 and import again',
      );
}

function notText(format: TextFormat, text: string): Error {
  if (text.startsWith(ZIP_MAGIC)) {
    return fileError(
      `这不是 ${format} 文件，像是 Excel 工作簿：请选择 XLSX 格式导入`,
      `this is not a ${format} file but looks like an Excel workbook: import it as XLSX`,
    );
  }
  return fileError(`这不是 ${format} 文本文件`, `this is not a ${format} text file`);
}

function decode(bytes: Buffer, format: TextFormat): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // Binary files are usually invalid UTF-8 too: say "not a CSV" for them, not "save as UTF-8".
  if (bytes.subarray(0, 8192).includes(0)) throw notText(format, bytes.subarray(0, 4).toString('latin1'));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(format);
  }
}

/** data: the file as text (already decoded as UTF-8 by the caller) or as bytes. BOM removed. */
export function readTextFile(data: Buffer | string, format: TextFormat): string {
  checkFileSize(typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength);
  const text = typeof data === 'string' ? data : decode(data, format);
  if (text.includes('\u0000')) throw notText(format, text);
  if (text.includes('\uFFFD')) throw notUtf8(format);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
