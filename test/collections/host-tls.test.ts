import { createPrivateKey } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { applyHostTls, bindHostTls, hostMatches, parseHostPattern } from '../../electron/collections/host-tls';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import type { AppContext } from '../../electron/handlers/context';
import { createHttpHandlers } from '../../electron/handlers/http';
import { createFileHandlers } from '../../electron/handlers/files';
import { appConsent } from '../../electron/consent/app-consent';
import { NO_CONSENT } from '../../electron/consent/consent-scope';
import { FileConsentStore } from '../../electron/consent/file-consent-store';
import { fileScope } from '../../electron/consent/file-scope';
import { RefusedFiles } from '../../electron/consent/refused-files';
import { createEnvSecretStore } from '../../electron/secrets/env-secret-store';
import { EncryptedFileSecretStore } from '../../electron/secrets/encrypted-file-store';
import { createNodeCipher } from '../../electron/secrets/node-cipher';
import { CollectionService } from '../../electron/collections/service';
import { createTestCa, createTestCert } from '../servers/certs';
import type { TestCert } from '../servers/certs';
import { startHttpsServer } from '../servers/http-server';
import type { TestServer } from '../servers/http-server';
import { spec } from '../engine/helpers';

const PASSPHRASE = 'PfX-pAsS-7731-zq';

describe('per-host TLS settings of a collection', () => {
  let ca: TestCert;
  let server: TestServer;
  let ctx: AppContext;
  let h: ReturnType<typeof createCollectionHandlers>;
  let files: ReturnType<typeof createFileHandlers>;
  let http: ReturnType<typeof createHttpHandlers>['handlers'];
  let work: string;
  let root: string;
  let collectionId: string;
  let origin: string;

  beforeAll(async () => {
    ca = await createTestCa();
    const serverCert = await createTestCert({ ca });
    const client = await createTestCert({ ca, cn: 'salvo-host-entry' });
    const other = await createTestCert({ ca, cn: 'request-own-cert' });
    // A server that refuses any client without a certificate signed by the CA, and says who came.
    server = await startHttpsServer(
      (req, res) => {
        res.end((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? 'none');
      },
      serverCert,
      { requestClientCert: ca.cert },
    );
    origin = server.url;
    work = await mkdtemp(join(tmpdir(), 'salvo-host-tls-'));
    const userData = join(work, 'user');
    ctx = { engine: createEngine(), emit: () => undefined, userDataDir: userData, secrets: new EncryptedFileSecretStore(userData, createNodeCipher(userData)), mode: 'test' };
    const store = await FileConsentStore.open(userData);
    const refused = new RefusedFiles();
    ctx = { ...ctx, consent: appConsent(store, refused) };
    h = createCollectionHandlers(ctx);
    files = createFileHandlers({ collections: h.access, store, refused, native: { openFolder: () => Promise.reject(new Error('unused')), openFile: () => Promise.reject(new Error('unused')), saveFile: () => Promise.reject(new Error('unused')), openExternal: () => Promise.reject(new Error('unused')) } });
    http = createHttpHandlers(ctx, { collections: h.access, history: { record: () => Promise.resolve() } }).handlers;
    root = join(work, 'api');
    collectionId = (await h.handlers['collection:create']({ root, name: 'api' })).id;
    await mkdir(join(root, 'certs'));
    await copyFile(ca.certFile, join(root, 'certs', 'ca.pem'));
    await copyFile(client.certFile, join(root, 'certs', 'client.pem'));
    // The key encrypted with a passphrase, as users keep them.
    const encrypted = createPrivateKey(client.key).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE });
    await writeFile(join(root, 'certs', 'client-key.pem'), encrypted);
    await copyFile(other.certFile, join(work, 'own.pem'));
    await copyFile(other.keyFile, join(work, 'own-key.pem'));
    await copyFile(other.certFile, join(root, 'certs', 'own.pem'));
    await copyFile(other.keyFile, join(root, 'certs', 'own-key.pem'));
  });
  afterAll(async () => {
    await h.close();
    await ctx.engine.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  const send = async (options: Partial<ReturnType<typeof spec>['options']> = {}) => {
    const s = spec(`${origin}/who`);
    const view = await http['http:send']({ id: `tls-${Math.random()}`, spec: { ...s, options: { ...s.options, ...options } }, context: { collectionId } });
    return view;
  };

  it('matches hosts: exact on any port, :port only there, *. any sub-domain but not the domain itself', () => {
    const at = (p: string, u: string): boolean => hostMatches(parseHostPattern(p), new URL(u));
    expect(at('api.example.com', 'https://API.example.com:8443/x')).toBe(true);
    expect(at('api.example.com:8443', 'https://api.example.com:8443/')).toBe(true);
    expect(at('api.example.com:8443', 'https://api.example.com/')).toBe(false);
    expect(at('api.example.com:443', 'https://api.example.com/')).toBe(true);
    expect(at('*.example.com', 'https://a.b.example.com/')).toBe(true);
    expect(at('*.example.com', 'https://example.com/')).toBe(false);
    expect(at('*.example.com', 'https://badexample.com/')).toBe(false);
    expect(at('[::1]:8443', 'https://[::1]:8443/')).toBe(true);
  });

  it('applies the first matching entry, wildcard included, and lets the request override it', async () => {
    const tls = await bindHostTls(
      [
        { host: '*.corp.example', caFile: 'certs/ca.pem', verifyTls: false },
        { host: 'api.corp.example', certFile: 'certs/never.pem' },
      ],
      { ...fileScope(NO_CONSENT, () => ({ kind: 'collection', id: undefined, root }), root), root },
      { root, id: undefined },
      createEnvSecretStore({}),
    );
    const base = spec('https://api.corp.example/x');
    const applied = applyHostTls(base, tls);
    expect(applied.options.caFile).toBe(join(root, 'certs', 'ca.pem'));
    expect(applied.options.verifyTls).toBe(false);
    expect(applied.options.clientCertFile).toBeUndefined();
    const own = applyHostTls({ ...base, options: { ...base.options, caFile: '/own/ca.pem' } }, tls);
    expect(own.options.caFile).toBe('/own/ca.pem');
    expect(applyHostTls(spec('http://api.corp.example/x'), tls).options.caFile).toBeUndefined();
    expect(applyHostTls(spec('https://elsewhere.example/x'), tls).options).toEqual(base.options);
  });

  it('presents the entry certificate (key passphrase from the secret store) to a server that requires one', async () => {
    const refused = await send();
    expect(refused.error?.kind).toBe('tls');
    await h.handlers['collection:saveCertificates']({
      collectionId,
      certificates: [{ host: `127.0.0.1:${new URL(origin).port}`, caFile: 'certs/ca.pem', certFile: 'certs/client.pem', keyFile: 'certs/client-key.pem', passphrase: PASSPHRASE }],
    });
    const ok = await send();
    expect(ok.error).toBeUndefined();
    expect(ok.preview).toBe('salvo-host-entry');
    // The request's own identity wins over the entry's (its files relative to the collection, like the entry's).
    const own = await send({ clientCertFile: 'certs/own.pem', clientKeyFile: 'certs/own-key.pem' });
    expect(own.preview).toBe('request-own-cert');
    // The passphrase is a secret: stored encrypted, never in salvo.yaml or anywhere in the folder.
    const yaml = await readFile(join(root, 'salvo.yaml'), 'utf8');
    expect(yaml).toContain('certificates:\n  - host: 127.0.0.1:');
    expect(yaml).toContain('    keyFile: certs/client-key.pem\n');
    for (const entry of await readdir(work, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) expect((await readFile(join(entry.parentPath, entry.name))).includes(PASSPHRASE), entry.name).toBe(false);
    }
    const views = await h.handlers['collection:readCertificates']({ collectionId });
    expect(views).toEqual([expect.objectContaining({ hasPassphrase: true })]);
    expect(JSON.stringify(views)).not.toContain(PASSPHRASE);
  });

  it('a wrong passphrase is a clear tls error; a file outside the collection needs consent', async () => {
    const host = `127.0.0.1:${new URL(origin).port}`;
    await h.handlers['collection:saveCertificates']({ collectionId, certificates: [{ host, caFile: 'certs/ca.pem', certFile: 'certs/client.pem', keyFile: 'certs/client-key.pem', passphrase: 'wrong' }] });
    const wrong = await send();
    expect(wrong.error?.kind).toBe('tls');
    expect(wrong.error?.message).toMatch(/passphrase/);
    await h.handlers['collection:saveCertificates']({ collectionId, certificates: [{ host, caFile: ca.certFile, certFile: join(work, 'own.pem'), keyFile: join(work, 'own-key.pem'), passphrase: '' }] });
    await expect(send()).rejects.toMatchObject({ info: { kind: 'invalid-input', detail: { reason: 'external-file' } } });
    // A hostile salvo.yaml claiming consent for the entry grants nothing.
    const yamlFile = join(root, 'salvo.yaml');
    await writeFile(yamlFile, (await readFile(yamlFile, 'utf8')).replace('    keyFile:', '    allowExternalFiles: true\n    keyFile:'));
    await h.service.get(collectionId).reload();
    const refusal = await send().then(
      () => undefined,
      (err: unknown) => (err as { info: { detail: { paths: string[] } } }).info.detail.paths,
    );
    expect(refusal).toEqual(expect.arrayContaining([join(work, 'own.pem'), join(work, 'own-key.pem')]));
    // The user's consent for exactly those files (through the handler: the entry references them).
    await files['files:grantExternal']({ collectionId, paths: refusal ?? [] });
    expect((await send()).preview).toBe('request-own-cert');
    expect((await h.handlers['collection:readCertificates']({ collectionId }))[0]?.hasPassphrase).toBe(false);
  });

  it('the CLI reads the passphrase from SALVO_SECRET_PASSPHRASE_<HOST> and a batch reads the files once', async () => {
    const host = `127.0.0.1:${new URL(origin).port}`;
    await h.handlers['collection:saveCertificates']({ collectionId, certificates: [{ host, caFile: 'certs/ca.pem', certFile: 'certs/client.pem', keyFile: 'certs/client-key.pem' }] });
    const envName = `SALVO_SECRET_PASSPHRASE_127_0_0_1_${new URL(origin).port}`;
    const service = new CollectionService({ emit: () => undefined, secrets: createEnvSecretStore({ [envName]: PASSPHRASE }), userDataDir: join(work, 'cli-state'), watch: false });
    const engine = createEngine();
    try {
      const c = await service.openRoot(root);
      // Twenty handshakes at once on a loaded 2-core machine: the short test timeouts would measure the machine, not the rule.
      const eff = await service.access().effective(c.id, undefined, '', spec(`${origin}/who`, {}, { connect: 20_000, headers: 20_000, total: 25_000 }));
      const first = await engine.send(applyHostTls(eff.spec, eff.hostTls), { id: 'cli-1' });
      expect(first.error).toBeUndefined();
      // The agent holds what it read: replacing the key file mid-run changes nothing for this run.
      const key = join(root, 'certs', 'client-key.pem');
      const original = await readFile(key);
      await writeFile(key, 'not a key');
      const rest = await Promise.all(Array.from({ length: 20 }, (_, i) => engine.send(applyHostTls(eff.spec, eff.hostTls), { id: `cli-${i + 2}` })));
      expect(rest.map((r) => r.error?.kind ?? Buffer.from((r.body as { bytes: Uint8Array }).bytes).toString())).toEqual(Array.from({ length: 20 }, () => 'salvo-host-entry'));
      await writeFile(key, original);
    } finally {
      await engine.close();
      await service.closeAll();
    }
  });
});
