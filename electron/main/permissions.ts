import type { Session } from 'electron';
import { isPermissionAllowed } from './permission-policy';

/** The parts of an Electron Session the permission policy sets. */
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** Installs deny-by-default request and check handlers on a session. */
export function applyPermissionPolicy(session: PermissionSession, appOrigin: string): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, details.isMainFrame, appOrigin));
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => {
    return isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame, appOrigin);
  });
}
