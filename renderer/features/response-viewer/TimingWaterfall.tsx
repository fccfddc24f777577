import type { Timings } from '../../../shared/model/response';
import { formatMs } from '../../lib/format';

const PHASES: ReadonlyArray<{ key: Exclude<keyof Timings, 'total'>; label: string }> = [
  { key: 'dns', label: 'DNS lookup' },
  { key: 'connect', label: 'TCP connect' },
  { key: 'tls', label: 'TLS handshake' },
  { key: 'send', label: 'Request sent' },
  { key: 'ttfb', label: 'Waiting (TTFB)' },
  { key: 'download', label: 'Content download' },
];

/** Bars for each timing phase laid end to end, scaled to the total. */
export function TimingWaterfall({ timings, isReused }: { readonly timings: Timings; readonly isReused: boolean }): React.JSX.Element {
  const sum = PHASES.reduce((acc, p) => acc + timings[p.key], 0);
  const scale = Math.max(sum, timings.total, 0.001);
  let offset = 0;
  return (
    <div className="waterfall" data-testid="timing-waterfall">
      {isReused && <p className="muted">Connection reused: no DNS, connect or TLS time.</p>}
      <table>
        <tbody>
          {PHASES.map((p) => {
            const value = timings[p.key];
            const left = (offset / scale) * 100;
            offset += value;
            return (
              <tr key={p.key} data-testid={`timing-${p.key}`}>
                <th scope="row">{p.label}</th>
                <td className="waterfall-track">
                  <span className={`waterfall-bar phase-${p.key}`} style={{ left: `${left}%`, width: `${Math.max((value / scale) * 100, value > 0 ? 0.5 : 0)}%` }} />
                </td>
                <td className="num">{formatMs(value)}</td>
              </tr>
            );
          })}
          <tr className="total" data-testid="timing-total">
            <th scope="row">Total</th>
            <td />
            <td className="num">{formatMs(timings.total)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
