import type { ConsentPolicy } from './consent-scope';
import type { FileConsentStore } from './file-consent-store';
import type { RefusedFiles } from './refused-files';

/** The window's policy: the user's persisted grants, refusals remembered so the app can offer them. */
export function appConsent(store: FileConsentStore, refused: RefusedFiles): ConsentPolicy {
  return {
    allows: (scope, absolute) => store.allows(scope, absolute),
    noteRefused: (scope, absolute) => refused.note(scope, absolute),
    howToAllow: 'Allow it under the error (your consent stays on this computer, not in the collection), or choose the file with the file picker.',
  };
}
