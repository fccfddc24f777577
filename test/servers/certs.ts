import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** PEM material of a generated certificate, also written to files (for caFile / client cert options). */
export interface TestCert {
  readonly cert: string;
  readonly key: string;
  readonly certFile: string;
  readonly keyFile: string;
}

const DAY = 24 * 60 * 60 * 1000;

async function toFiles(cert: string, key: string): Promise<TestCert> {
  const dir = await mkdtemp(join(tmpdir(), 'salvo-cert-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  await writeFile(certFile, cert);
  await writeFile(keyFile, key);
  return { cert, key, certFile, keyFile };
}

const SERVER_NAMES = [{ name: 'commonName', value: 'localhost' }];
const SERVER_ALT = { name: 'subjectAltName' as const, altNames: [{ type: 2 as const, value: 'localhost' }, { type: 7 as const, ip: '127.0.0.1' }] };

/** A self-signed server certificate for localhost / 127.0.0.1, generated at test time. */
export async function createTestCert(options: { expired?: boolean; ca?: TestCert; cn?: string } = {}): Promise<TestCert> {
  const now = Date.now();
  const dates = options.expired === true ? { notBeforeDate: new Date(now - 400 * DAY), notAfterDate: new Date(now - 30 * DAY) } : { notBeforeDate: new Date(now - DAY), notAfterDate: new Date(now + 30 * DAY) };
  const pems = await generate(options.cn === undefined ? SERVER_NAMES : [{ name: 'commonName', value: options.cn }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    ...dates,
    extensions: [SERVER_ALT],
    ...(options.ca === undefined ? {} : { ca: { key: options.ca.key, cert: options.ca.cert } }),
  });
  return toFiles(pems.cert, pems.private);
}

/** A CA certificate that can sign server and client certificates. */
export async function createTestCa(): Promise<TestCert> {
  const pems = await generate([{ name: 'commonName', value: 'Salvo Test CA' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - DAY),
    notAfterDate: new Date(Date.now() + 30 * DAY),
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true }],
  });
  return toFiles(pems.cert, pems.private);
}
