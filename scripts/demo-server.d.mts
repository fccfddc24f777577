import type { Server } from 'node:http';
/** Starts the demo API for examples/demo; port 0 picks a free one. */
export function startDemoServer(port?: number, host?: string): Promise<Server>;
