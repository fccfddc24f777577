import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// Virtual files: linted from memory through the TypeScript project service, never written to disk.
const PROBES = ['renderer/lint-probe/*.tsx', 'shared/lint-probe/*.ts', 'electron/engine/lint-probe/*.ts', 'electron/main/lint-probe/*.ts', 'electron/preload/lint-probe/*.ts'];

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parserOptions: { project: null, projectService: { allowDefaultProject: PROBES, defaultProject: 'tsconfig.base.json' }, tsconfigRootDir: root } } }],
  });
  // The TypeScript project service starts once, here, rather than inside the first probe's timeout.
  await eslint.lintText('export const warm = 1;\n', { filePath: join(root, 'renderer/lint-probe/warm.tsx') });
}, 180_000);

/** Lints code as if it lived at `filePath` under the real eslint.config.js; returns the rule ids that fired. */
async function rulesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`probe did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.map((m) => m.ruleId ?? 'unknown');
}

describe('security lint rules fire on bad code', { timeout: 90_000 }, () => {
  it.each([
    ['@typescript-eslint/no-floating-promises', 'async function f(): Promise<void> {}\nexport function g(): void { f(); }\n'],
    ['no-unsanitized/property', 'export function g(el: HTMLElement, html: string): void { el.innerHTML = html; }\n'],
    ['no-unsanitized/method', "export function g(el: HTMLElement, html: string): void { el.insertAdjacentHTML('beforeend', html); }\n"],
    ['no-eval', 'export function g(code: string): unknown { return eval(code); }\n'],
    ['no-implied-eval', "export function g(code: string): void { setTimeout('run(' + code + ')', 1); }\n"],
    ['no-new-func', "export function g(code: string): unknown { return new Function('x', code); }\n"],
    ['react/no-danger', 'export function H({ html }: { html: string }) { return <div dangerouslySetInnerHTML={{ __html: html }} />; }\n'],
    ['react/iframe-missing-sandbox', 'export function P({ src }: { src: string }) { return <iframe srcDoc={src} />; }\n'],
    ['no-restricted-imports', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n"],
    ['no-restricted-imports', "import { shell } from 'electron';\nexport const s = shell;\n"],
    ['no-restricted-syntax', "declare const w: { electron: { ipcRenderer: unknown } };\nexport const r = w.electron.ipcRenderer;\n"],
  ])('renderer: %s', async (rule, code) => {
    expect(await rulesFor('renderer/lint-probe/probe.tsx', code)).toContain(rule);
  });

  it('shared/ may not import Node, electron or react', async () => {
    for (const mod of ['node:path', 'crypto', 'http', 'fs/promises', 'electron', 'react']) {
      expect(await rulesFor('shared/lint-probe/probe.ts', `import * as m from '${mod}';\nexport const x = m;\n`), mod).toContain('no-restricted-imports');
    }
  });

  it('a shared module named like a builtin (./http) is not mistaken for Node', async () => {
    expect(await rulesFor('shared/lint-probe/probe.ts', "import type { HttpEvents } from '../ipc/http';\nexport type X = HttpEvents;\n")).toEqual([]);
  });

  it('electron/engine may not import electron', async () => {
    expect(await rulesFor('electron/engine/lint-probe/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
  });

  it('ipcMain only in electron/main/ipc.ts', async () => {
    const importIt = "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n";
    expect(await rulesFor('electron/main/lint-probe/probe.ts', importIt)).toContain('no-restricted-imports');
    expect(await rulesFor('electron/main/lint-probe/probe.ts', "import * as electron from 'electron';\nexport const i = electron.ipcMain;\n")).toContain('no-restricted-syntax');
    expect(await rulesFor('electron/main/ipc.ts', importIt)).not.toContain('no-restricted-imports');
    expect(await rulesFor('electron/main/ipc.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toContain('no-restricted-imports');
  });

  it('the preload may use only the channel allowlist at run time', async () => {
    const file = 'electron/preload/lint-probe/probe.ts';
    expect(await rulesFor(file, "import { z } from 'zod';\nexport const s = z.string();\n")).toContain('no-restricted-imports');
    expect(await rulesFor(file, "import { invokes } from '../../../shared/ipc/contract';\nexport const i = invokes;\n")).toContain('no-restricted-imports');
    expect(await rulesFor(file, "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toContain('no-restricted-imports');
    const allowed = "import { ipcRenderer } from 'electron';\nimport { INVOKE_CHANNELS } from '../../../shared/ipc/channels';\nimport type { SalvoApi } from '../../../shared/ipc/contract';\nexport const x: [unknown, unknown, SalvoApi | undefined] = [ipcRenderer, INVOKE_CHANNELS, undefined];\n";
    expect(await rulesFor(file, allowed)).toEqual([]);
  });

  it('reports nothing for harmless code (so the probes above are meaningful)', async () => {
    expect(await rulesFor('renderer/lint-probe/probe.tsx', "export function H({ text }: { text: string }) { return <p>{text}</p>; }\n")).toEqual([]);
  });
});
