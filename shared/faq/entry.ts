/**
 * FAQ entries (《FAQ话术库》): what a viewer asks (trigger phrases) and what the assistant types
 * back (an answer with per-show variables such as {发货时间}). Validated with zod where a
 * library enters the app (file import, settings), plain types everywhere else.
 */
import { z } from 'zod';
import { HOTKEY_HINT, normaliseHotkey } from './hotkey.js';

/** Stable keys (stored, exported) for the seed's topics; labels are what the UI shows. */
export const FAQ_CATEGORIES = [
  'size',
  'shipping',
  'price',
  'stock',
  'aftersales',
  'gift',
  'quality',
  'usage',
  'other',
] as const;
export type FaqCategory = (typeof FAQ_CATEGORIES)[number];

export const FAQ_CATEGORY_LABELS: Readonly<Record<FaqCategory, string>> = {
  size: '尺码',
  shipping: '发货',
  price: '优惠价格',
  stock: '库存颜色',
  aftersales: '售后退换',
  gift: '赠品',
  quality: '质量',
  usage: '使用方法',
  other: '其他',
};

export const FaqEntrySchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_-]+$/, 'ids are lower-case ascii, digits, _ or -'),
  category: z.enum(FAQ_CATEGORIES),
  triggers: z.array(z.string().min(1).max(40)).min(1).max(200),
  answer: z.string().min(1).max(500),
  hotkey: z
    .string()
    .max(32)
    .transform((raw, ctx) => {
      const hotkey = normaliseHotkey(raw);
      if (hotkey === null) ctx.addIssue({ code: 'custom', message: `hotkey "${raw}": use ${HOTKEY_HINT}` });
      return hotkey ?? raw;
    })
    .optional(),
  enabled: z.boolean(),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

export const FaqLibrarySchema = z.object({
  version: z.literal(1),
  entries: z
    .array(FaqEntrySchema)
    .max(20_000)
    .refine((list) => new Set(list.map((e) => e.id)).size === list.length, {
      message: 'entry ids must be unique',
    })
    .refine(
      (list) => {
        const keys = list.flatMap((e) => (e.hotkey ? [e.hotkey] : []));
        return new Set(keys).size === keys.length;
      },
      { message: 'each hotkey may belong to one entry only' },
    ),
  /** Default values of the answers' {变量} for a new install; each show can set its own. */
  variables: z.record(z.string().min(1).max(20), z.string().max(200)).optional(),
});
export type FaqLibrary = z.infer<typeof FaqLibrarySchema>;

/** Validates an imported library (parsed JSON); throws a ZodError that names the bad field. */
export function parseFaqLibrary(json: unknown): FaqLibrary {
  return FaqLibrarySchema.parse(json);
}
