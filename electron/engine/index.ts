/** Public surface of the request engine. */
export { createEngine, ENGINE_DEFAULTS } from './engine';
export type { Engine, EngineOptions, SendOptions } from './types';
export { releaseBody } from './body-sink';
