// A tiny API for the example collection (examples/demo): `npm run demo-server`, then
// `SALVO_SECRET_LOCAL_PASSWORD=demo-password npx salvo run examples/demo --env local`.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const PASSWORD = 'demo-password';
const users = [
  { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: 2, name: 'Grace Hopper', email: 'grace@example.com' },
];
const tokens = new Set();

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readJson(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= 1_000_000) chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        resolve(undefined);
      }
    });
  });
}

function authorised(req) {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') && tokens.has(header.slice(7));
}

/** Routes of the demo API. */
async function route(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/health') return send(res, 200, { status: 'ok' });
  if (req.method === 'POST' && path === '/login') {
    const body = await readJson(req);
    if (body?.username !== 'demo' || body?.password !== PASSWORD) return send(res, 401, { error: 'bad credentials' });
    const token = randomUUID();
    tokens.add(token);
    return send(res, 200, { token });
  }
  if (path === '/users' || path.startsWith('/users/')) {
    if (!authorised(req)) return send(res, 401, { error: 'log in first' });
    if (req.method === 'GET' && path === '/users') return send(res, 200, { items: users, page: Number(url.searchParams.get('page') ?? 1) });
    if (req.method === 'POST' && path === '/users') {
      const body = await readJson(req);
      if (typeof body?.name !== 'string') return send(res, 400, { error: 'name is required' });
      const user = { id: users.length + 1, name: body.name, email: String(body.email ?? '') };
      return send(res, 201, user);
    }
    const user = users.find((u) => String(u.id) === path.slice('/users/'.length));
    if (req.method === 'GET' && user) return send(res, 200, user);
    return send(res, 404, { error: 'no such user' });
  }
  return send(res, 404, { error: 'not found' });
}

/** Starts the demo API; resolves with the server once it listens. */
export function startDemoServer(port = 4010, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    route(req, res).catch(() => send(res, 500, { error: 'internal' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4010);
  await startDemoServer(port);
  process.stdout.write(`demo API on http://127.0.0.1:${port} (password: ${PASSWORD})\n`);
}
