import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { SalvoError } from '../../shared/model/errors';
import type { Body } from '../../shared/model/request';

/** A request body that can be produced again (307/308 redirects and digest retries resend it). */
export interface PreparedBody {
  readonly contentType: string | undefined;
  readonly length: number;
  /** A fresh body for undici each time it is sent. */
  open(): Buffer | Readable | null;
}

const NO_BODY: PreparedBody = { contentType: undefined, length: 0, open: () => null };

function textBody(text: string, contentType: string): PreparedBody {
  const bytes = Buffer.from(text, 'utf8');
  return { contentType, length: bytes.length, open: () => bytes };
}

async function fileSize(path: string, what: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new SalvoError('io', `The ${what} ${path} is not a file`);
    return info.size;
  } catch (err) {
    if (err instanceof SalvoError) throw err;
    throw new SalvoError('io', `Could not read the ${what} ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Quotes a multipart parameter value (RFC 7578: escape quotes and line breaks). */
function quote(value: string): string {
  return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

type Part = { readonly head: Buffer; readonly data: Buffer } | { readonly head: Buffer; readonly path: string; readonly size: number };

async function multipartBody(fields: Extract<Body, { mode: 'multipart' }>['fields']): Promise<PreparedBody> {
  const boundary = `----salvo${randomBytes(12).toString('hex')}`;
  const parts: Part[] = [];
  for (const field of fields) {
    if (!field.enabled) continue;
    if (field.kind === 'text') {
      const type = field.contentType === undefined ? '' : `Content-Type: ${field.contentType}\r\n`;
      parts.push({ head: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quote(field.name)}\r\n${type}\r\n`), data: Buffer.from(field.value, 'utf8') });
    } else {
      const size = await fileSize(field.path, 'multipart file');
      const name = field.fileName ?? basename(field.path);
      const type = field.contentType ?? 'application/octet-stream';
      parts.push({ head: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quote(field.name)}; filename=${quote(name)}\r\nContent-Type: ${type}\r\n\r\n`), path: field.path, size });
    }
  }
  const crlf = Buffer.from('\r\n');
  const tail = Buffer.from(`--${boundary}--\r\n`);
  let length = tail.length;
  for (const part of parts) length += part.head.length + ('data' in part ? part.data.length : part.size) + crlf.length;
  async function* generate(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      yield part.head;
      if ('data' in part) yield part.data;
      else for await (const chunk of createReadStream(part.path)) yield chunk as Buffer;
      yield crlf;
    }
    yield tail;
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, length, open: () => Readable.from(generate(), { objectMode: false }) };
}

function formBody(fields: Extract<Body, { mode: 'form' }>['fields']): PreparedBody {
  const params = new URLSearchParams();
  for (const f of fields) if (f.enabled) params.append(f.name, f.value);
  return textBody(params.toString(), 'application/x-www-form-urlencoded');
}

/** The body when it needs no file system access (no body, text, form); undefined for multipart and binary. */
export function prepareBodyNow(body: Body): PreparedBody | undefined {
  switch (body.mode) {
    case 'none':
      return NO_BODY;
    case 'json':
      return textBody(body.text, 'application/json');
    case 'text':
      return textBody(body.text, body.contentType ?? 'text/plain; charset=utf-8');
    case 'xml':
      return textBody(body.text, 'application/xml');
    case 'form':
      return formBody(body.fields);
    case 'multipart':
    case 'binary':
      return undefined;
  }
}

/** Turns a resolved body spec into bytes or a file stream with a known length. */
export async function prepareBody(body: Body): Promise<PreparedBody> {
  switch (body.mode) {
    case 'none':
    case 'json':
    case 'text':
    case 'xml':
    case 'form':
      return prepareBodyNow(body) ?? NO_BODY;
    case 'multipart':
      return multipartBody(body.fields);
    case 'binary': {
      const size = await fileSize(body.path, 'body file');
      const path = body.path;
      return { contentType: body.contentType ?? 'application/octet-stream', length: size, open: () => createReadStream(path) };
    }
  }
}
