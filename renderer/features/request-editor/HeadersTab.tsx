import { KeyValueTable } from '../../components/KeyValueTable';
import { COMMON_HEADERS } from './common-headers';
import { useDraftField, useDraftUpdater } from './use-draft';

/** The request headers table with common-name completion. */
export function HeadersTab({ tabId }: { readonly tabId: string }): React.JSX.Element {
  const headers = useDraftField(tabId, 'headers') ?? [];
  const update = useDraftUpdater(tabId);
  return (
    <>
      <datalist id="common-headers">
        {COMMON_HEADERS.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
      <KeyValueTable rows={headers} onChange={(rows) => update((d) => ({ ...d, headers: rows }))} namePlaceholder="Header" nameListId="common-headers" testId="headers-table" />
    </>
  );
}
