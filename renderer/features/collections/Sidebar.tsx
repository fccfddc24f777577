import { useState } from 'react';
import { SubTabs } from '../../components/SubTabs';
import { selectCollectionOrder, useCollectionsStore } from '../../state/collections-store';
import { EnvironmentSelector } from '../environments/EnvironmentSelector';
import { HistoryList } from '../history/HistoryList';
import { CertificatesDialog } from './CertificatesDialog';
import { CollectionTree } from './CollectionTree';
import { OpenCollection } from './OpenCollection';

type Section = 'collections' | 'history';

/** The sidebar: collections (open/create, search, tree, environment) and history. */
export function Sidebar(): React.JSX.Element {
  const [section, setSection] = useState<Section>('collections');
  const order = useCollectionsStore(selectCollectionOrder);
  const activeId = useCollectionsStore((s) => s.activeId);
  const setActive = useCollectionsStore((s) => s.setActive);
  const filter = useCollectionsStore((s) => s.filter);
  const setFilter = useCollectionsStore((s) => s.setFilter);
  return (
    <nav className="sidebar" aria-label="Collections and history" data-testid="sidebar">
      <SubTabs
        tabs={[
          { id: 'collections', label: 'Collections' },
          { id: 'history', label: 'History' },
        ]}
        active={section}
        onSelect={setSection}
        label="Sidebar sections"
        testId="sidebar-section"
      />
      {section === 'collections' ? (
        <div className="sidebar-body">
          <OpenCollection />
          {order.length > 1 && (
            <label className="field inline">
              <span>Active</span>
              <select value={activeId ?? ''} onChange={(e) => setActive(e.target.value)} data-testid="collection-select">
                {order.map((id) => (
                  <option key={id} value={id}>
                    {useCollectionsStore.getState().trees[id]?.name ?? id}
                  </option>
                ))}
              </select>
            </label>
          )}
          <EnvironmentSelector />
          {order.length > 0 && <input className="search" type="search" aria-label="Filter requests" placeholder="Filter requests" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="tree-filter" />}
          {order.map((id) => (
            <CollectionTree key={id} collectionId={id} />
          ))}
          {order.length === 0 && <p className="muted">Open a collection folder to see its requests.</p>}
          <CertificatesDialog />
        </div>
      ) : (
        <div className="sidebar-body">
          <HistoryList />
        </div>
      )}
    </nav>
  );
}
