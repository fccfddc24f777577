import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CertificatesDialog } from '../../../renderer/features/collections/CertificatesDialog';
import { entryPath } from '../../../renderer/features/collections/certificate-actions';
import { useCollectionsStore } from '../../../renderer/state/collections-store';
import { installFakeApi } from '../support/fake-api';
import { sampleTree } from '../support/fixtures';
import { resetAll } from '../support/reset';

describe('certificates dialog', () => {
  beforeEach(resetAll);

  it('edits an entry, picks files through main (relative inside the collection; main records consent outside) and sends a typed passphrase only', async () => {
    const tree = sampleTree('c1');
    useCollectionsStore.getState().setTree(tree);
    const picks = [`${tree.root}/certs/ca.pem`, '/home/me/.certs/me.p12'];
    const fake = installFakeApi({
      'collection:readCertificates': () => [{ host: 'api.example.com', keyFile: 'certs/key.pem', hasPassphrase: true }],
      'collection:saveCertificates': () => tree,
      'files:pick': () => ({ canceled: false, path: picks.shift() ?? '' }),
    });
    useCollectionsStore.getState().editCertificates('c1');
    render(<CertificatesDialog />);
    await waitFor(() => expect((screen.getByTestId('cert-host-0') as HTMLInputElement).value).toBe('api.example.com'));
    expect((screen.getByTestId('cert-passphrase-0') as HTMLInputElement).type).toBe('password');
    expect((screen.getByTestId('cert-passphrase-0') as HTMLInputElement).placeholder).toMatch(/stored/);
    await act(async () => {
      fireEvent.click(screen.getByTestId('cert-pick-caFile-0'));
    });
    await waitFor(() => expect((screen.getByTestId('cert-caFile-0') as HTMLInputElement).value).toBe('certs/ca.pem'));
    fireEvent.click(screen.getByTestId('cert-add'));
    fireEvent.change(screen.getByTestId('cert-host-1'), { target: { value: '*.corp.example:8443' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('cert-pick-pfxFile-1'));
    });
    await waitFor(() => expect((screen.getByTestId('cert-pfxFile-1') as HTMLInputElement).value).toBe('/home/me/.certs/me.p12'));
    // The picks name the collection, so main can record consent for a file outside it; salvo.yaml never carries it.
    expect(fake.calls.filter((c) => c.channel === 'files:pick').map((c) => c.arg)).toEqual([expect.objectContaining({ collectionId: 'c1' }), expect.objectContaining({ collectionId: 'c1' })]);
    expect(screen.queryByTestId('cert-external-1')).toBeNull();
    fireEvent.change(screen.getByTestId('cert-passphrase-1'), { target: { value: 'p12-pass' } });
    fireEvent.click(screen.getByTestId('cert-verify-1'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('cert-save'));
    });
    await waitFor(() => expect(useCollectionsStore.getState().certificatesOf).toBeUndefined());
    expect(fake.calls.find((c) => c.channel === 'collection:saveCertificates')?.arg).toEqual({
      collectionId: 'c1',
      certificates: [
        { host: 'api.example.com', keyFile: 'certs/key.pem', caFile: 'certs/ca.pem', previousHost: 'api.example.com' },
        { host: '*.corp.example:8443', pfxFile: '/home/me/.certs/me.p12', passphrase: 'p12-pass', verifyTls: false },
      ],
    });
  });

  it('maps picked paths to collection-relative ones only inside the folder', () => {
    expect(entryPath('/work/api', '/work/api/certs/a.pem')).toEqual({ path: 'certs/a.pem', isExternal: false });
    expect(entryPath('/work/api', '/work/api-other/a.pem')).toEqual({ path: '/work/api-other/a.pem', isExternal: true });
    expect(entryPath('C:\\work\\api', 'C:\\work\\api\\certs\\a.pem')).toEqual({ path: 'certs/a.pem', isExternal: false });
  });
});
