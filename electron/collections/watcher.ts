import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { relative, sep } from 'node:path';
import { TEMP_PREFIX } from '../fs/atomic-write';

/** A debounced folder watcher: calls `onChange` with the collection-relative paths changed in a burst. */
export interface FolderWatcher {
  close(): Promise<void>;
}

const IGNORED_DIRS = new Set(['.git', 'node_modules']);

/** Watches `root` (our own temp files, .git and node_modules ignored), debouncing bursts by `debounceMs`. */
export function watchFolder(root: string, onChange: (paths: string[]) => void, debounceMs = 150): FolderWatcher {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    depth: 32,
    ignored: (path: string) => {
      const rel = relative(root, path);
      if (rel === '') return false;
      const parts = rel.split(sep);
      return parts.some((p) => IGNORED_DIRS.has(p) || p.startsWith(TEMP_PREFIX));
    },
  });
  const flush = (): void => {
    timer = undefined;
    const paths = [...pending].sort();
    pending = new Set();
    onChange(paths);
  };
  watcher.on('all', (_event, path: string) => {
    pending.add(relative(root, path).split(sep).join('/'));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  // Watch errors (a folder vanishing, too many files) must not crash the main process.
  watcher.on('error', () => undefined);
  return {
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
