/**
 * Turns a comment category into a line of text: picks a template that fits the product on
 * screen (no "有红色吗" for a face mask) and fills its placeholders. Templates are compiled
 * once per product so writing a comment costs a couple of random draws and one concatenation.
 */
import { COMMENT_CATEGORIES, TEMPLATE_SLOTS } from './corpus.js';
import type { CommentCategory, Corpus, SimProduct, TemplateSlot } from './corpus.js';
import type { Prng } from './prng.js';

/** A compiled template: literal text, or literal pieces alternating with slots. */
type Template = string | readonly (string | { slot: TemplateSlot })[];

const SLOT_PATTERN = /\{([a-z]+)\}/g;

function compile(text: string): Template {
  if (!text.includes('{')) return text;
  const parts: (string | { slot: TemplateSlot })[] = [];
  let last = 0;
  for (const match of text.matchAll(SLOT_PATTERN)) {
    const slot = match[1] as TemplateSlot;
    if (!TEMPLATE_SLOTS.includes(slot)) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ slot });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function fitsProduct(text: string, product: SimProduct): boolean {
  if (text.includes('{color}') && !product.colors) return false;
  if (text.includes('{size}') && !product.sizes) return false;
  return true;
}

export class CommentWriter {
  /** templates[category][productIndex]: the lines that make sense for that product. */
  private readonly templates: Record<CommentCategory, Template[][]>;
  private readonly fallback: Template[][];

  constructor(
    private readonly corpus: Corpus,
    private readonly prng: Prng,
  ) {
    const templates = {} as Record<CommentCategory, Template[][]>;
    for (const category of COMMENT_CATEGORIES) {
      templates[category] = corpus.products.map((product) =>
        corpus.comments[category].filter((text) => fitsProduct(text, product)).map(compile),
      );
    }
    this.templates = templates;
    // Chat lines are the natural filler when a category has nothing for this product.
    this.fallback = corpus.products.map((_, i) => {
      const chat = templates.chat[i] ?? [];
      if (chat.length > 0) return chat;
      const any = COMMENT_CATEGORIES.map((c) => templates[c][i] ?? []).find((list) => list.length > 0);
      if (!any) throw new Error(`sim corpus: no comment line fits product ${corpus.products[i]?.id}`);
      return any;
    });
  }

  /** Whether the category has a line for this product (otherwise write() falls back to chat). */
  hasLines(category: CommentCategory, productIndex: number): boolean {
    return (this.templates[category][productIndex]?.length ?? 0) > 0;
  }

  write(category: CommentCategory, productIndex: number, milestoneLabel: string): string {
    let list = this.templates[category][productIndex];
    if (!list || list.length === 0) list = this.fallback[productIndex] ?? [];
    const template = list[Math.floor(this.prng.next() * list.length)];
    if (template === undefined) return '主播好';
    if (typeof template === 'string') return template;
    const product = this.corpus.products[productIndex] as SimProduct;
    let text = '';
    for (const part of template)
      text += typeof part === 'string' ? part : this.fill(part.slot, product, milestoneLabel);
    return text;
  }

  private fill(slot: TemplateSlot, product: SimProduct, milestoneLabel: string): string {
    const prng = this.prng;
    switch (slot) {
      case 'product':
        return product.shortName;
      case 'link':
        // Mostly the item on screen; sometimes one seen earlier in the cart.
        return String(prng.chance(0.75) ? product.link : prng.pick(this.corpus.products).link);
      case 'color':
        return product.colors ? prng.pick(product.colors) : '黑色';
      case 'size':
        return product.sizes ? prng.pick(product.sizes) : 'M';
      case 'height':
        return String(prng.int(150, 185));
      case 'weight':
        // 斤, as viewers write it.
        return String(prng.int(85, 180));
      case 'city':
        return prng.pick(this.corpus.cities);
      case 'milestone':
        return milestoneLabel;
    }
  }
}
