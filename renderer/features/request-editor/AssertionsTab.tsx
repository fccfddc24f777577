import type { Assertion, Extraction } from '../../../shared/model/request';
import { ASSERTION_TYPES, defaultAssertion, defaultExtraction, parseExpected, showExpected } from './assertion-defaults';
import { useDraftField, useDraftUpdater } from './use-draft';

function Input({ label, value, onChange, type = 'text' }: { label: string; value: string | number; onChange: (v: string) => void; type?: string }): React.JSX.Element {
  return <input className="kv-input" aria-label={label} placeholder={label} type={type} value={value} onChange={(e) => onChange(e.target.value)} />;
}

const num = (v: string): number => {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
};

function AssertionFields({ a, set }: { a: Assertion; set: (a: Assertion) => void }): React.JSX.Element {
  switch (a.type) {
    case 'status-equals':
      return <Input label="Status" type="number" value={a.value} onChange={(v) => set({ ...a, value: Math.trunc(num(v)) })} />;
    case 'status-in-range':
      return (
        <>
          <Input label="Min" type="number" value={a.min} onChange={(v) => set({ ...a, min: Math.trunc(num(v)) })} />
          <Input label="Max" type="number" value={a.max} onChange={(v) => set({ ...a, max: Math.trunc(num(v)) })} />
        </>
      );
    case 'header-present':
      return <Input label="Header name" value={a.name} onChange={(name) => set({ ...a, name })} />;
    case 'header-equals':
      return (
        <>
          <Input label="Header name" value={a.name} onChange={(name) => set({ ...a, name })} />
          <Input label="Value" value={a.value} onChange={(value) => set({ ...a, value })} />
        </>
      );
    case 'header-matches':
      return (
        <>
          <Input label="Header name" value={a.name} onChange={(name) => set({ ...a, name })} />
          <Input label="Regex" value={a.pattern} onChange={(pattern) => set({ ...a, pattern })} />
        </>
      );
    case 'json-exists':
      return <Input label="JSONPath" value={a.path} onChange={(path) => set({ ...a, path })} />;
    case 'json-equals':
    case 'json-contains':
      return (
        <>
          <Input label="JSONPath" value={a.path} onChange={(path) => set({ ...a, path })} />
          <Input label="Expected (JSON or text)" value={showExpected(a.value)} onChange={(v) => set({ ...a, value: parseExpected(v) })} />
        </>
      );
    case 'json-matches':
      return (
        <>
          <Input label="JSONPath" value={a.path} onChange={(path) => set({ ...a, path })} />
          <Input label="Regex" value={a.pattern} onChange={(pattern) => set({ ...a, pattern })} />
        </>
      );
    case 'body-contains':
      return <Input label="Text" value={a.value} onChange={(value) => set({ ...a, value })} />;
    case 'response-time-below':
      return <Input label="Milliseconds" type="number" value={a.ms} onChange={(v) => set({ ...a, ms: num(v) })} />;
    case 'size-below':
      return <Input label="Bytes" type="number" value={a.bytes} onChange={(v) => set({ ...a, bytes: num(v) })} />;
  }
}

function ExtractionFields({ x, set }: { x: Extraction; set: (x: Extraction) => void }): React.JSX.Element | null {
  switch (x.from) {
    case 'json':
      return <Input label="JSONPath" value={x.path} onChange={(path) => set({ ...x, path })} />;
    case 'header':
      return <Input label="Header name" value={x.name} onChange={(name) => set({ ...x, name })} />;
    case 'regex':
      return (
        <>
          <Input label="Regex" value={x.pattern} onChange={(pattern) => set({ ...x, pattern })} />
          <Input label="Group" type="number" value={x.group} onChange={(v) => set({ ...x, group: Math.max(0, Math.trunc(num(v))) })} />
        </>
      );
    case 'status':
      return null;
  }
}

/** Assertions checked on every response, and extractions that fill runtime variables. */
export function AssertionsTab({ tabId }: { readonly tabId: string }): React.JSX.Element {
  const assertions = useDraftField(tabId, 'assertions') ?? [];
  const extractions = useDraftField(tabId, 'extractions') ?? [];
  const update = useDraftUpdater(tabId);
  const setA = (list: Assertion[]): void => update((d) => ({ ...d, assertions: list }));
  const setX = (list: Extraction[]): void => update((d) => ({ ...d, extractions: list }));
  return (
    <div className="assertions-tab">
      <h3>Assertions</h3>
      <ul className="rule-list" data-testid="assertions-list">
        {assertions.map((a, i) => (
          <li key={i} className="rule-row">
            <select aria-label={`Assertion ${i + 1} type`} value={a.type} onChange={(e) => setA(assertions.map((o, j) => (j === i ? defaultAssertion(e.target.value as Assertion['type']) : o)))}>
              {ASSERTION_TYPES.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
            <AssertionFields a={a} set={(next) => setA(assertions.map((o, j) => (j === i ? next : o)))} />
            <button type="button" className="icon-button" aria-label={`Remove assertion ${i + 1}`} onClick={() => setA(assertions.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setA([...assertions, defaultAssertion('status-equals')])} data-testid="assertion-add">
        Add assertion
      </button>
      <h3>Extractions</h3>
      <ul className="rule-list" data-testid="extractions-list">
        {extractions.map((x, i) => (
          <li key={i} className="rule-row">
            <Input label="Variable" value={x.variable} onChange={(variable) => setX(extractions.map((o, j) => (j === i ? { ...o, variable } : o)))} />
            <select aria-label={`Extraction ${i + 1} source`} value={x.from} onChange={(e) => setX(extractions.map((o, j) => (j === i ? defaultExtraction(e.target.value as Extraction['from'], o.variable) : o)))}>
              <option value="json">JSONPath</option>
              <option value="header">Header</option>
              <option value="regex">Regex on body</option>
              <option value="status">Status code</option>
            </select>
            <ExtractionFields x={x} set={(next) => setX(extractions.map((o, j) => (j === i ? next : o)))} />
            <button type="button" className="icon-button" aria-label={`Remove extraction ${i + 1}`} onClick={() => setX(extractions.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setX([...extractions, defaultExtraction('json', `var${extractions.length + 1}`)])} data-testid="extraction-add">
        Add extraction
      </button>
    </div>
  );
}
