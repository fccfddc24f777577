import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/url-policy';
import { ELECTRONEGATIVITY_ALLOWLIST } from './electronegativity-allowlist';
import type { AllowedFinding } from './electronegativity-allowlist';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly sample: string;
  readonly severity: string;
  readonly confidence: string;
}

interface Report {
  readonly checks: number;
  readonly issues: readonly Finding[];
  readonly errors: readonly { file: string; message: string; tolerable: boolean }[];
}

let work: string;

function matches(allowed: AllowedFinding, finding: Finding): boolean {
  return allowed.id === finding.id && allowed.file === finding.file && (allowed.confidence === undefined || allowed.confidence === finding.confidence);
}

async function electronVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const version = pkg.devDependencies['electron'];
  if (!version) throw new Error('electron missing from devDependencies');
  return version.replace(/^[^\d]*/, '');
}

/** Scans a folder offline (see offline.cjs) and returns the parsed report. */
async function scan(input: string, name: string): Promise<Report> {
  const out = join(work, `${name}.json`);
  const script = join(import.meta.dirname, 'run-electronegativity.cjs');
  await run(process.execPath, ['--require', join(import.meta.dirname, 'offline.cjs'), script, input, await electronVersion(), out], {
    cwd: root,
    timeout: 60_000,
    env: { ...process.env, LANG: 'en-US', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
  });
  return JSON.parse(await readFile(out, 'utf8')) as Report;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'salvo-eneg-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('Electronegativity', { timeout: 120_000 }, () => {
  it('finds nothing outside the allowlist in electron/ and renderer/', async () => {
    const input = join(work, 'app');
    await mkdir(input, { recursive: true });
    await cp(join(root, 'electron'), join(input, 'electron'), { recursive: true });
    await cp(join(root, 'renderer'), join(input, 'renderer'), { recursive: true });
    // The bundle CSP travels as a protocol.handle response header, which the scanner cannot
    // see; this page carries the same policy so its CSP evaluator checks it.
    await writeFile(join(input, 'csp-header.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    const report = await scan(input, 'app');

    expect(report.checks).toBeGreaterThan(30);
    expect(report.errors.filter((e) => !e.tolerable), 'files the scanner could not parse are not checked').toEqual([]);
    const unexpected = report.issues.filter((i) => !ELECTRONEGATIVITY_ALLOWLIST.some((a) => matches(a, i)));
    expect(unexpected.map((i) => `${i.id} ${i.file}:${i.line} [${i.severity}/${i.confidence}] ${i.sample}`)).toEqual([]);
    // A stale allowlist entry hides nothing but misleads reviewers: every entry must still match.
    const stale = ELECTRONEGATIVITY_ALLOWLIST.filter((a) => !report.issues.some((i) => matches(a, i)));
    expect(stale).toEqual([]);
  });

  it('does report a badly configured window (the gate can fail)', async () => {
    const input = join(work, 'bad');
    await mkdir(input, { recursive: true });
    await writeFile(
      join(input, 'main.ts'),
      "import { BrowserWindow, shell } from 'electron';\nconst w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\nw.webContents.on('new-window', (e, url) => shell.openExternal(url));\n",
    );
    const ids = new Set((await scan(input, 'bad')).issues.map((i) => i.id));
    const expected = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK'];
    for (const id of expected) {
      expect(ids, id).toContain(id);
    }
  });
});
