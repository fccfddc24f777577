/** Public surface of the request engine. */
export { createEngine, ENGINE_DEFAULTS } from './engine';
export type { Engine, EngineOptions, SendOptions } from './types';
export { releaseBody } from './body-sink';
export { ResponseStore } from './response-store';
export type { ResponseStoreLimits } from './response-store';
export { toResponseView, sliceBody, readBodyRange, DEFAULT_PREVIEW_BYTES } from './response-view';
export { ChunkCoalescer } from './chunk-coalescer';
