import { consentKeys } from './consent-scope';
import type { ConsentScope } from './consent-scope';

const MAX_PER_SCOPE = 256;
const MAX_SCOPES = 64;

/**
 * Files refused for want of consent since the app started, per scope, newest kept (bounded): what
 * the Options tab and the batch panel offer to allow, and what an outside-collection grant may name.
 */
export class RefusedFiles {
  private readonly byKey = new Map<string, Set<string>>();

  note(scope: ConsentScope, absolute: string): void {
    const key = consentKeys(scope)[0] ?? '';
    let set = this.byKey.get(key);
    if (set === undefined) {
      if (this.byKey.size >= MAX_SCOPES) {
        const oldest = this.byKey.keys().next().value;
        if (oldest !== undefined) this.byKey.delete(oldest);
      }
      set = new Set();
      this.byKey.set(key, set);
    }
    set.delete(absolute);
    set.add(absolute);
    if (set.size > MAX_PER_SCOPE) {
      const oldest = set.values().next().value;
      if (oldest !== undefined) set.delete(oldest);
    }
  }

  has(scope: ConsentScope, absolute: string): boolean {
    return consentKeys(scope).some((key) => this.byKey.get(key)?.has(absolute) === true);
  }

  list(scope: ConsentScope): string[] {
    const out = new Set<string>();
    for (const key of consentKeys(scope)) for (const p of this.byKey.get(key) ?? []) out.add(p);
    return [...out].sort();
  }
}
