import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { RunConfig } from '../../../shared/model/run';
import { useRunsStore } from '../../state/runs-store';
import type { RunDialogState } from '../../state/runs-store';
import './batch-run.css';
import { formFrom, formToConfig } from './run-form';
import { StageList } from './StageList';
import type { RunForm } from './run-form';
import { useSalvoApi } from './use-api';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <span>{label}</span>
      {children}
    </>
  );
}

function useCollectionChoices(collectionId: string): { environments: readonly string[]; saved: readonly RunConfig[]; reloadSaved(): void } {
  const api = useSalvoApi();
  const [environments, setEnvironments] = useState<readonly string[]>([]);
  const [saved, setSaved] = useState<readonly RunConfig[]>([]);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (api === undefined) return;
    let live = true;
    void api.invoke['env:list']({ collectionId }).then((r) => live && r.ok && setEnvironments(r.value));
    void api.invoke['runConfig:list']({ collectionId }).then((r) => live && r.ok && setSaved(r.value));
    return () => {
      live = false;
    };
  }, [api, collectionId, generation]);
  return { environments, saved, reloadSaved: () => setGeneration((g) => g + 1) };
}

function RunDialogForm({ dialog }: { dialog: RunDialogState }) {
  const api = useSalvoApi();
  const close = useRunsStore((s) => s.closeRunDialog);
  const runStarted = useRunsStore((s) => s.runStarted);
  const { environments, saved, reloadSaved } = useCollectionChoices(dialog.collectionId);
  const [base, setBase] = useState<RunConfig | undefined>(undefined);
  const [form, setForm] = useState<RunForm>(() => formFrom(dialog.targets));
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<RunForm>): void => setForm((f) => ({ ...f, ...p }));
  const text = (key: keyof RunForm, label: string, extra: Record<string, string> = {}) => (
    <Field label={label}>
      <input aria-label={label} value={form[key] as string} onChange={(e) => patch({ [key]: e.target.value })} {...extra} />
    </Field>
  );

  const build = (): RunConfig | undefined => {
    try {
      setError(undefined);
      return formToConfig(form, dialog.targets, base);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return undefined;
    }
  };

  const start = async (): Promise<void> => {
    const config = build();
    if (config === undefined || api === undefined) return;
    setBusy(true);
    const result = await api.invoke['run:start']({ collectionId: dialog.collectionId, config });
    setBusy(false);
    if (!result.ok) return setError(`${result.error.kind}: ${result.error.message}`);
    runStarted(result.value.runId, dialog.collectionId, result.value.planned, config);
    close();
  };

  const save = async (): Promise<void> => {
    const config = build();
    if (config === undefined || api === undefined) return;
    const result = await api.invoke['runConfig:save']({ collectionId: dialog.collectionId, config });
    if (!result.ok) return setError(`${result.error.kind}: ${result.error.message}`);
    setNotice(`Saved run configuration “${config.name}”`);
    reloadSaved();
  };

  const browse = async (): Promise<void> => {
    if (api === undefined) return;
    const chosen = await api.invoke['dialog:openFile']({ title: 'Data file (CSV or JSON)', extensions: ['csv', 'json'] });
    if (!chosen.ok) return setError(chosen.error.message);
    if (chosen.value.unsupported === true) return setNotice('No file dialog in browser mode: type the data file path.');
    if (!chosen.value.canceled && chosen.value.path !== undefined) patch({ dataFile: chosen.value.path });
  };

  const load = (name: string): void => {
    const config = saved.find((c) => c.name === name);
    setBase(config);
    setForm(formFrom(dialog.targets, config));
  };

  return (
    <div role="dialog" aria-modal="true" aria-label="Run batch" className="run-dialog" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <h2>Run {dialog.targets.length === 0 ? 'collection' : dialog.targets.join(', ')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        {saved.length > 0 && (
          <Field label="Saved configuration">
            <select aria-label="Saved configuration" value={base?.name ?? ''} onChange={(e) => load(e.target.value)}>
              <option value="">(new)</option>
              {saved.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {text('name', 'Name')}
        {form.stages.length === 0 && text('concurrency', 'Concurrency', { inputMode: 'numeric' })}
        {text('iterations', 'Iterations', { inputMode: 'numeric' })}
        <Field label="Data file">
          <span>
            <input aria-label="Data file" value={form.dataFile} placeholder="CSV or JSON array" onChange={(e) => patch({ dataFile: e.target.value })} />{' '}
            <button type="button" onClick={() => void browse()}>
              Browse…
            </button>
          </span>
        </Field>
        {text('delayMs', 'Delay (ms)', { inputMode: 'numeric' })}
        {text('rateLimit', 'Rate (req/s, 0 = unlimited)', { inputMode: 'decimal' })}
        {text('timeoutMs', 'Timeout (ms)', { inputMode: 'numeric', placeholder: 'request default' })}
        <Field label="Environment">
          <select aria-label="Environment" value={form.environment} onChange={(e) => patch({ environment: e.target.value })}>
            <option value="">(active)</option>
            {environments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Cookies">
          <select aria-label="Cookies" value={form.cookies} onChange={(e) => patch({ cookies: e.target.value as RunForm['cookies'] })} data-testid="run-cookies">
            <option value="isolated">A fresh jar for this run</option>
            <option value="collection">The collection&apos;s jar (read and update)</option>
            <option value="off">No cookies</option>
          </select>
        </Field>
        <StageList stages={form.stages} fallbackTargets={dialog.targets} onChange={(stages) => patch({ stages })} />
        <label className="run-dialog-wide">
          <input type="checkbox" checked={form.stopOnFailure} onChange={(e) => patch({ stopOnFailure: e.target.checked })} /> Stop on first failure
        </label>
        {error !== undefined && (
          <p role="alert" className="run-dialog-wide batch-error">
            {error}
          </p>
        )}
        {notice !== undefined && (
          <p role="status" className="run-dialog-wide">
            {notice}
          </p>
        )}
        <div className="run-dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" onClick={() => void save()}>
            Save configuration
          </button>
          <button type="submit" disabled={busy || api === undefined}>
            Start run
          </button>
        </div>
      </form>
    </div>
  );
}

/** The run dialog (concurrency, iterations, data file, pacing, environment, saved configs) → `run:start`. */
export function RunDialog() {
  const dialog = useRunsStore((s) => s.dialog);
  if (dialog === undefined) return null;
  return (
    <div className="run-dialog-backdrop">
      <RunDialogForm key={`${dialog.collectionId}:${dialog.targets.join('|')}`} dialog={dialog} />
    </div>
  );
}
