import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { decideNavigation, isAllowedFrameNavigation } from './url-policy';

/** A cancellable Electron event. */
interface Preventable {
  preventDefault(): void;
}

interface NavigationDetails extends Preventable {
  readonly url: string;
  readonly isMainFrame: boolean;
  readonly initiator?: { readonly url: string } | null;
}

/** The parts of a WebContents that navigation hardening touches. */
export interface NavigableContents {
  on(event: 'will-navigate', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-redirect', listener: (details: Preventable) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

/** Options for {@link hardenNavigation}. */
export interface NavigationOptions {
  readonly appOrigin: string;
  /** Opens a vetted http(s) URL in the system browser. */
  readonly openExternal: (url: string) => Promise<void>;
}

/**
 * No navigation, redirect, new window or webview, ever. Main-frame links clicked in the app
 * UI go to the system browser; subframes may only hold inert local documents.
 */
export function hardenNavigation(contents: NavigableContents, options: NavigationOptions): void {
  contents.on('will-navigate', (details) => {
    details.preventDefault();
    if (decideNavigation(details.url, details.initiator?.url, options.appOrigin) === 'open-external') {
      options.openExternal(details.url).catch(() => undefined);
    }
  });
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame && !isAllowedFrameNavigation(details.url, options.appOrigin)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => details.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // window.open and target=_blank are refused outright: their opener frame cannot be told apart
  // from a response preview here. The UI opens links through the validated shell:openExternal.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
