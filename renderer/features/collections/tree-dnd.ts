import type { FolderNode, TreeNode } from '../../../shared/model/collection';
import { baseName, findNode, parentPath } from '../../state/collections-store';

/** Where a dragged item was dropped: on a folder (into it) or before/after a sibling. */
export type DropPosition = 'into' | 'before' | 'after';

/** The IPC call a drop turns into. */
export type DropPlan =
  | { readonly kind: 'reorder'; readonly folder: string; readonly order: readonly string[] }
  | { readonly kind: 'move'; readonly toFolder: string; readonly index: number | undefined }
  | { readonly kind: 'none' };

function isInside(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/**
 * Plans a drop: same folder → `folder:reorder` with the new names order; another folder →
 * `item:move` at an index. A folder cannot be dropped into itself or its descendants.
 */
export function planDrop(root: FolderNode, dragged: string, target: string, position: DropPosition): DropPlan {
  const targetNode = findNode(root, target);
  if (targetNode === undefined || dragged === target) return { kind: 'none' };
  const toFolder = position === 'into' && targetNode.type === 'folder' ? targetNode.path : parentPath(target);
  if (isInside(toFolder, dragged)) return { kind: 'none' };
  const folderNode = findNode(root, toFolder);
  if (folderNode === undefined || folderNode.type !== 'folder') return { kind: 'none' };
  const siblings = folderNode.children.map((c: TreeNode) => c.path).filter((p) => p !== dragged);
  let index: number;
  if (position === 'into') index = siblings.length;
  else {
    const at = siblings.indexOf(target);
    index = at < 0 ? siblings.length : position === 'before' ? at : at + 1;
  }
  if (parentPath(dragged) === toFolder) {
    const order = [...siblings];
    order.splice(index, 0, dragged);
    const names = order.map(baseName);
    const current = folderNode.children.map((c) => baseName(c.path));
    if (names.join('\n') === current.join('\n')) return { kind: 'none' };
    return { kind: 'reorder', folder: toFolder, order: names };
  }
  return { kind: 'move', toFolder, index: position === 'into' ? undefined : index };
}
