import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The security lint rules (eslint.config.js) run on small bad snippets through ESLint's own API
 * with the project's config, so deleting or weakening a rule fails here.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleHits(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const HTML_SNIPPET = `export const Note = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n`;
const IPC_MAIN_IMPORT = `import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n`;
const IPC_RENDERER_IMPORT = `import { ipcRenderer } from 'electron';\nvoid ipcRenderer.invoke('x');\n`;

describe('lint: dangerouslySetInnerHTML is banned', () => {
  it('in the renderer and in any other TSX file', async () => {
    for (const file of ['renderer/src/components/Bad.tsx', 'electron/web/Bad.tsx', 'scripts/Bad.tsx']) {
      const hits = await ruleHits(HTML_SNIPPET, file);
      expect(
        hits.some((h) => h.startsWith('no-restricted-syntax') && /dangerouslySetInnerHTML/.test(h)),
        file,
      ).toBe(true);
    }
  });

  it('also inside the typed IPC wrappers', async () => {
    const hits = await ruleHits(HTML_SNIPPET, 'electron/preload/Bad.tsx');
    expect(hits.some((h) => /dangerouslySetInnerHTML/.test(h))).toBe(true);
  });
});

describe('lint: raw ipcMain / ipcRenderer only in the typed wrappers', () => {
  it('refuses importing them anywhere else in the main process', async () => {
    for (const [code, file] of [
      [IPC_MAIN_IMPORT, 'electron/main/lifecycle.ts'],
      [IPC_MAIN_IMPORT, 'electron/main/new-feature.ts'],
      [IPC_RENDERER_IMPORT, 'electron/main/window.ts'],
      [IPC_MAIN_IMPORT, 'scripts/tool.ts'],
    ] as const) {
      const hits = await ruleHits(code, file);
      expect(
        hits.some((h) => h.startsWith('no-restricted-imports') && /typed wrappers/.test(h)),
        `${file}: ${hits.join(' | ')}`,
      ).toBe(true);
    }
  });

  it('refuses reaching them through a namespace or a property', async () => {
    const code = `import * as electron from 'electron';\nelectron.ipcMain.handle('x', () => 1);\n`;
    const hits = await ruleHits(code, 'electron/main/sneaky.ts');
    expect(hits.some((h) => h.startsWith('no-restricted-syntax') && /typed wrappers/.test(h))).toBe(true);
    const global = await ruleHits(
      `(window as unknown as { ipcRenderer: { send(c: string): void } }).ipcRenderer.send('x');\n`,
      'renderer/src/x.ts',
    );
    expect(global.some((h) => /typed wrappers/.test(h))).toBe(true);
  });

  it('refuses them in the renderer (electron is banned there altogether)', async () => {
    const hits = await ruleHits(IPC_RENDERER_IMPORT, 'renderer/src/api/sneaky.ts');
    expect(hits.some((h) => h.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('allows them in the preload and electron/main/ipc.ts', async () => {
    expect(await ruleHits(IPC_RENDERER_IMPORT, 'electron/preload/index.ts')).toEqual([]);
    expect(await ruleHits(IPC_MAIN_IMPORT, 'electron/main/ipc.ts')).toEqual([]);
  });

  it('passes the real main-process and preload code', async () => {
    const results = await eslint.lintFiles(['electron/main/**/*.ts', 'electron/preload/**/*.ts']);
    const hits = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
        .map((m) => `${path.relative(ROOT, r.filePath)}: ${m.message}`),
    );
    expect(hits).toEqual([]);
    expect(results.length).toBeGreaterThan(5);
  });
});
