import { lstat } from 'node:fs/promises';
import { sep } from 'node:path';
import { readTextIfExists, versionOf } from './file-io';

/** What we left at a path: a file with this content, nothing, or a folder placed (moved, copied, made) at a moment. */
type Left = { readonly kind: 'file'; readonly version: string } | { readonly kind: 'absent' } | { readonly kind: 'tree'; readonly at: number };

/** How long a record may explain a watcher event; a late echo after it is reported like an external change. */
const KEEP_MS = 30_000;

/**
 * The app's own changes to collection folders, so the watcher can tell the echo of our own write
 * from an edit made outside the app. An event is an echo only when the disk still holds exactly
 * what we left: the same content (hash, so an external write of other bytes right after our save is
 * reported, whatever its mtime), still nothing, or a folder we placed whose entries were not changed
 * since. Records are noted before the write, so no event can arrive ahead of its record.
 */
export class OwnChanges {
  private readonly left = new Map<string, { readonly what: Left; readonly until: number }>();

  private note(abs: string, what: Left): void {
    const now = Date.now();
    if (this.left.size > 256) for (const [k, v] of this.left) if (v.until < now) this.left.delete(k);
    // A folder placed or removed supersedes what we noted inside it earlier.
    if (what.kind !== 'file') for (const k of this.left.keys()) if (k.startsWith(abs + sep)) this.left.delete(k);
    this.left.set(abs, { what, until: now + KEEP_MS });
  }

  /** We are about to write `text` to `abs`. */
  async writing(abs: string, text: string | Uint8Array): Promise<void> {
    this.note(abs, { kind: 'file', version: await versionOf(text) });
  }

  /** We are about to rename a file whose content has `version` (a loaded request's version) from `from` to `to`. */
  renaming(from: string, to: string, version: string): void {
    this.note(from, { kind: 'absent' });
    this.note(to, { kind: 'file', version });
  }

  /** We removed `abs` (a file, or a folder with everything in it). */
  removed(abs: string): void {
    this.note(abs, { kind: 'absent' });
  }

  /** We placed a folder (created, moved or copied it) with everything in it; `at` after the operation finished. */
  placed(abs: string, at = Date.now()): void {
    this.note(abs, { kind: 'tree', at });
  }

  private recordFor(abs: string): { readonly what: Left; readonly exact: boolean } | undefined {
    const now = Date.now();
    const exact = this.left.get(abs);
    if (exact !== undefined && exact.until >= now) return { what: exact.what, exact: true };
    // Entries inside a folder we placed or removed are explained by that record.
    for (let at = abs.lastIndexOf(sep); at > 0; at = abs.lastIndexOf(sep, at - 1)) {
      const parent = this.left.get(abs.slice(0, at));
      if (parent !== undefined && parent.until >= now && parent.what.kind !== 'file') return { what: parent.what, exact: false };
    }
    return undefined;
  }

  /** Whether a watcher event at `abs` is only the echo of our own change. */
  async isEcho(abs: string): Promise<boolean> {
    const record = this.recordFor(abs);
    if (record === undefined) return false;
    const what = record.what;
    if (what.kind === 'file') {
      try {
        const text = await readTextIfExists(abs);
        return text !== undefined && (await versionOf(text)) === what.version;
      } catch {
        return false;
      }
    }
    let info;
    try {
      info = await lstat(abs);
    } catch {
      info = undefined;
    }
    if (what.kind === 'absent') return info === undefined;
    // A folder we placed: its own entry, or an entry in it that nobody changed after we placed it.
    if (info === undefined) return false;
    // ctime and Date.now() share the wall clock; 1 ms covers Date.now()'s rounding down.
    return record.exact ? info.isDirectory() : info.ctimeMs <= what.at + 1;
  }
}
