import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const configPath = join(root, 'build', 'electron-builder.yml');

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  asar?: boolean;
  icon?: string;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
}

async function loadConfig(): Promise<BuilderConfig> {
  return parse(await readFile(configPath, 'utf8')) as BuilderConfig;
}

describe('build/electron-builder.yml', { timeout: 60_000 }, () => {
  it('sets every security fuse', async () => {
    const { electronFuses } = await loadConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('ships only the built app and package.json, inside asar', async () => {
    const config = await loadConfig();
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
  });

  it('targets AppImage + deb, dmg and nsis', async () => {
    const config = await loadConfig();
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Salvo');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('points at a square PNG icon of at least 512 px', async () => {
    const { icon } = await loadConfig();
    expect(icon).toBe('build/icon.png');
    const png = await readFile(join(root, icon ?? ''));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it("passes electron-builder's own configuration schema", async () => {
    // The same loader and validator `electron-builder --config` runs, so a typo in a key fails here.
    const require = createRequire(import.meta.url);
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string, options: null): Promise<object>;
      validateConfiguration(config: object, logger: object): Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => object };
    const config = await getConfig(root, configPath, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('is what npm run dist uses', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; main: string };
    expect(pkg.scripts['dist']).toContain('electron-builder --config build/electron-builder.yml');
    expect(pkg.main.startsWith('out/')).toBe(true);
  });
});
