/**
 * The shipped files the FAQ features read (resources/faq/default-library.json,
 * resources/compliance/ad-law-words.json), checked with their schema on load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

/**
 * Where resources/ is when the host does not say: next to the sources (dev, tests, the web
 * host), next to the electron-vite bundle (out/main), or under the working directory.
 */
export function defaultResourcesRoot(): string {
  const candidates = [
    fileURLToPath(new URL('../../../resources/', import.meta.url)),
    fileURLToPath(new URL('../../resources/', import.meta.url)),
    path.join(process.cwd(), 'resources'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'faq'))) ?? (candidates[0] as string);
}

/** Reads and checks one resource file; the error names the file and the bad field. */
export function readResource<T>(root: string, relativePath: string, schema: z.ZodType<T>): T {
  const file = path.join(root, relativePath);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
