import type { RunConfig } from '../../shared/model/run';
import { createEngine } from '../engine';
import type { EngineLease } from './run-session';

/** A fresh engine per run, so its connections-per-origin apply and its sockets close with it. */
export const perRunEngine: EngineLease = (config: RunConfig) => {
  const engine = createEngine({ connectionsPerOrigin: config.connectionsPerOrigin });
  return { engine, release: () => engine.close() };
};
