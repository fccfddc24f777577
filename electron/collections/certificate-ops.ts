import type { CertificateEntry } from '../../shared/model/collection';
import type { CertificateInput, CertificateView } from '../../shared/ipc/collections';
import { SalvoError } from '../../shared/model/errors';
import { passphraseSecret } from '../secrets/secret-key';
import type { OpenCollection } from './open-collection';

/** The certificate entries with whether a passphrase is stored for each (never the passphrase). */
export async function readCertificates(c: OpenCollection): Promise<CertificateView[]> {
  const scope = c.secretScope();
  const out: CertificateView[] = [];
  for (const entry of c.loaded.settings.certificates) out.push({ ...entry, hasPassphrase: (await c.deps.secrets.get(passphraseSecret(scope, entry.host))) !== undefined });
  return out;
}

function entryOf(input: CertificateInput): CertificateEntry {
  const { passphrase: _p, previousHost: _h, ...entry } = input;
  return entry;
}

/**
 * Replaces the certificate entries in salvo.yaml and their passphrases in the secret store (keyed
 * by the entry's host, under the collection id). Passphrases of entries that were removed, or whose
 * host changed, are moved or deleted; none is ever written into the folder.
 */
export async function saveCertificates(c: OpenCollection, inputs: readonly CertificateInput[]): Promise<void> {
  const hosts = inputs.map((i) => i.host.toLowerCase());
  const duplicate = hosts.find((h, i) => hosts.indexOf(h) !== i);
  if (duplicate !== undefined) throw new SalvoError('invalid-input', `two certificate entries for ${duplicate}: the first would always win`);
  const secrets = c.deps.secrets;
  const previous = c.loaded.settings.certificates;
  const scope = inputs.some((i) => i.passphrase !== undefined && i.passphrase !== '') ? await c.scopeForWrite() : c.secretScope();
  await c.writeFolderSettings('', { ...c.loaded.settings, certificates: inputs.map(entryOf) });
  const kept = new Set<string>();
  for (const input of inputs) {
    const ref = passphraseSecret(scope, input.host);
    kept.add(input.host);
    if (input.passphrase === '') await secrets.delete(ref);
    else if (input.passphrase !== undefined) await secrets.set(ref, input.passphrase);
    else if (input.previousHost !== undefined && input.previousHost !== input.host) {
      const moved = await secrets.get(passphraseSecret(scope, input.previousHost));
      if (moved !== undefined) await secrets.set(ref, moved);
    }
  }
  for (const old of previous) if (!kept.has(old.host)) await secrets.delete(passphraseSecret(scope, old.host));
  c.forgetHostTls();
}
