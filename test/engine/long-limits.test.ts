// Headers and body-idle limits of COARSE_FROM_MS or more are watched by the engine's shared sweep
// (electron/engine/deadlines.ts) instead of a timer per exchange: they must still fire, on time
// within the sweep's bound, and activity must restart them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { COARSE_FROM_MS, SWEEP_MS } from '../../electron/engine/deadlines';
import { startRawServer, startSilentServer } from '../servers/raw-server';
import type { RawServer } from '../servers/raw-server';
import { nextId, spec, text } from './helpers';

const LIMIT = COARSE_FROM_MS;
/** How late a swept limit may fire: noted at one sweep, seen expired at the next (plus a loaded machine's slack). */
const LATE = 2 * SWEEP_MS + 400;

describe('long headers and body-idle limits (swept)', () => {
  let engine: Engine;
  const servers: RawServer[] = [];

  beforeAll(() => {
    engine = createEngine();
  });
  afterEach(async () => {
    expect(engine.inFlight()).toBe(0);
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await engine.close();
  });

  it('times out missing response headers after the limit, not before and not much after', async () => {
    const s = await startSilentServer();
    servers.push(s);
    const r = await engine.send(spec(`${s.url}/`, {}, { headers: LIMIT, total: 0 }), { id: nextId() });
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.detail?.phase).toBe('headers');
    expect(r.timings.total).toBeGreaterThanOrEqual(LIMIT);
    expect(r.timings.total).toBeLessThan(LIMIT + LATE);
  });

  it('restarts the body-idle limit on every chunk, then times out once the body stalls', async () => {
    const chunks = 5;
    const every = 500;
    const s = await startRawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nab');
      let sent = 0;
      const t = setInterval(() => {
        socket.write('c');
        if (++sent === chunks) clearInterval(t);
      }, every);
      socket.once('close', () => clearInterval(t));
    });
    servers.push(s);
    const r = await engine.send(spec(`${s.url}/`, {}, { bodyIdle: LIMIT, total: 0 }), { id: nextId() });
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.detail?.phase).toBe('body');
    expect(r.incomplete).toBe(true);
    // The trickle lasted longer than the limit: only a restarted limit lets every chunk in.
    expect(text(r.body)).toBe(`ab${'c'.repeat(chunks)}`);
    const stalledAt = chunks * every;
    expect(r.timings.total).toBeGreaterThanOrEqual(stalledAt + LIMIT - 50);
    expect(r.timings.total).toBeLessThan(stalledAt + LIMIT + LATE);
  });
});
