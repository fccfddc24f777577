import type { SalvoApi } from '../../shared/ipc/contract';

/** The API the Electron preload exposes, if any. The only place the renderer looks at `window.salvo`. */
export function windowSalvoApi(): SalvoApi | undefined {
  return (window as unknown as { salvo?: SalvoApi }).salvo;
}
