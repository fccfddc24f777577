// Engine overhead vs plain undici on the same machine and server: `node --import tsx test/engine/bench/engine-overhead.ts`.
// Bounded (fixed request counts), prints a ratio table, ends by itself.
import { spawn } from 'node:child_process';
import { Agent, request } from 'undici';
import { createEngine } from '../../../electron/engine';
import { newRequestSpec } from '../../../shared/model/request';

const SERVER = `
const http = require('node:http');
const zlib = require('node:zlib');
const json = Buffer.from(JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ i, name: 'item ' + i })) }));
const gz = zlib.gzipSync(json);
const s = http.createServer((req, res) => {
  if (req.url === '/gzip') { res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }); res.end(gz); return; }
  res.writeHead(200, { 'content-type': 'application/json' }); res.end(json);
});
s.keepAliveTimeout = 30000;
s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));
`;

async function startServer(): Promise<{ origin: string; stop(): void }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (c: Buffer) => resolve(c.toString().trim()));
    child.once('exit', () => reject(new Error('server exited')));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function pool(n: number, concurrency: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await one(next++);
    }),
  );
  return performance.now() - start;
}

async function main(): Promise<void> {
  const server = await startServer();
  const rows: Array<{ what: string; salvo: number; undici: number }> = [];
  try {
    for (const [path, label] of [['/json', 'plain JSON'], ['/gzip', 'gzip JSON']] as const) {
      for (const concurrency of [1, 16]) {
        const n = concurrency === 1 ? 1500 : 5000;
        const engine = createEngine({ connectionsPerOrigin: concurrency });
        const spec = newRequestSpec({ url: `${server.origin}${path}` });
        await pool(3000, concurrency, async (i) => void (await engine.send(spec, { id: `w${i}` })));
        const salvoMs = await pool(n, concurrency, async (i) => {
          const r = await engine.send(spec, { id: `b${i}` });
          if (r.error !== undefined || r.status !== 200) throw new Error(`failed: ${r.error?.message ?? r.status}`);
        });
        await engine.close();
        const agent = new Agent({ connections: concurrency, pipelining: 1 });
        const headers = { 'accept-encoding': 'gzip' };
        await pool(3000, concurrency, async () => void (await (await request(`${server.origin}${path}`, { dispatcher: agent, headers })).body.arrayBuffer()));
        const undiciMs = await pool(n, concurrency, async () => {
          const r = await request(`${server.origin}${path}`, { dispatcher: agent, headers });
          // Plain undici does not decode; decode here so both sides do the same work.
          const bytes = Buffer.from(await r.body.arrayBuffer());
          if (path === '/gzip') (await import('node:zlib')).gunzipSync(bytes);
        });
        await agent.close();
        rows.push({ what: `${label}, ${n} requests, concurrency ${concurrency}`, salvo: n / (salvoMs / 1000), undici: n / (undiciMs / 1000) });
      }
    }
  } finally {
    server.stop();
  }
  process.stdout.write('| case | salvo engine req/s | plain undici req/s | ratio |\n|---|---:|---:|---:|\n');
  for (const r of rows) process.stdout.write(`| ${r.what} | ${r.salvo.toFixed(0)} | ${r.undici.toFixed(0)} | ${(r.salvo / r.undici).toFixed(2)} |\n`);
}

await main();
