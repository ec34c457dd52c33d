/**
 * The simulator's data: viewer comment lines, nicknames, products and room titles, kept as
 * JSON in resources/sim so they can be edited without touching code. Checked on load, because
 * a typo in a template ({prodcut}) would otherwise show up as raw braces in the demo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const COMMENT_CATEGORIES = [
  'greeting',
  'chat',
  'praise',
  'size',
  'shipping',
  'coupon',
  'stock',
  'afterSales',
  'link',
  'price',
  'emoji',
  'luckyBag',
  'luckyBagResult',
  'flashSale',
  'complaint',
  'milestone',
  'faultStutter',
  'faultAudio',
] as const;
export type CommentCategory = (typeof COMMENT_CATEGORIES)[number];

/** Lines viewers post only while the stream is broken (卡了 / 没声音). */
export const FAULT_CATEGORIES = ['faultStutter', 'faultAudio'] as const satisfies readonly CommentCategory[];

/** Placeholders a template may use; the writer fills them from the show's current state. */
export const TEMPLATE_SLOTS = [
  'product',
  'link',
  'color',
  'size',
  'height',
  'weight',
  'city',
  'milestone',
] as const;
export type TemplateSlot = (typeof TEMPLATE_SLOTS)[number];

export const PRODUCT_ROLES = ['traffic', 'hit', 'profit'] as const;
/** 引流品 / 爆品 / 利润品 (seed 000's product rhythm). */
export type ProductRole = (typeof PRODUCT_ROLES)[number];

const line = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (text) =>
      [...text.matchAll(/\{([^}]*)\}/g)].every((m) =>
        (TEMPLATE_SLOTS as readonly string[]).includes(m[1] ?? ''),
      ),
    { message: `unknown placeholder (allowed: ${TEMPLATE_SLOTS.join(', ')})` },
  );

const categoriesShape = Object.fromEntries(
  COMMENT_CATEGORIES.map((c) => [c, z.array(line).min(1)]),
) as Record<CommentCategory, z.ZodArray<typeof line>>;

const CommentsFileSchema = z.object({
  categories: z.object(categoriesShape),
  luckyBagCodes: z.array(z.string().min(1).max(60)).min(1),
  cities: z.array(z.string().min(1).max(20)).min(1),
});

const ProductSchema = z.object({
  id: z.string().min(1).max(64),
  /** 几号链接 — the number viewers ask for. */
  link: z.number().int().positive(),
  name: z.string().min(1).max(200),
  /** What viewers call it in comments (卫衣, 面膜). */
  shortName: z.string().min(1).max(20),
  role: z.enum(PRODUCT_ROLES),
  /** cents */
  price: z.number().int().positive(),
  /** Stock for a room of `stockReferenceOnline` viewers; the model scales it to the room size. */
  stock: z.number().int().positive(),
  colors: z.array(z.string().min(1).max(20)).min(1).optional(),
  sizes: z.array(z.string().min(1).max(20)).min(1).optional(),
});
export type SimProduct = z.infer<typeof ProductSchema>;

const ProductsFileSchema = z.object({
  room: z.object({ title: z.string().min(1).max(200), platform: z.string().min(1).max(32) }),
  showTitle: z.string().min(1).max(200),
  stockReferenceOnline: z.number().int().positive(),
  products: z
    .array(ProductSchema)
    // Per-viewer purchase flags are a 32-bit mask.
    .min(1)
    .max(32)
    .refine((list) => PRODUCT_ROLES.every((role) => list.some((p) => p.role === role)), {
      message: 'needs at least one traffic, one hit and one profit product',
    })
    .refine((list) => new Set(list.map((p) => p.id)).size === list.length, {
      message: 'product ids must be unique',
    }),
});

const NicknamesFileSchema = z.array(z.string().min(1).max(40)).min(1);

export interface Corpus {
  comments: Readonly<Record<CommentCategory, readonly string[]>>;
  luckyBagCodes: readonly string[];
  cities: readonly string[];
  nicknames: readonly string[];
  products: readonly SimProduct[];
  room: { title: string; platform: string };
  showTitle: string;
  stockReferenceOnline: number;
}

/**
 * Where resources/sim is when nobody says: next to the sources (dev, tests, `npm run sim`),
 * next to the electron-vite bundle (out/main), in a packaged app's resources folder, or under
 * the working directory — the first that has comments.json.
 */
export function defaultResourcesDir(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    fileURLToPath(new URL('../../../resources/sim/', import.meta.url)),
    fileURLToPath(new URL('../../resources/sim/', import.meta.url)),
    ...(resourcesPath ? [path.join(resourcesPath, 'resources', 'sim')] : []),
    path.join(process.cwd(), 'resources', 'sim'),
  ];
  return (
    candidates.find((dir) => fs.existsSync(path.join(dir, 'comments.json'))) ?? (candidates[0] as string)
  );
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const fullPath = path.join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(fullPath, 'utf8'));
  } catch (err) {
    throw new Error(
      `sim corpus: cannot read ${fullPath}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`sim corpus: ${fullPath}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

let defaultCorpus: Corpus | null = null;

/**
 * Loads and checks comments.json, nicknames.json and products.json. Without a folder it reads
 * resources/sim next to the sources (cached); the Electron bundle passes its own folder.
 */
export function loadCorpus(resourcesDir?: string): Corpus {
  if (resourcesDir === undefined && defaultCorpus) return defaultCorpus;
  const dir = resourcesDir ?? defaultResourcesDir();
  const comments = readJson(dir, 'comments.json', CommentsFileSchema);
  const products = readJson(dir, 'products.json', ProductsFileSchema);
  const nicknames = readJson(dir, 'nicknames.json', NicknamesFileSchema);
  const corpus: Corpus = {
    comments: comments.categories,
    luckyBagCodes: comments.luckyBagCodes,
    cities: comments.cities,
    nicknames,
    products: products.products,
    room: products.room,
    showTitle: products.showTitle,
    stockReferenceOnline: products.stockReferenceOnline,
  };
  if (resourcesDir === undefined) defaultCorpus = corpus;
  return corpus;
}
