import { KeyValueTable } from '../../components/KeyValueTable';
import { useDraftField, useDraftUpdater } from './use-draft';

/** The query params table; edits rewrite the URL bar's query (and typing in the URL rewrites this). */
export function ParamsTab({ tabId }: { readonly tabId: string }): React.JSX.Element {
  const params = useDraftField(tabId, 'params') ?? [];
  const update = useDraftUpdater(tabId);
  return <KeyValueTable rows={params} onChange={(rows) => update((d) => ({ ...d, params: rows }))} namePlaceholder="Parameter" testId="params-table" />;
}
