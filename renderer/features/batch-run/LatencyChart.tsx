import { useEffect, useRef } from 'react';
import type { RunStats } from '../../../shared/model/run';

type Timeline = RunStats['timeline'];

function cssColor(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

/** Draws requests per second as bars and p50/p95 latency as lines, one point per elapsed second. */
function draw(canvas: HTMLCanvasElement, timeline: Timeline): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = canvas.clientHeight || 140;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (timeline.length === 0) return;
  const pad = 4;
  // One style read per draw (the theme may change between draws).
  const style = getComputedStyle(canvas);
  const maxCount = Math.max(1, ...timeline.map((t) => t.count));
  const maxLatency = Math.max(1, ...timeline.map((t) => t.p95));
  // At least a 30 s window, so the first seconds are not drawn as one wall-to-wall bar.
  const step = (width - pad * 2) / Math.max(30, timeline.length);
  const y = (v: number, max: number): number => height - pad - (v / max) * (height - pad * 2);
  ctx.fillStyle = cssColor(style, '--chart-bar', 'rgba(120,140,170,0.35)');
  timeline.forEach((t, i) => {
    const top = y(t.count, maxCount);
    ctx.fillRect(pad + i * step, top, Math.max(1, step - 1), height - pad - top);
  });
  const line = (pick: (t: Timeline[number]) => number, color: string): void => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    timeline.forEach((t, i) => {
      const x = pad + i * step + step / 2;
      const v = y(pick(t), maxLatency);
      if (i === 0) ctx.moveTo(x, v);
      else ctx.lineTo(x, v);
    });
    ctx.stroke();
  };
  line((t) => t.p50, cssColor(style, '--chart-p50', '#3b82f6'));
  line((t) => t.p95, cssColor(style, '--chart-p95', '#f59e0b'));
}

/** The live latency chart: redrawn at most once per animation frame, whatever the event rate. */
export function LatencyChart({ timeline }: { timeline: Timeline }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const latest = useRef(timeline);
  const frame = useRef<number | undefined>(undefined);
  latest.current = timeline;

  useEffect(() => {
    if (frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      if (canvasRef.current !== null) draw(canvasRef.current, latest.current);
    });
  }, [timeline]);

  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const last = timeline[timeline.length - 1];
  const label = last === undefined ? 'No latency data yet' : `Latency over ${timeline.length} s: last second p50 ${Math.round(last.p50)} ms, p95 ${Math.round(last.p95)} ms, ${last.count} requests`;
  return (
    <figure className="batch-chart">
      <canvas ref={canvasRef} role="img" aria-label={label} className="batch-chart-canvas" />
      <figcaption className="batch-chart-legend">
        <span className="legend-p50">p50</span> <span className="legend-p95">p95</span> <span className="legend-bars">requests/s</span>
      </figcaption>
    </figure>
  );
}
