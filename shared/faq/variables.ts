/**
 * The {变量} the feed fills by itself: 商品 and 到手价 of the product being presented. Shared so the
 * renderer fills an answer exactly as the core does (listQuestions' suggestions).
 */
import type { CurrentProduct } from '../api/contract.js';

export const AUTO_VARIABLES = ['商品', '到手价'] as const;

/**
 * Cents → yuan as people write a price: 5990 → "59.9元", 5900 → "59元", 5999 → "59.99元". The
 * default answers read "直播间到手价{到手价}" and "到手只要{到手价}", so the unit belongs in the value.
 */
export function yuanText(cents: number): string {
  const yuan = (Math.round(cents) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${yuan}元`;
}

/** Values from the feed; empty without a product (the answer then shows {商品} as missing). */
export function autoVariables(product: CurrentProduct | null): Record<string, string> {
  if (!product) return {};
  const vars: Record<string, string> = {};
  const name = product.name.trim();
  if (name !== '') vars['商品'] = name;
  if (Number.isFinite(product.price) && product.price >= 0) vars['到手价'] = yuanText(product.price);
  return vars;
}

/** The values an answer is filled with: the feed's, overridden by each non-blank user value. */
export function mergeVariables(
  userValues: Readonly<Record<string, string>>,
  auto: Readonly<Record<string, string>>,
): Record<string, string> {
  const vars: Record<string, string> = { ...auto };
  for (const [name, value] of Object.entries(userValues)) {
    if (value.trim() !== '') vars[name] = value;
  }
  return vars;
}

const PLACEHOLDER = /\{([^{}\s]{1,20})\}/g;

/** {变量} names an answer uses, in order of first use. */
export function variablesOf(answer: string): string[] {
  const names: string[] = [];
  for (const match of answer.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** What a {变量} name may be: what fillAnswer can fill (no braces, no spaces, 1–20 characters). */
export function isVariableName(name: string): boolean {
  return /^[^{}\s]{1,20}$/.test(name);
}
