import { useState } from 'react';
import type { TreeNode } from '../../../shared/model/collection';
import { expandKey, useCollectionsStore } from '../../state/collections-store';
import type { DropPosition } from './tree-dnd';

/** Drag-and-drop and context-menu callbacks the tree passes down. */
export interface TreeCallbacks {
  readonly onOpen: (node: TreeNode) => void;
  readonly onMenu: (node: TreeNode, x: number, y: number) => void;
  readonly onDrop: (dragged: string, target: string, position: DropPosition) => void;
  /** Filtering shows every folder open. */
  readonly isForcedOpen: boolean;
}

const DRAG_TYPE = 'application/x-salvo-tree-path';

function dropPosition(e: React.DragEvent<HTMLElement>, isFolder: boolean): DropPosition {
  const rect = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - rect.top) / Math.max(rect.height, 1);
  if (isFolder) return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'into';
  return y < 0.5 ? 'before' : 'after';
}

/** Moves focus between the visible rows of the same tree (WAI-ARIA tree keyboard pattern). */
function moveFocus(from: HTMLElement, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End'): void {
  const rows = [...(from.closest('[role="tree"]')?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
  const at = rows.indexOf(from);
  const next = key === 'Home' ? rows[0] : key === 'End' ? rows[rows.length - 1] : rows[key === 'ArrowDown' ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1)];
  next?.focus();
}

/** One row of the tree (and, for folders, its children when expanded). */
export function TreeItem({ collectionId, node, depth, cb }: { readonly collectionId: string; readonly node: TreeNode; readonly depth: number; readonly cb: TreeCallbacks }): React.JSX.Element {
  const key = expandKey(collectionId, node.path);
  const isExpanded = useCollectionsStore((s) => s.expanded[key] === true) || cb.isForcedOpen;
  const isSelected = useCollectionsStore((s) => s.selected === key);
  const toggle = useCollectionsStore((s) => s.toggleExpanded);
  const select = useCollectionsStore((s) => s.select);
  const [dropAt, setDropAt] = useState<DropPosition | undefined>(undefined);
  const isFolder = node.type === 'folder';

  const activate = (): void => {
    select(key);
    if (isFolder) toggle(collectionId, node.path);
    else cb.onOpen(node);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      moveFocus(e.currentTarget, e.key);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate();
    } else if (e.key === 'ArrowRight' && isFolder) toggle(collectionId, node.path, true);
    else if (e.key === 'ArrowLeft' && isFolder) toggle(collectionId, node.path, false);
    else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const r = e.currentTarget.getBoundingClientRect();
      cb.onMenu(node, r.left + 24, r.bottom);
    }
  };
  return (
    <li role="none">
      <div
        role="treeitem"
        aria-expanded={isFolder ? isExpanded : undefined}
        aria-selected={isSelected}
        aria-level={depth + 1}
        tabIndex={0}
        className={['tree-row', isSelected ? 'is-selected' : '', dropAt !== undefined ? `drop-${dropAt}` : ''].join(' ')}
        style={{ paddingLeft: `${0.5 + depth * 0.9}rem` }}
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, node.path);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
          e.preventDefault();
          setDropAt(dropPosition(e, isFolder));
        }}
        onDragLeave={() => setDropAt(undefined)}
        onDrop={(e) => {
          e.preventDefault();
          setDropAt(undefined);
          const dragged = e.dataTransfer.getData(DRAG_TYPE);
          if (dragged !== '') cb.onDrop(dragged, node.path, dropPosition(e, isFolder));
        }}
        onClick={activate}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => {
          e.preventDefault();
          select(key);
          cb.onMenu(node, e.clientX, e.clientY);
        }}
        data-testid="tree-item"
        data-path={node.path}
        data-kind={node.type}
      >
        {isFolder ? <span className="tree-caret">{isExpanded ? '▾' : '▸'}</span> : <span className={`method-tag method-${node.method.toLowerCase()}`}>{node.method}</span>}
        <span className="tree-name">{node.name}</span>
      </div>
      {isFolder && isExpanded && node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child) => (
            <TreeItem key={child.path} collectionId={collectionId} node={child} depth={depth + 1} cb={cb} />
          ))}
        </ul>
      )}
    </li>
  );
}
