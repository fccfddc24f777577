// The benchmark's keep-alive target, in its own process so it never shares the runner's event loop.
import http from 'node:http';

const small = JSON.stringify({ id: 1, name: 'salvo', tags: ['a', 'b', 'c'], ok: true });
const server = http.createServer((req, res) => {
  req.resume();
  const reply = (): void => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(small) });
    res.end(small);
  };
  if (req.url?.startsWith('/slow50')) setTimeout(reply, 50);
  else reply();
});
server.keepAliveTimeout = 30_000;
server.maxRequestsPerSocket = 0;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address !== null && typeof address !== 'string') process.stdout.write(`${address.port}\n`);
});
// The parent closes stdin when it is done; never outlive it.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
