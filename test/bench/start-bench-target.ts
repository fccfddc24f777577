import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts the benchmark's keep-alive target (bench-server.ts) in its own process; `stop()` ends it. */
export async function startBenchTarget(): Promise<{ origin: string; stop(): void }> {
  const script = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (c: Buffer) => {
      text += c.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    child.once('exit', () => reject(new Error('bench server exited')));
    setTimeout(() => reject(new Error('bench server did not start')), 15_000).unref();
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.stdin.end() };
}
