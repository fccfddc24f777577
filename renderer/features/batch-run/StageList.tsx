import type { RunForm } from './run-form';

type Stage = RunForm['stages'][number];

/** Ordered stages (e.g. serial login, concurrent fan-out, serial teardown): name, targets, concurrency each. */
export function StageList({ stages, fallbackTargets, onChange }: { stages: RunForm['stages']; fallbackTargets: readonly string[]; onChange: (stages: Stage[]) => void }) {
  const update = (i: number, patch: Partial<Stage>): void => onChange(stages.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const add = (): void => onChange([...stages, { name: `stage ${stages.length + 1}`, targets: stages.length === 0 ? fallbackTargets.join(', ') : '', concurrency: '1' }]);
  return (
    <fieldset className="run-dialog-wide run-stages">
      <legend>Stages (run in order)</legend>
      {stages.map((s, i) => (
        <div key={i} className="run-stage" role="group" aria-label={`Stage ${i + 1}`}>
          <input aria-label={`Stage ${i + 1} name`} value={s.name} onChange={(e) => update(i, { name: e.target.value })} />
          <input
            aria-label={`Stage ${i + 1} targets`}
            placeholder="paths, comma-separated (empty = whole collection)"
            value={s.targets}
            onChange={(e) => update(i, { targets: e.target.value })}
          />
          <input aria-label={`Stage ${s.name} concurrency`} inputMode="numeric" value={s.concurrency} onChange={(e) => update(i, { concurrency: e.target.value })} />
          <button type="button" aria-label={`Remove stage ${i + 1}`} onClick={() => onChange(stages.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={add}>
        Add stage
      </button>
    </fieldset>
  );
}
