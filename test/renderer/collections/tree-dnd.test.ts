import { planDrop } from '../../../renderer/features/collections/tree-dnd';
import { sampleRoot } from '../support/fixtures';

describe('tree drag and drop plan', () => {
  it('reorders within the same folder with folder:reorder names', () => {
    expect(planDrop(sampleRoot, 'users/create.yaml', 'users/list.yaml', 'before')).toEqual({ kind: 'reorder', folder: 'users', order: ['create.yaml', 'list.yaml'] });
    expect(planDrop(sampleRoot, 'health.yaml', 'users', 'before')).toEqual({ kind: 'reorder', folder: '', order: ['health.yaml', 'users'] });
  });

  it('moves into a folder, or next to an item of another folder, with item:move', () => {
    expect(planDrop(sampleRoot, 'health.yaml', 'users', 'into')).toEqual({ kind: 'move', toFolder: 'users', index: undefined });
    expect(planDrop(sampleRoot, 'health.yaml', 'users/create.yaml', 'before')).toEqual({ kind: 'move', toFolder: 'users', index: 1 });
    expect(planDrop(sampleRoot, 'users/list.yaml', 'health.yaml', 'after')).toEqual({ kind: 'move', toFolder: '', index: 2 });
  });

  it('refuses no-ops and dropping a folder into itself', () => {
    expect(planDrop(sampleRoot, 'users/list.yaml', 'users/list.yaml', 'before')).toEqual({ kind: 'none' });
    expect(planDrop(sampleRoot, 'users/list.yaml', 'users/create.yaml', 'before')).toEqual({ kind: 'none' });
    expect(planDrop(sampleRoot, 'users', 'users/list.yaml', 'after')).toEqual({ kind: 'none' });
    expect(planDrop(sampleRoot, 'users', 'missing.yaml', 'after')).toEqual({ kind: 'none' });
  });
});
