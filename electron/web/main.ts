// `npm run web`: serves the built renderer and the bridge on 127.0.0.1 and prints the URL to open.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWebServer } from './start-web-server';

function defaultUserDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'salvo');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'salvo');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'salvo');
}

function defaultRendererDir(): string {
  // Bundled as out/cli/web.js next to out/renderer; under tsx fall back to the working folder.
  const besideBundle = fileURLToPath(new URL('../renderer', import.meta.url));
  return existsSync(join(besideBundle, 'index.html')) ? besideBundle : resolve('out/renderer');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'user-data-dir': { type: 'string' }, 'renderer-dir': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help === true) {
    process.stdout.write('usage: salvo-web [--port N] [--user-data-dir DIR] [--renderer-dir DIR]\nServes Salvo on http://127.0.0.1 only; open the printed URL (it carries a per-launch token).\n');
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const rendererDir = resolve(values['renderer-dir'] ?? defaultRendererDir());
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`no built renderer at ${rendererDir}: run \`npm run web\` (it builds first)`);
  const server = await startWebServer({ port, userDataDir: resolve(values['user-data-dir'] ?? defaultUserDataDir()), rendererDir });
  process.stdout.write(`Salvo is running in browser mode (127.0.0.1 only).\nOpen: ${server.url}\nThe token changes at every launch. Press Ctrl+C to stop.\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while closing: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`salvo web: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
