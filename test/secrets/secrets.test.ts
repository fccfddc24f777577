import { cp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { createHistoryHandlers } from '../../electron/handlers/history';
import { SECRET_MASK } from '../../electron/collections/env-ops';
import { EncryptedFileSecretStore } from '../../electron/secrets/encrypted-file-store';
import { createNodeCipher } from '../../electron/secrets/node-cipher';
import { createEnvSecretStore, parseDotEnv } from '../../electron/secrets/env-secret-store';
import { cliPassphraseName, cliSecretNames, passphraseSecret, variableSecret } from '../../electron/secrets/secret-key';
import { resolveRequest, redact } from '../../shared/lib/variables';
import { newRequestSpec } from '../../shared/model/request';
import { tempDir, testContext } from '../collections/helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');
const SECRET = 'hunter2-Sup3rSecret-value';
const SECRET2 = 'second-secret-token-XYZ';

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allFiles(p)));
    else out.push(p);
  }
  return out;
}

async function grep(dir: string, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const f of await allFiles(dir)) {
    const bytes = await readFile(f);
    const text = bytes.toString('utf8');
    for (const n of needles) if (text.includes(n) || bytes.toString('latin1').includes(n) || text.includes(Buffer.from(n).toString('base64'))) hits.push(`${f}: ${n}`);
  }
  return hits;
}

describe('secrets', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await cp(DEMO, join(dir, 'demo'), { recursive: true });
  });
  afterEach(() => cleanup());

  it('the Node cipher round-trips, uses a fresh IV, and keeps its key file 0600', async () => {
    const cipher = createNodeCipher(dir);
    const a = await cipher.encrypt(SECRET);
    const b = await cipher.encrypt(SECRET);
    expect(a.equals(b)).toBe(false);
    expect(await cipher.decrypt(a)).toBe(SECRET);
    expect((await stat(join(dir, 'secrets.key'))).mode & 0o777).toBe(0o600);
    expect(cipher.warning).toMatch(/not protected by the OS keyring/);
    // A second cipher on the same folder reads the same key.
    expect(await createNodeCipher(dir).decrypt(a)).toBe(SECRET);
    const tampered = Buffer.from(a);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    await expect(cipher.decrypt(tampered)).rejects.toMatchObject({ info: { kind: 'io' } });
  });

  it('the encrypted store persists values across instances and deletes them', async () => {
    const store = new EncryptedFileSecretStore(dir, createNodeCipher(dir));
    const scope = { root: '/somewhere/api', id: 'col-0123456789' };
    const a = variableSecret(scope, 'dev', 'a');
    const b = passphraseSecret(scope, '*.corp.example');
    await Promise.all([store.set(a, SECRET), store.set(b, SECRET2)]);
    const again = new EncryptedFileSecretStore(dir, createNodeCipher(dir));
    expect(await again.get(a)).toBe(SECRET);
    expect(await again.get(b)).toBe(SECRET2);
    // Keyed by the id, not the folder: the same collection found elsewhere reads the same values.
    expect(await again.get(variableSecret({ root: '/moved/api', id: scope.id }, 'dev', 'a'))).toBe(SECRET);
    expect(await again.get(variableSecret({ root: scope.root, id: undefined }, 'dev', 'a'))).toBeUndefined();
    await again.delete(a);
    expect(await new EncryptedFileSecretStore(dir, createNodeCipher(dir)).get(a)).toBeUndefined();
    expect(store.describe()).toEqual({ backend: 'node-aes-gcm', warning: expect.any(String) as string });
    expect(await grep(dir, [SECRET, SECRET2])).toEqual([]);
  });

  it('secret values never reach the collection folder, exports or history; the app still sends them', async () => {
    const userData = join(dir, 'user');
    const { ctx } = testContext(userData);
    const h = createCollectionHandlers(ctx);
    const history = createHistoryHandlers(ctx);
    try {
      const root = join(dir, 'demo');
      const { id } = await h.handlers['collection:open']({ root });
      const env = await h.handlers['env:read']({ collectionId: id, name: 'local', reveal: false });
      await h.handlers['env:save']({
        collectionId: id,
        environment: { name: 'local', variables: [...env.variables.map((v) => (v.name === 'password' ? { ...v, value: SECRET } : v)), { name: 'apiToken', value: SECRET2, enabled: true, secret: true }] },
      });
      // Masked unless revealed; saving the mask back keeps the value.
      const masked = await h.handlers['env:read']({ collectionId: id, name: 'local', reveal: false });
      expect(masked.variables.find((v) => v.name === 'password')?.value).toBe(SECRET_MASK);
      await h.handlers['env:save']({ collectionId: id, environment: masked });
      const revealed = await h.handlers['env:read']({ collectionId: id, name: 'local', reveal: true });
      expect(revealed.variables.find((v) => v.name === 'password')?.value).toBe(SECRET);
      expect(revealed.variables.find((v) => v.name === 'apiToken')?.value).toBe(SECRET2);

      // The request as sent gets the real values.
      const spec = { ...(await h.access.readRequest(id, 'auth/login.yaml')), headers: [{ name: 'X-Token', value: '{{apiToken}}', enabled: true }] };
      const eff = await h.access.effective(id, 'auth/login.yaml', 'local', spec);
      const resolved = resolveRequest(eff.spec, eff.layers);
      expect(resolved.value.body.mode === 'json' && resolved.value.body.text).toContain(SECRET);
      expect([...resolved.secretValues].sort()).toEqual([SECRET, SECRET2].sort());
      expect(eff.sensitiveNames).toContain('X-Token');

      // Exports and history.
      await h.handlers['request:save']({ collectionId: id, path: 'auth/login.yaml', request: spec, force: false });
      const curl = await h.handlers['export:curl']({ spec, context: { collectionId: id, requestPath: 'auth/login.yaml', environment: 'local' } });
      expect(curl).toContain('{{password}}');
      expect(curl).toContain('http://127.0.0.1:4010/login');
      const postman = await h.handlers['export:postman']({ collectionId: id });
      await writeFile(join(dir, 'exports.txt'), `${curl}\n${postman}`);
      const sent = resolved.value;
      await history.recorder.record({
        id: 'h1', at: Date.now(), method: sent.method, url: sent.url, status: 200, errorKind: undefined, durationMs: 5, bytes: 10,
        spec: { ...sent, headers: sent.headers.map((x) => ({ ...x, value: redact(x.value, resolved.secretValues) })), body: { mode: 'json', text: redact(sent.body.mode === 'json' ? sent.body.text : '', resolved.secretValues) }, auth: { type: 'bearer', token: SECRET } },
      });
      await history.recorder.record({ id: 'h2', at: Date.now(), method: 'GET', url: 'http://x/', status: 200, errorKind: undefined, durationMs: 1, bytes: 0, spec: newRequestSpec({ url: 'http://x/', headers: [{ name: 'Authorization', value: `Bearer ${SECRET2}`, enabled: true }, { name: 'Cookie', value: `sid=${SECRET}`, enabled: true }] }) });
      expect(await grep(root, [SECRET, SECRET2])).toEqual([]);
      expect(await grep(userData, [SECRET, SECRET2])).toEqual([]);
      expect(await grep(join(dir), [SECRET, SECRET2])).toEqual([]);
      // The environment file keeps the variable, empty.
      expect(await readFile(join(root, 'environments', 'local.yaml'), 'utf8')).toContain('  - name: apiToken\n    value: ""\n    secret: true\n');

      // Renaming the environment moves its secrets; deleting it drops them.
      await h.handlers['env:save']({ collectionId: id, environment: { ...masked, name: 'staging' }, previousName: 'local' });
      expect((await h.handlers['env:read']({ collectionId: id, name: 'staging', reveal: true })).variables.find((v) => v.name === 'password')?.value).toBe(SECRET);
      const scope = { root, id: (await h.handlers['collection:tree']({ collectionId: id })).settings.id };
      expect(scope.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await ctx.secrets.get(variableSecret(scope, 'local', 'password'))).toBeUndefined();
      await h.handlers['env:delete']({ collectionId: id, name: 'staging' });
      expect(await ctx.secrets.get(variableSecret(scope, 'staging', 'password'))).toBeUndefined();
      expect(await h.handlers['env:list']({ collectionId: id })).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('a secret value committed into an environment file by hand moves into the store on the next save', async () => {
    const root = join(dir, 'demo');
    await writeFile(join(root, 'environments', 'ci.yaml'), `name: ci\nvariables:\n  - name: token\n    value: ${SECRET}\n    secret: true\n`);
    const { ctx } = testContext(join(dir, 'user'));
    const h = createCollectionHandlers(ctx);
    try {
      const { id } = await h.handlers['collection:open']({ root });
      const masked = await h.handlers['env:read']({ collectionId: id, name: 'ci', reveal: false });
      expect(masked.variables[0]?.value).toBe(SECRET_MASK);
      await h.handlers['env:save']({ collectionId: id, environment: masked });
      expect(await readFile(join(root, 'environments', 'ci.yaml'), 'utf8')).not.toContain(SECRET);
      expect((await h.handlers['env:read']({ collectionId: id, name: 'ci', reveal: true })).variables[0]?.value).toBe(SECRET);
    } finally {
      await h.close();
    }
  });

  it('the CLI store reads SALVO_SECRET_<ENV>_<NAME>, then SALVO_SECRET_<NAME>, then .env next to the collection', async () => {
    const root = join(dir, 'demo');
    expect(cliSecretNames('local-dev', 'api.key')).toEqual(['SALVO_SECRET_LOCAL_DEV_API_KEY', 'SALVO_SECRET_API_KEY']);
    expect(cliPassphraseName('*.corp.example:8443')).toBe('SALVO_SECRET_PASSPHRASE_WILDCARD_CORP_EXAMPLE_8443');
    expect(cliPassphraseName('api.example.com')).toBe('SALVO_SECRET_PASSPHRASE_API_EXAMPLE_COM');
    await writeFile(join(root, '.env'), '# secrets\nSALVO_SECRET_PASSWORD="from dotenv"\nexport SALVO_SECRET_LOCAL_TOKEN=tok # trailing\nSALVO_SECRET_PASSPHRASE_WILDCARD_CORP_EXAMPLE=pfx-pass\n');
    const store = createEnvSecretStore({ SALVO_SECRET_LOCAL_PASSWORD: 'from-env' });
    // The CLI's naming rule does not depend on the collection id: only the folder's .env is read.
    const scope = { root, id: 'some-collection-id' };
    expect(await store.get(variableSecret(scope, 'local', 'password'))).toBe('from-env');
    expect(await store.get(variableSecret(scope, 'other', 'password'))).toBe('from dotenv');
    expect(await store.get(variableSecret({ root, id: undefined }, 'local', 'token'))).toBe('tok');
    expect(await store.get(variableSecret(scope, 'local', 'missing'))).toBeUndefined();
    expect(await store.get(passphraseSecret(scope, '*.corp.example'))).toBe('pfx-pass');
    expect(parseDotEnv("A='x y'\nB=\"l1\\nl2\"\n bad line\n").get('B')).toBe('l1\nl2');

    const { ctx } = testContext(join(dir, 'user'), 'cli');
    const h = createCollectionHandlers({ ...ctx, secrets: store });
    try {
      const id = await h.access.openRoot(root);
      const eff = await h.access.effective(id, 'auth/login.yaml', 'local');
      expect(resolveRequest(eff.spec, eff.layers).value.body).toMatchObject({ text: expect.stringContaining('"password": "from-env"') as string });
    } finally {
      await h.close();
    }
  });
});
