// The benchmark's keep-alive target, in its own process so it never shares the runner's event loop.
// A lean HTTP/1.1 responder on `net` rather than `http.createServer`: on a 2-core machine the
// target must cost far less than the client, or the throughput ratio measures the server. It
// answers GET / HEAD without a body only (all the bench sends); anything else gets a 400 and a close.
import net from 'node:net';

const small = Buffer.from(JSON.stringify({ id: 1, name: 'salvo', tags: ['a', 'b', 'c'], ok: true }));
const HEAD_END = Buffer.from('\r\n\r\n');

let dateLine = '';
function refreshDate(): void {
  dateLine = `date: ${new Date().toUTCString()}\r\n`;
}
refreshDate();
setInterval(refreshDate, 1000).unref();

function okResponse(): Buffer {
  const head = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${small.length}\r\n${dateLine}connection: keep-alive\r\nkeep-alive: timeout=30\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), small]);
}

const BAD = 'HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n';

/** A request head the responder can answer: GET or HEAD, no body. */
function parseHead(head: string): { path: string } | undefined {
  const lineEnd = head.indexOf('\r\n');
  const [method, path, version] = (lineEnd < 0 ? head : head.slice(0, lineEnd)).split(' ');
  if ((method !== 'GET' && method !== 'HEAD') || path === undefined || version?.startsWith('HTTP/1.') !== true) return undefined;
  // A body would desynchronise the stream; the bench never sends one.
  if (/\r\n(content-length:\s*[1-9]|transfer-encoding:)/i.test(head)) return undefined;
  return { path };
}

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  let pending: Buffer = Buffer.alloc(0);
  // Answers go out in request order: behind a slow one, later ones wait their turn.
  let chain = Promise.resolve();
  let slowAhead = 0;
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (let end = pending.indexOf(HEAD_END); end >= 0; end = pending.indexOf(HEAD_END)) {
      const request = parseHead(pending.toString('latin1', 0, end));
      pending = pending.subarray(end + HEAD_END.length);
      if (request === undefined) {
        socket.end(BAD);
        return;
      }
      if (request.path === '/__cpu') {
        // The bench asks what this process has used, to show whether the client or the target is the bottleneck.
        const cpu = Buffer.from(JSON.stringify(process.cpuUsage()));
        socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${cpu.length}\r\n\r\n${cpu.toString('latin1')}`);
      } else if (request.path.startsWith('/slow50')) {
        slowAhead++;
        chain = chain.then(() => new Promise((resolve) => setTimeout(resolve, 50))).then(() => {
          slowAhead--;
          socket.write(okResponse());
        });
      } else if (slowAhead === 0) socket.write(okResponse());
      else chain = chain.then(() => void socket.write(okResponse()));
    }
  });
  socket.on('error', () => socket.destroy());
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address !== null && typeof address !== 'string') process.stdout.write(`${address.port}\n`);
});
// The parent closes stdin when it is done; never outlive it.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
