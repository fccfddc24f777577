import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../electron/main/permission-policy';
import { applyPermissionPolicy } from '../../electron/main/permissions';
import type { PermissionSession } from '../../electron/main/permissions';

describe('isPermissionAllowed', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'serial', 'usb', 'unknown'])('denies %s even to the app', (permission) => {
    expect(isPermissionAllowed(permission, 'salvo://app/index.html', true, 'salvo://app')).toBe(false);
  });
  it('allows sanitized clipboard writes only to the app main frame', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'salvo://app/index.html', true, 'salvo://app')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'salvo://app/index.html', false, 'salvo://app')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'about:srcdoc', true, 'salvo://app')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', true, 'salvo://app')).toBe(false);
  });
});

describe('applyPermissionPolicy', () => {
  it('installs both handlers and they deny by default', () => {
    type Req = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    type Check = Parameters<PermissionSession['setPermissionCheckHandler']>[0];
    let request: Req = null;
    let check: Check = null;
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
    };
    applyPermissionPolicy(session, 'salvo://app');
    expect(request).not.toBeNull();
    expect(check).not.toBeNull();
    const answers: boolean[] = [];
    const wc = {} as never;
    request!(wc, 'media', (granted) => answers.push(granted), { isMainFrame: true, requestingUrl: 'salvo://app/index.html' } as never);
    request!(wc, 'clipboard-sanitized-write', (granted) => answers.push(granted), { isMainFrame: true, requestingUrl: 'salvo://app/index.html' } as never);
    expect(answers).toEqual([false, true]);
    expect(check!(null, 'geolocation', 'salvo://app', { isMainFrame: true, requestingUrl: 'salvo://app/' })).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false);
  });
});
