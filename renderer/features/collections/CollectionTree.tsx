import { useCallback, useMemo, useState } from 'react';
import type { TreeNode } from '../../../shared/model/collection';
import type { MenuItem } from '../../components/ContextMenu';
import { ContextMenu } from '../../components/ContextMenu';
import { filterTree, selectTree, useCollectionsStore } from '../../state/collections-store';
import { useRunsStore } from '../../state/runs-store';
import { closeCollection, deleteItem, duplicateItem, moveItem, newFolderIn, newRequestIn, openRequest, renameItem, reorderFolder } from './collection-actions';
import type { DropPosition } from './tree-dnd';
import { planDrop } from './tree-dnd';
import type { TreeCallbacks } from './TreeItem';
import { TreeItem } from './TreeItem';

interface MenuState {
  readonly node: TreeNode;
  readonly x: number;
  readonly y: number;
}

function menuItems(collectionId: string, node: TreeNode): MenuItem[] {
  const folder = node.type === 'folder' ? node.path : undefined;
  const items: MenuItem[] = [];
  if (folder !== undefined) {
    items.push(
      { id: 'new-request', label: 'New request', onSelect: () => void newRequestIn(collectionId, folder) },
      { id: 'new-folder', label: 'New folder', onSelect: () => void newFolderIn(collectionId, folder) },
      { id: 'run-folder', label: 'Run folder…', onSelect: () => useRunsStore.getState().openRunDialog(collectionId, [folder]) },
    );
  } else {
    items.push(
      { id: 'open', label: 'Open', onSelect: () => void openRequest(collectionId, node.path) },
      { id: 'run-request', label: 'Run…', onSelect: () => useRunsStore.getState().openRunDialog(collectionId, [node.path]) },
    );
  }
  if (node.path === '') items.push({ id: 'certificates', label: 'Certificates…', onSelect: () => useCollectionsStore.getState().editCertificates(collectionId) });
  if (node.path !== '') {
    items.push(
      { id: 'rename', label: 'Rename…', onSelect: () => void renameItem(collectionId, node.path, node.name) },
      { id: 'duplicate', label: 'Duplicate', onSelect: () => void duplicateItem(collectionId, node.path) },
      { id: 'delete', label: 'Delete…', isDanger: true, onSelect: () => void deleteItem(collectionId, node.path, node.name, node.type === 'folder') },
    );
  }
  return items;
}

/** One open collection: its header actions and its filtered, draggable tree with a context menu. */
export function CollectionTree({ collectionId }: { readonly collectionId: string }): React.JSX.Element | null {
  const tree = useCollectionsStore(selectTree(collectionId));
  const filter = useCollectionsStore((s) => s.filter);
  const [menu, setMenu] = useState<MenuState | undefined>(undefined);
  const root = tree?.tree;
  const shown = useMemo(() => (root === undefined ? undefined : filterTree(root, filter)), [root, filter]);
  const onDrop = useCallback(
    (dragged: string, target: string, position: DropPosition) => {
      const current = useCollectionsStore.getState().trees[collectionId]?.tree;
      if (current === undefined) return;
      const plan = planDrop(current, dragged, target, position);
      if (plan.kind === 'reorder') void reorderFolder(collectionId, plan.folder, plan.order);
      else if (plan.kind === 'move') void moveItem(collectionId, dragged, plan.toFolder, plan.index);
    },
    [collectionId],
  );
  const cb: TreeCallbacks = useMemo(
    () => ({
      onOpen: (node) => {
        // The environment selector and new tabs follow the collection last used.
        useCollectionsStore.getState().setActive(collectionId);
        void openRequest(collectionId, node.path);
      },
      onMenu: (node, x, y) => setMenu({ node, x, y }),
      onDrop,
      isForcedOpen: filter.trim() !== '',
    }),
    [collectionId, onDrop, filter],
  );
  const closeMenu = useCallback(() => setMenu(undefined), []);
  if (tree === undefined || shown === undefined) return null;
  return (
    <div className="collection" data-testid="collection" data-collection-id={collectionId}>
      <div className="collection-header" onContextMenu={(e) => {
        e.preventDefault();
        setMenu({ node: tree.tree, x: e.clientX, y: e.clientY });
      }}>
        <span className="collection-name" title={tree.root} data-testid="collection-name">
          {tree.name}
        </span>
        <button type="button" className="icon-button" aria-label="New request in collection" title="New request" onClick={() => void newRequestIn(collectionId, '')} data-testid="collection-new-request">
          +
        </button>
        <button type="button" className="icon-button" aria-label="New folder in collection" title="New folder" onClick={() => void newFolderIn(collectionId, '')} data-testid="collection-new-folder">
          ⊞
        </button>
        <button type="button" className="icon-button" aria-label="Run collection" title="Run collection" onClick={() => useRunsStore.getState().openRunDialog(collectionId, [])} data-testid="collection-run">
          ▶
        </button>
        <button type="button" className="icon-button" aria-label="Collection certificates" title="Certificates (TLS per host)" onClick={() => useCollectionsStore.getState().editCertificates(collectionId)} data-testid="collection-certificates">
          🔒
        </button>
        <button type="button" className="icon-button" aria-label="Close collection" title="Close collection" onClick={() => void closeCollection(collectionId)} data-testid="collection-close">
          ×
        </button>
      </div>
      {tree.problems.length > 0 && (
        <details className="problems" data-testid="collection-problems">
          <summary>{tree.problems.length} file(s) could not be read</summary>
          <ul>
            {tree.problems.map((p) => (
              <li key={p.path}>
                <span className="mono">{p.path}</span>
                {p.line !== undefined ? `:${p.line}` : ''} — {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ul className="tree" role="tree" aria-label={`${tree.name} requests`} data-testid="tree">
        {shown.children.map((node) => (
          <TreeItem key={node.path} collectionId={collectionId} node={node} depth={0} cb={cb} />
        ))}
        {shown.children.length === 0 && <li className="muted tree-empty">{filter === '' ? 'Empty collection: add a request with +' : 'No match'}</li>}
      </ul>
      {menu !== undefined && <ContextMenu x={menu.x} y={menu.y} items={menuItems(collectionId, menu.node)} onClose={closeMenu} />}
    </div>
  );
}
