import { useRef } from 'react';

/** One entry of a tab strip. */
export interface SubTab<T extends string> {
  readonly id: T;
  readonly label: string;
  /** Small count or marker shown after the label. */
  readonly badge?: string;
}

/** Props of the accessible tab strip (arrow keys move between tabs). */
export interface SubTabsProps<T extends string> {
  readonly tabs: readonly SubTab<T>[];
  readonly active: T;
  readonly onSelect: (id: T) => void;
  readonly label: string;
  readonly testId: string;
}

/** A WAI-ARIA tablist; the panel is rendered by the caller. */
export function SubTabs<T extends string>({ tabs, active, onSelect, label, testId }: SubTabsProps<T>): React.JSX.Element {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const at = tabs.findIndex((t) => t.id === active);
    const next = tabs[(at + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next === undefined) return;
    onSelect(next.id);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-tab-id="${next.id}"]`)?.focus();
  };
  return (
    <div className="sub-tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown} data-testid={testId}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={t.id === active}
          tabIndex={t.id === active ? 0 : -1}
          className={t.id === active ? 'sub-tab is-active' : 'sub-tab'}
          onClick={() => onSelect(t.id)}
          data-tab-id={t.id}
          data-testid={`${testId}-${t.id}`}
        >
          {t.label}
          {t.badge !== undefined && t.badge !== '' && <span className="badge">{t.badge}</span>}
        </button>
      ))}
    </div>
  );
}
