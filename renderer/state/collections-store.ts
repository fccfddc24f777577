import { create } from 'zustand';
import type { CollectionTree, FolderNode, TreeNode } from '../../shared/model/collection';

/** Open collections as the sidebar sees them. Runtime results never live here. */
export interface CollectionsState {
  readonly trees: Readonly<Record<string, CollectionTree>>;
  /** Collection ids in the order they were opened. */
  readonly order: readonly string[];
  readonly activeId: string | undefined;
  /** Expanded folders, keyed by `collectionId:path`. */
  readonly expanded: Readonly<Record<string, boolean>>;
  readonly filter: string;
  /** Tree item last selected, keyed `collectionId:path`. */
  readonly selected: string | undefined;
  /** The collection whose Certificates settings are open, if any. */
  readonly certificatesOf: string | undefined;
  setTree(tree: CollectionTree): void;
  remove(collectionId: string): void;
  setActive(collectionId: string | undefined): void;
  toggleExpanded(collectionId: string, path: string, open?: boolean): void;
  setFilter(filter: string): void;
  select(key: string | undefined): void;
  editCertificates(collectionId: string | undefined): void;
}

const initial = { trees: {}, order: [], activeId: undefined, expanded: {}, filter: '', selected: undefined, certificatesOf: undefined };

/** The collections store (one per domain, see STYLE.md). */
export const useCollectionsStore = create<CollectionsState>()((set) => ({
  ...initial,
  setTree: (tree) =>
    set((s) => ({
      trees: { ...s.trees, [tree.id]: tree },
      order: s.order.includes(tree.id) ? s.order : [...s.order, tree.id],
      activeId: s.activeId ?? tree.id,
      // The root folder starts expanded.
      expanded: s.order.includes(tree.id) ? s.expanded : { ...s.expanded, [expandKey(tree.id, '')]: true },
    })),
  remove: (collectionId) =>
    set((s) => {
      const { [collectionId]: _gone, ...trees } = s.trees;
      const order = s.order.filter((id) => id !== collectionId);
      return { trees, order, activeId: s.activeId === collectionId ? order[0] : s.activeId };
    }),
  setActive: (activeId) => set({ activeId }),
  toggleExpanded: (collectionId, path, open) =>
    set((s) => {
      const key = expandKey(collectionId, path);
      return { expanded: { ...s.expanded, [key]: open ?? !s.expanded[key] } };
    }),
  setFilter: (filter) => set({ filter }),
  select: (selected) => set({ selected }),
  editCertificates: (certificatesOf) => set({ certificatesOf }),
}));

/** Resets the store (tests). */
export function resetCollectionsStore(): void {
  useCollectionsStore.setState(initial);
}

/** Key used in `expanded` and `selected`. */
export function expandKey(collectionId: string, path: string): string {
  return `${collectionId}:${path}`;
}

/** Selector: the ids of open collections (stable array identity until it changes). */
export const selectCollectionOrder = (s: CollectionsState): readonly string[] => s.order;

/** Selector factory: one collection's tree. */
export const selectTree =
  (collectionId: string) =>
  (s: CollectionsState): CollectionTree | undefined =>
    s.trees[collectionId];

/** Selector factory: whether a folder is expanded. */
export const selectIsExpanded =
  (collectionId: string, path: string) =>
  (s: CollectionsState): boolean =>
    s.expanded[expandKey(collectionId, path)] === true;

/** Filters a tree by a case-insensitive text on names, methods and URLs; folders stay when a descendant matches. */
export function filterTree(folder: FolderNode, filter: string): FolderNode {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return folder;
  const keep = (node: TreeNode): TreeNode | undefined => {
    if (node.type === 'request') {
      const hay = `${node.name} ${node.method} ${node.url}`.toLowerCase();
      return hay.includes(needle) ? node : undefined;
    }
    if (node.name.toLowerCase().includes(needle)) return node;
    const children = node.children.map(keep).filter((n): n is TreeNode => n !== undefined);
    return children.length > 0 ? { ...node, children } : undefined;
  };
  const children = folder.children.map(keep).filter((n): n is TreeNode => n !== undefined);
  return { ...folder, children };
}

/** Finds a node by path in a tree. */
export function findNode(folder: FolderNode, path: string): TreeNode | undefined {
  if (folder.path === path) return folder;
  for (const child of folder.children) {
    if (child.path === path) return child;
    if (child.type === 'folder' && path.startsWith(`${child.path}/`)) return findNode(child, path);
  }
  return undefined;
}

/** The folder path that contains an item ('' for the root). */
export function parentPath(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/** The last segment of a path (the file or folder name). */
export function baseName(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? path : path.slice(at + 1);
}
