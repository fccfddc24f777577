import { useRef } from 'react';
import { Splitter } from '../components/Splitter';
import { useSettingsStore } from '../state/settings-store';

/** Props: the three panes. */
export interface LayoutProps {
  readonly sidebar: React.ReactNode;
  readonly editor: React.ReactNode;
  readonly response: React.ReactNode;
}

/** Sidebar | editor | response, resizable with the two splitters (mouse or arrow keys); sizes persist in settings. */
export function Layout({ sidebar, editor, response }: LayoutProps): React.JSX.Element {
  const sidebarWidth = useSettingsStore((s) => s.sidebarWidth);
  const responseRatio = useSettingsStore((s) => s.responseRatio);
  const update = useSettingsStore((s) => s.update);
  const mainRef = useRef<HTMLDivElement>(null);
  const resizeSidebar = (delta: number): void => update({ sidebarWidth: Math.min(640, Math.max(180, useSettingsStore.getState().sidebarWidth + delta)) });
  const resizeResponse = (delta: number): void => {
    const width = mainRef.current?.getBoundingClientRect().width ?? 1000;
    const ratio = useSettingsStore.getState().responseRatio - delta / Math.max(width, 1);
    update({ responseRatio: Math.min(0.8, Math.max(0.2, ratio)) });
  };
  return (
    <div className="layout" data-testid="layout">
      <div className="layout-sidebar" style={{ width: sidebarWidth }}>
        {sidebar}
      </div>
      <Splitter onResize={resizeSidebar} label="Resize sidebar" testId="splitter-sidebar" />
      <div className="layout-main" ref={mainRef}>
        <div className="layout-editor" style={{ flexBasis: `${(1 - responseRatio) * 100}%` }}>
          {editor}
        </div>
        <Splitter onResize={resizeResponse} label="Resize response panel" testId="splitter-response" />
        <div className="layout-response" style={{ flexBasis: `${responseRatio * 100}%` }}>
          {response}
        </div>
      </div>
    </div>
  );
}
