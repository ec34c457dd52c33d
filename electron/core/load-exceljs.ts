/**
 * exceljs on first use: loading it takes ~220 ms, which the app's start would otherwise pay for
 * the FAQ and checklist Excel files nobody has asked for yet (bench: startup).
 */
import type ExcelJS from 'exceljs';

export type ExcelJSModule = typeof ExcelJS;

let loading: Promise<ExcelJSModule> | null = null;

export function loadExcelJS(): Promise<ExcelJSModule> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
