import { KeyValueTable } from '../../components/KeyValueTable';
import { useDraftField, useDraftUpdater } from './use-draft';

/** Request-scope variables (narrower than folder and environment). */
export function VariablesTab({ tabId }: { readonly tabId: string }): React.JSX.Element {
  const variables = useDraftField(tabId, 'variables') ?? [];
  const update = useDraftUpdater(tabId);
  return <KeyValueTable rows={variables} onChange={(rows) => update((d) => ({ ...d, variables: rows }))} namePlaceholder="Variable" testId="variables-table" />;
}
