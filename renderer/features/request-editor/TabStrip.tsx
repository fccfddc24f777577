import { useShallow } from 'zustand/react/shallow';
import { selectTabLabel, selectTabOrder, useTabsStore } from '../../state/tabs-store';
import { closeTabAsking, newRequestTab } from './request-actions';

const TAB_DRAG_TYPE = 'application/x-salvo-tab';

function TabButton({ tabId, isActive }: { tabId: string; isActive: boolean }): React.JSX.Element {
  const [name, method, isDirty] = useTabsStore(useShallow(selectTabLabel(tabId)));
  const activate = useTabsStore((s) => s.activate);
  const moveTab = useTabsStore((s) => s.moveTab);
  return (
    <div
      className={isActive ? 'request-tab is-active' : 'request-tab'}
      data-testid="request-tab"
      data-dirty={isDirty}
      role="presentation"
      draggable
      onDragStart={(e) => e.dataTransfer.setData(TAB_DRAG_TYPE, tabId)}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(TAB_DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        const dragged = e.dataTransfer.getData(TAB_DRAG_TYPE);
        if (dragged === '' || dragged === tabId) return;
        e.preventDefault();
        // Dropping on a tab puts the dragged one in its place.
        moveTab(dragged, useTabsStore.getState().order.indexOf(tabId));
      }}
    >
      <button type="button" role="tab" aria-selected={isActive} className="request-tab-label" onClick={() => activate(tabId)} onAuxClick={(e) => e.button === 1 && void closeTabAsking(tabId)} title={name}>
        <span className={`method-tag method-${method.toLowerCase()}`}>{method}</span>
        <span className="request-tab-name">{name}</span>
        {isDirty && (
          <span className="dirty-dot" aria-label="unsaved changes" data-testid="tab-dirty">
            ●
          </span>
        )}
      </button>
      <button type="button" className="icon-button" aria-label={`Close ${name}`} onClick={() => void closeTabAsking(tabId)} data-testid="tab-close">
        ×
      </button>
    </div>
  );
}

/** The strip of open request tabs with a "+" for a new request. */
export function TabStrip(): React.JSX.Element {
  const order = useTabsStore(selectTabOrder);
  const activeId = useTabsStore((s) => s.activeId);
  return (
    <div className="tab-strip" role="tablist" aria-label="Open requests" data-testid="tab-strip">
      {order.map((id) => (
        <TabButton key={id} tabId={id} isActive={id === activeId} />
      ))}
      <button type="button" className="icon-button new-tab" aria-label="New request" title="New request (Ctrl+N)" onClick={() => newRequestTab()} data-testid="new-tab">
        +
      </button>
    </div>
  );
}
