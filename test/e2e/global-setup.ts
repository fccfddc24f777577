import { ensureRendererBuilt } from './build-renderer';

/** Vitest globalSetup of the e2e project: one renderer build per test run, only when stale. */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt();
}
