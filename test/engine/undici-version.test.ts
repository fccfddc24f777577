import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

function atLeast(version: string, min: readonly number[]): boolean {
  const parts = version.split('-')[0]?.split('.').map(Number) ?? [];
  for (let i = 0; i < min.length; i++) {
    const a = parts[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

describe('undici', () => {
  it('is installed at 7.30.2 or later (earlier 7.x releases carry known advisories)', async () => {
    const require = createRequire(import.meta.url);
    const pkgPath = require.resolve('undici/package.json');
    const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as { version: string };
    expect(atLeast(pkg.version, [7, 30, 2])).toBe(true);
    expect(atLeast('7.30.1', [7, 30, 2])).toBe(false);
    const declared = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(atLeast((declared.dependencies.undici ?? '0').replace(/^[^\d]*/, ''), [7, 30, 2])).toBe(true);
  });
});
