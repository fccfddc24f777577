import { isAllowedSender } from './url-policy';

/** Permissions the app UI itself may use; everything else (camera, geolocation, notifications, ...) is denied. */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Deny by default: only sanitized clipboard writes (copy as cURL, copy body), and only when asked
 * by the app's own main frame, never by a response preview iframe.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, isMainFrame: boolean, appOrigin: string): boolean {
  return APP_PERMISSIONS.has(permission) && isMainFrame && isAllowedSender(requestingUrl, appOrigin);
}
