import { useEffect, useState } from 'react';
import type { CertificateInput } from '../../../shared/ipc/collections';
import { selectTree, useCollectionsStore } from '../../state/collections-store';
import { pickFile } from '../request-editor/file-pick';
import { entryPath, readCertificates, saveCertificates } from './certificate-actions';

/** One row being edited: the entry, whether a passphrase is stored, and what the user typed for it. */
interface Row {
  readonly entry: CertificateInput;
  readonly hasPassphrase: boolean;
  /** undefined: keep the stored one; '': remove it; text: replace it. */
  readonly passphrase: string | undefined;
  readonly previousHost: string | undefined;
}

type FileKey = 'caFile' | 'certFile' | 'keyFile' | 'pfxFile';
const FILES: ReadonlyArray<{ key: FileKey; label: string }> = [
  { key: 'caFile', label: 'CA file' },
  { key: 'certFile', label: 'Certificate' },
  { key: 'keyFile', label: 'Key' },
  { key: 'pfxFile', label: 'PFX / P12' },
];

function inputOf(row: Row): CertificateInput {
  const { passphrase: _p, previousHost: _h, ...entry } = row.entry;
  return { ...entry, host: entry.host.trim(), ...(row.passphrase === undefined ? {} : { passphrase: row.passphrase }), ...(row.previousHost === undefined ? {} : { previousHost: row.previousHost }) };
}

/** The collection's Certificates settings: per-host CA, client certificate / PFX, passphrase and verification. A modal panel. */
export function CertificatesDialog(): React.JSX.Element | null {
  const collectionId = useCollectionsStore((s) => s.certificatesOf);
  const close = useCollectionsStore((s) => s.editCertificates);
  const tree = useCollectionsStore(selectTree(collectionId ?? ''));
  const [rows, setRows] = useState<Row[] | undefined>(undefined);

  useEffect(() => {
    if (collectionId === undefined) return undefined;
    let isCurrent = true;
    setRows(undefined);
    void readCertificates(collectionId).then((views) => {
      if (!isCurrent) return;
      setRows((views ?? []).map(({ hasPassphrase, ...entry }) => ({ entry, hasPassphrase, passphrase: undefined, previousHost: entry.host })));
    });
    return () => {
      isCurrent = false;
    };
  }, [collectionId]);

  if (collectionId === undefined || tree === undefined) return null;
  const update = (i: number, patch: Partial<Row>): void => setRows((rs) => rs?.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setEntry = (i: number, patch: Partial<CertificateInput>): void => setRows((rs) => rs?.map((r, j) => (j === i ? { ...r, entry: { ...r.entry, ...patch } } : r)));
  const setFile = (i: number, key: FileKey, value: string): void => {
    const { [key]: _old, ...rest } = rows?.[i]?.entry ?? { host: '' };
    setRows((rs) => rs?.map((r, j) => (j === i ? { ...r, entry: value === '' ? rest : { ...rest, [key]: value } } : r)));
  };
  const pick = async (i: number, key: FileKey, label: string): Promise<void> => {
    // A file picked outside the collection is allowed by main (on this computer, not in salvo.yaml).
    const picked = await pickFile(`${label} for ${rows?.[i]?.entry.host ?? 'this host'}`, collectionId);
    if (picked === undefined) return;
    setFile(i, key, entryPath(tree.root, picked).path);
  };
  const save = async (): Promise<void> => {
    if (rows === undefined) return;
    if (await saveCertificates(collectionId, rows.filter((r) => r.entry.host.trim() !== '').map(inputOf))) close(undefined);
  };
  const add = (): void => setRows((rs) => [...(rs ?? []), { entry: { host: '' }, hasPassphrase: false, passphrase: undefined, previousHost: undefined }]);
  const remove = (i: number): void => setRows((rs) => rs?.filter((_, j) => j !== i));
  return (
    <div className="dialog-backdrop">
      <div className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="certs-title" data-testid="certificates-dialog" onKeyDown={(e) => e.key === 'Escape' && close(undefined)}>
        <h2 id="certs-title">Certificates — {tree.name}</h2>
        <p className="muted">
          The first entry whose host matches a request (<span className="mono">api.example.com</span>, <span className="mono">host:8443</span>, <span className="mono">*.example.com</span>) applies unless the request sets its own. Paths are relative to the collection folder; a file outside it is used only with your consent, kept on this computer (choosing it with … gives it; otherwise the first request that needs it asks). Passphrases are stored encrypted, never in salvo.yaml.
        </p>
        {rows === undefined && <p className="muted">Loading…</p>}
        {rows?.map((row, i) => (
          <fieldset key={i} className="cert-entry" data-testid="cert-entry">
            <label className="field">
              <span>Host</span>
              <input value={row.entry.host} placeholder="api.example.com:443" onChange={(e) => setEntry(i, { host: e.target.value })} data-testid={`cert-host-${i}`} />
            </label>
            {FILES.map(({ key, label }) => (
              <label className="field" key={key}>
                <span>{label}</span>
                <input value={row.entry[key] ?? ''} onChange={(e) => setFile(i, key, e.target.value)} data-testid={`cert-${key}-${i}`} />
                <button type="button" className="button" onClick={() => void pick(i, key, label)} aria-label={`Choose ${label}`} data-testid={`cert-pick-${key}-${i}`}>
                  …
                </button>
              </label>
            ))}
            <label className="field">
              <span>Passphrase</span>
              <input
                type="password"
                autoComplete="off"
                value={row.passphrase ?? ''}
                placeholder={row.hasPassphrase && row.passphrase === undefined ? 'stored (type to replace)' : 'none'}
                onChange={(e) => update(i, { passphrase: e.target.value === '' && row.hasPassphrase ? undefined : e.target.value })}
                data-testid={`cert-passphrase-${i}`}
              />
              {row.hasPassphrase && (
                <button type="button" className="button" onClick={() => update(i, { passphrase: '', hasPassphrase: false })} data-testid={`cert-clear-passphrase-${i}`}>
                  Clear
                </button>
              )}
            </label>
            <label className="field inline">
              <input type="checkbox" checked={row.entry.verifyTls !== false} onChange={(e) => setEntry(i, { verifyTls: e.target.checked ? undefined : false })} data-testid={`cert-verify-${i}`} />
              <span>Verify the server certificate</span>
            </label>
            <button type="button" className="button danger" onClick={() => remove(i)} data-testid={`cert-remove-${i}`}>
              Remove
            </button>
          </fieldset>
        ))}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={add} disabled={rows === undefined} data-testid="cert-add">
            Add host
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={() => close(undefined)} data-testid="cert-cancel">
            Cancel
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={rows === undefined} data-testid="cert-save">
            Save
          </button>
        </div>
      </div>
    </div>
  );
}
