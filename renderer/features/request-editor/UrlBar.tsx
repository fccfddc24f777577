import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DYNAMIC_VARIABLES } from '../../../shared/lib/variables';
import { templateSegments } from '../../lib/template-segments';
import { applyUrlEdit, displayUrl } from '../../lib/url-params';
import { contextKey, selectVisible, useEnvironmentsStore } from '../../state/environments-store';
import { useTabsStore } from '../../state/tabs-store';
import { loadVisibleVariables } from '../environments/environment-actions';
import { importCurlInto, looksLikeCurl } from './request-actions';

/** What the URL bar knows about one referenced variable. */
export interface VariableHint {
  readonly name: string;
  readonly isResolved: boolean;
  /** Shown on hover; masked for secrets. */
  readonly title: string;
}

/** Resolves hover hints for the names used in a URL, from the visible variables and the request's own. */
export function variableHints(url: string, visible: ReadonlyArray<{ name: string; value: string; secret: boolean; scope: string }>, own: ReadonlyArray<{ name: string; value: string; enabled: boolean }>): VariableHint[] {
  const seen = new Set<string>();
  const out: VariableHint[] = [];
  for (const seg of templateSegments(url)) {
    const name = seg.variable;
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    const mine = own.filter((v) => v.enabled && v.name === name).at(-1);
    const found = visible.filter((v) => v.name === name).at(-1);
    if ((DYNAMIC_VARIABLES as readonly string[]).includes(name)) out.push({ name, isResolved: true, title: `${name}: generated per request` });
    else if (mine !== undefined) out.push({ name, isResolved: true, title: `${name} = ${mine.value} (request)` });
    else if (found !== undefined) out.push({ name, isResolved: true, title: `${name} = ${found.secret ? '••••••' : found.value} (${found.scope})` });
    else out.push({ name, isResolved: false, title: `${name} is not defined in any scope` });
  }
  return out;
}

/** Props: the tab whose URL is edited. */
export interface UrlBarProps {
  readonly tabId: string;
}

/** The URL input with `{{variable}}` highlighting, params sync and cURL paste import. */
export function UrlBar({ tabId }: UrlBarProps): React.JSX.Element {
  const [url, params, variables, collectionId, path] = useTabsStore(
    useShallow((s) => {
      const t = s.tabs[tabId];
      return [t?.draft.url ?? '', t?.draft.params, t?.draft.variables, t?.collectionId, t?.path] as const;
    }),
  );
  const updateDraft = useTabsStore((s) => s.updateDraft);
  const environment = useEnvironmentsStore((s) => (collectionId === undefined ? undefined : s.active[collectionId]));
  const key = contextKey(collectionId, path, environment);
  const visible = useEnvironmentsStore(selectVisible(key));
  const hasVisible = useEnvironmentsStore((s) => s.visible[key] !== undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!hasVisible) void loadVisibleVariables(collectionId, path, environment);
  }, [hasVisible, collectionId, path, environment]);

  const canonical = useMemo(() => displayUrl(url, params ?? []), [url, params]);
  // Keep the text as typed (a trailing `?` or `&`, `a=` vs `a`) while it means the same request.
  const [shown, setShown] = useState(canonical);
  const paramsRef = useRef(params);
  paramsRef.current = params;
  useEffect(() => {
    setShown((text) => {
      const parsed = applyUrlEdit(text, paramsRef.current ?? []);
      return displayUrl(parsed.url, parsed.params) === canonical ? text : canonical;
    });
  }, [canonical]);
  const hints = useMemo(() => variableHints(shown, visible, variables ?? []), [shown, visible, variables]);
  const byName = new Map(hints.map((h) => [h.name, h]));

  const syncScroll = (): void => {
    if (mirrorRef.current !== null && inputRef.current !== null) mirrorRef.current.scrollLeft = inputRef.current.scrollLeft;
  };
  const onPaste = (e: React.ClipboardEvent<HTMLInputElement>): void => {
    const text = e.clipboardData.getData('text/plain');
    if (!looksLikeCurl(text)) return;
    e.preventDefault();
    void importCurlInto(tabId, text);
  };
  return (
    <div className="url-bar">
      <div className="url-field">
        <div className="url-mirror" ref={mirrorRef} aria-hidden="true" data-testid="url-highlight">
          {templateSegments(shown).map((seg, i) =>
            seg.variable === undefined ? (
              <span key={i}>{seg.text}</span>
            ) : (
              <span key={i} className={byName.get(seg.variable)?.isResolved === true ? 'var var-resolved' : 'var var-unresolved'}>
                {seg.text}
              </span>
            ),
          )}
        </div>
        <input
          ref={inputRef}
          className="url-input"
          aria-label="Request URL"
          placeholder="https://api.example.com/users/{{id}} — or paste a cURL command"
          spellCheck={false}
          value={shown}
          onChange={(e) => {
            const typed = e.target.value;
            setShown(typed);
            updateDraft(tabId, (d) => ({ ...d, ...applyUrlEdit(typed, d.params) }));
            syncScroll();
          }}
          onScroll={syncScroll}
          onKeyUp={syncScroll}
          onPaste={onPaste}
          data-testid="url-input"
        />
      </div>
      {hints.length > 0 && (
        <div className="url-vars" data-testid="url-vars">
          {hints.map((h) => (
            <span key={h.name} className={h.isResolved ? 'var-chip var-resolved' : 'var-chip var-unresolved'} title={h.title} tabIndex={0} aria-label={h.title} data-testid={`url-var-${h.name}`}>
              {h.isResolved ? '' : '⚠ '}
              {h.name}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
