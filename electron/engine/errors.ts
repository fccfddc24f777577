import type { ErrorInfo, TimeoutPhase } from '../../shared/model/errors';
import { SalvoError } from '../../shared/model/errors';

/** Where in an exchange an error happened: decides the wording and whether the body is incomplete. */
export type ExchangePhase = 'prepare' | 'connect' | 'request' | 'headers' | 'body';

const TIMEOUT_WORDS: Record<TimeoutPhase, string> = {
  connect: 'connecting to the server',
  headers: 'waiting for the response headers',
  body: 'waiting for more of the response body (idle)',
  total: 'the whole request (total deadline)',
};

/** A timeout error naming its phase and the limit that was hit. */
export function timeoutError(phase: TimeoutPhase, ms: number): SalvoError {
  return new SalvoError('timeout', `Timed out after ${ms} ms ${TIMEOUT_WORDS[phase]}`, { phase, ms });
}

/** The error a cancelled request ends with. */
export function cancelledError(): SalvoError {
  return new SalvoError('cancelled', 'The request was cancelled');
}

const TLS_PROBLEMS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain contains a self-signed certificate',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not yet valid',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate issuer is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate issuer is not trusted',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate issuer is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not match the host name',
  CERT_REVOKED: 'the certificate was revoked',
  CERT_SIGNATURE_FAILURE: 'the certificate signature is invalid',
};

/** Human wording of an OpenSSL / Node certificate verification code. */
export function describeTlsProblem(code: string): string {
  return TLS_PROBLEMS[code] ?? `certificate verification failed (${code})`;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE']);

function codeOf(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  return codeOf((err as { cause?: unknown }).cause);
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function resetInfo(phase: ExchangePhase, raw: string): ErrorInfo {
  const what = phase === 'body' ? 'The connection closed before the response body was complete' : 'The server closed or reset the connection before responding';
  return { kind: 'connection-reset', message: `${what} (${raw})` };
}

function isTlsCode(code: string): boolean {
  return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code in TLS_PROBLEMS || code.startsWith('CERT_') || code.startsWith('UNABLE_TO_');
}

/**
 * Maps anything an exchange can throw (undici codes, Node socket codes, llhttp parser codes,
 * our own SalvoErrors) to the closed ErrorKind set, once, with a human message.
 */
export function mapError(err: unknown, phase: ExchangePhase): ErrorInfo {
  if (err instanceof SalvoError) return err.info;
  const code = codeOf(err);
  const raw = messageOf(err);
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || (code === 'ETIMEDOUT' && phase === 'connect')) return { kind: 'timeout', message: `Timed out ${TIMEOUT_WORDS.connect}`, detail: { phase: 'connect' } };
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return { kind: 'timeout', message: `Timed out ${TIMEOUT_WORDS.headers}`, detail: { phase: 'headers' } };
  if (code === 'UND_ERR_BODY_TIMEOUT') return { kind: 'timeout', message: `Timed out ${TIMEOUT_WORDS.body}`, detail: { phase: 'body' } };
  if (code === 'ECONNREFUSED') return { kind: 'connection-refused', message: `Connection refused: nothing is listening there (${raw})` };
  if (DNS_CODES.has(code)) return { kind: 'dns', message: `Could not resolve the host name (${code})` };
  if (RESET_CODES.has(code)) return resetInfo(phase, raw);
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') return cancelledError().info;
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return { kind: 'protocol', message: 'The response headers are larger than the allowed maximum' };
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return { kind: 'protocol', message: 'The response body does not match its Content-Length' };
  if (code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH') return { kind: 'io', message: 'The request body changed size while it was being sent' };
  if (code.startsWith('HPE_') || (err instanceof Error && err.name === 'HTTPParserError')) return { kind: 'protocol', message: `Malformed HTTP response: ${raw}`, detail: { code } };
  if (code.startsWith('ERR_HTTP2_')) return { kind: 'protocol', message: `HTTP/2 error: ${raw}`, detail: { code } };
  if (isTlsCode(code)) return { kind: 'tls', message: `TLS error: ${describeTlsProblem(code)} (${raw})`, detail: { code } };
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_ARG_TYPE' || code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') return { kind: 'invalid-input', message: `Invalid request: ${raw}` };
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') return { kind: 'io', message: `Could not read a request file: ${raw}` };
  if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__')) return { kind: 'decompression', message: `The body could not be decoded: ${raw}` };
  if (code === 'UND_ERR_INFO' || code === 'UND_ERR_RESPONSE') return { kind: 'protocol', message: raw };
  return { kind: 'internal', message: raw === '' ? 'Unexpected error' : raw, ...(code === '' ? {} : { detail: { code } }) };
}
