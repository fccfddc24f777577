import { z } from 'zod';

/** One row of a params / headers / form table: enable or disable per row, duplicates allowed. */
export const KeyValueSchema = z.object({
  name: z.string(),
  value: z.string(),
  enabled: z.boolean().default(true),
  description: z.string().optional(),
});
export type KeyValue = z.infer<typeof KeyValueSchema>;

export const MultipartFieldSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: z.string(), value: z.string(), enabled: z.boolean().default(true), contentType: z.string().optional() }),
  z.object({ kind: z.literal('file'), name: z.string(), path: z.string(), enabled: z.boolean().default(true), contentType: z.string().optional(), fileName: z.string().optional() }),
]);
export type MultipartField = z.infer<typeof MultipartFieldSchema>;

export const BodySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('json'), text: z.string() }),
  z.object({ mode: z.literal('text'), text: z.string(), contentType: z.string().optional() }),
  z.object({ mode: z.literal('xml'), text: z.string() }),
  z.object({ mode: z.literal('form'), fields: z.array(KeyValueSchema) }),
  z.object({ mode: z.literal('multipart'), fields: z.array(MultipartFieldSchema) }),
  z.object({ mode: z.literal('binary'), path: z.string(), contentType: z.string().optional() }),
]);
export type Body = z.infer<typeof BodySchema>;
export type BodyMode = Body['mode'];

export const AuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  /** Use the folder's / collection's auth. */
  z.object({ type: z.literal('inherit') }),
  z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string(), prefix: z.string().optional() }),
  z.object({ type: z.literal('apikey'), key: z.string(), value: z.string(), in: z.enum(['header', 'query']) }),
  z.object({ type: z.literal('digest'), username: z.string(), password: z.string() }),
]);
export type Auth = z.infer<typeof AuthSchema>;

/** Timeouts in milliseconds; `total` 0 or absent means no overall deadline. */
export const TimeoutsSchema = z.object({
  connect: z.number().int().min(0).max(3_600_000).default(10_000),
  headers: z.number().int().min(0).max(3_600_000).default(30_000),
  bodyIdle: z.number().int().min(0).max(3_600_000).default(30_000),
  total: z.number().int().min(0).max(86_400_000).default(0),
});
export type Timeouts = z.infer<typeof TimeoutsSchema>;

export const RequestOptionsSchema = z.object({
  timeouts: TimeoutsSchema.default({ connect: 10_000, headers: 30_000, bodyIdle: 30_000, total: 0 }),
  followRedirects: z.boolean().default(true),
  maxRedirects: z.number().int().min(0).max(100).default(10),
  verifyTls: z.boolean().default(true),
  caFile: z.string().optional(),
  clientCertFile: z.string().optional(),
  clientKeyFile: z.string().optional(),
  /** A PKCS#12 (.pfx/.p12) client identity, instead of a certificate + key pair. */
  clientPfxFile: z.string().optional(),
  /**
   * Runtime only: the passphrase of the client key or PFX, filled from the secret store by a
   * collection's certificate entry. Never written to files (the request format leaves it out).
   */
  clientPassphrase: z.string().max(1024).optional(),
  proxyUrl: z.string().optional(),
  http2: z.boolean().default(false),
  // No `allowExternalFiles` here: consent to read files outside a collection is the user's, kept in
  // the user-data folder, never in a request file a collection could ship with it. An old file's
  // `allowExternalFiles` is dropped when parsed (unknown keys are stripped) and never written back.
  /** Send cookies from the jar and store the response's Set-Cookie in it (off: neither). */
  useCookieJar: z.boolean().default(true),
  /** Decoded-body cap in bytes before the body spills to a temp file. */
  bodyCapBytes: z.number().int().min(1024).optional(),
});
export type RequestOptions = z.infer<typeof RequestOptionsSchema>;

export const AssertionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status-equals'), value: z.number().int() }),
  z.object({ type: z.literal('status-in-range'), min: z.number().int(), max: z.number().int() }),
  z.object({ type: z.literal('header-present'), name: z.string() }),
  z.object({ type: z.literal('header-equals'), name: z.string(), value: z.string() }),
  z.object({ type: z.literal('header-matches'), name: z.string(), pattern: z.string() }),
  z.object({ type: z.literal('json-exists'), path: z.string() }),
  z.object({ type: z.literal('json-equals'), path: z.string(), value: z.unknown() }),
  z.object({ type: z.literal('json-contains'), path: z.string(), value: z.unknown() }),
  z.object({ type: z.literal('json-matches'), path: z.string(), pattern: z.string() }),
  z.object({ type: z.literal('body-contains'), value: z.string() }),
  z.object({ type: z.literal('response-time-below'), ms: z.number() }),
  z.object({ type: z.literal('size-below'), bytes: z.number() }),
]);
export type Assertion = z.infer<typeof AssertionSchema>;

export const ExtractionSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('json'), variable: z.string().min(1), path: z.string() }),
  z.object({ from: z.literal('header'), variable: z.string().min(1), name: z.string() }),
  z.object({ from: z.literal('regex'), variable: z.string().min(1), pattern: z.string(), group: z.number().int().min(0).default(1) }),
  z.object({ from: z.literal('status'), variable: z.string().min(1) }),
]);
export type Extraction = z.infer<typeof ExtractionSchema>;

/** Everything needed to send one request (before variable resolution). */
export const RequestSpecSchema = z.object({
  /** Any HTTP token, custom methods included. */
  method: z.string().regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 'method must be an HTTP token'),
  url: z.string(),
  params: z.array(KeyValueSchema).default([]),
  headers: z.array(KeyValueSchema).default([]),
  body: BodySchema.default({ mode: 'none' }),
  auth: AuthSchema.default({ type: 'none' }),
  options: RequestOptionsSchema.default(RequestOptionsSchema.parse({})),
  /** Request-scope variables (narrower than folder, wider than data rows). */
  variables: z.array(KeyValueSchema).default([]),
  assertions: z.array(AssertionSchema).default([]),
  extractions: z.array(ExtractionSchema).default([]),
});
export type RequestSpec = z.infer<typeof RequestSpecSchema>;

/** A spec with every default filled in. */
export function newRequestSpec(partial: Partial<RequestSpec> & Pick<RequestSpec, 'url'>): RequestSpec {
  return RequestSpecSchema.parse({ method: 'GET', ...partial });
}
