import type { RunStats } from '../../../shared/model/run';
import { escapeXml as x } from './xml-escape';

const W = 800;
const H = 240;
const PAD = 40;

/** An inline SVG of the per-second timeline: throughput bars and p50 / p95 latency lines. */
export function latencyChartSvg(stats: RunStats): string {
  const points = stats.timeline;
  if (points.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" role="img" aria-label="no data"><text x="${PAD}" y="${H / 2}">no results</text></svg>`;
  const maxLatency = Math.max(1, ...points.map((p) => p.p95));
  const maxCount = Math.max(1, ...points.map((p) => p.count));
  const step = (W - 2 * PAD) / Math.max(1, points.length);
  const y = (ms: number): number => H - PAD - (ms / maxLatency) * (H - 2 * PAD);
  const bars = points
    .map((p, i) => {
      const h = (p.count / maxCount) * (H - 2 * PAD);
      return `<rect x="${(PAD + i * step).toFixed(1)}" y="${(H - PAD - h).toFixed(1)}" width="${Math.max(1, step - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="#cfe3f7"><title>${x(`second ${p.second}: ${p.count} done, ${p.failed} failed`)}</title></rect>`;
    })
    .join('');
  const line = (key: 'p50' | 'p95'): string => points.map((p, i) => `${(PAD + i * step + step / 2).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="latency per second">`,
    bars,
    `<polyline fill="none" stroke="#2b7a3d" stroke-width="2" points="${line('p50')}"/>`,
    `<polyline fill="none" stroke="#c0392b" stroke-width="2" points="${line('p95')}"/>`,
    `<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#555"/><line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${H - PAD}" stroke="#555"/>`,
    `<text x="${PAD}" y="${PAD - 8}" font-size="12">${x(`${maxLatency.toFixed(1)} ms`)}</text>`,
    `<text x="${W - PAD}" y="${H - PAD + 16}" font-size="12" text-anchor="end">${x(`${points.length} s`)}</text>`,
    `<text x="${PAD + 60}" y="${PAD - 8}" font-size="12" fill="#2b7a3d">p50</text><text x="${PAD + 100}" y="${PAD - 8}" font-size="12" fill="#c0392b">p95</text><text x="${PAD + 140}" y="${PAD - 8}" font-size="12" fill="#5a86b5">requests/s</text>`,
    `</svg>`,
  ].join('');
}
