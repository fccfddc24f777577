import type { Timings } from '../../shared/model/response';
import type { ExchangeMarks } from './exchange';

function span(from: number, to: number): number {
  return from > 0 && to >= from ? to - from : 0;
}

/** Phases of one exchange from its raw marks; phases that did not happen are 0. */
export function phasesOf(m: ExchangeMarks): Omit<Timings, 'total'> {
  const send = span(m.written, m.sent);
  const ttfb = span(m.sent, m.firstByte);
  const download = span(m.firstByte, m.end);
  return { dns: m.dns, connect: m.connect, tls: m.tls, send, ttfb, download };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Sums the phases of every exchange of one send (redirect hops, digest challenge) and adds the total. */
export function combineTimings(all: readonly ExchangeMarks[], total: number): Timings {
  const sum = { dns: 0, connect: 0, tls: 0, send: 0, ttfb: 0, download: 0 };
  for (const marks of all) {
    const p = phasesOf(marks);
    sum.dns += p.dns;
    sum.connect += p.connect;
    sum.tls += p.tls;
    sum.send += p.send;
    sum.ttfb += p.ttfb;
    sum.download += p.download;
  }
  return { dns: round(sum.dns), connect: round(sum.connect), tls: round(sum.tls), send: round(sum.send), ttfb: round(sum.ttfb), download: round(sum.download), total: round(total) };
}
