import { useState } from 'react';
import { api, errorInfoOf } from '../../api/client';
import { noticeError } from '../../state/notices-store';
import { createCollection, openCollection } from './collection-actions';

/**
 * Open / create buttons. The native folder dialog is used when there is one; in browser mode it
 * answers `unsupported`, and a folder path field appears instead.
 */
export function OpenCollection(): React.JSX.Element {
  const [pathMode, setPathMode] = useState<'open' | 'create' | undefined>(undefined);
  const [path, setPath] = useState('');
  const [name, setName] = useState('');

  const choose = async (mode: 'open' | 'create'): Promise<void> => {
    try {
      const out = await api().call('dialog:openFolder', { title: mode === 'open' ? 'Open collection folder' : 'Folder for the new collection' });
      if (out.unsupported === true) {
        setPathMode(mode);
        return;
      }
      if (out.canceled || out.path === undefined) return;
      if (mode === 'open') await openCollection(out.path);
      else {
        setPath(out.path);
        setPathMode('create');
      }
    } catch (err) {
      noticeError(errorInfoOf(err));
    }
  };
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const root = path.trim();
    if (root === '') return;
    const tree = pathMode === 'create' ? await createCollection(root, name.trim() === '' ? 'New collection' : name.trim()) : await openCollection(root);
    if (tree !== undefined) {
      setPathMode(undefined);
      setPath('');
      setName('');
    }
  };
  return (
    <div className="open-collection">
      <div className="row-actions">
        <button type="button" className="button" onClick={() => void choose('open')} data-testid="open-collection">
          Open collection…
        </button>
        <button type="button" className="button" onClick={() => void choose('create')} data-testid="create-collection">
          New collection…
        </button>
      </div>
      {pathMode !== undefined && (
        <form className="path-form" onSubmit={(e) => void submit(e)} data-testid="collection-path-form">
          <label className="field">
            <span>{pathMode === 'open' ? 'Collection folder path' : 'Folder path for the new collection'}</span>
            <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/api-collection" autoFocus data-testid="collection-path" />
          </label>
          {pathMode === 'create' && (
            <label className="field">
              <span>Collection name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder="My API" data-testid="collection-create-name" />
            </label>
          )}
          <div className="row-actions">
            <button type="submit" className="button primary" data-testid="collection-path-submit">
              {pathMode === 'open' ? 'Open' : 'Create'}
            </button>
            <button type="button" className="button" onClick={() => setPathMode(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
