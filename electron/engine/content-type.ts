/** How a body should be shown: its media type, the charset for text, or binary. */
export interface ContentFacts {
  readonly contentType: string;
  readonly charset: string | undefined;
  readonly isBinary: boolean;
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|x-ndjson|ndjson|problem\+json|ld\+json)\b)|\+(json|xml|yaml)\b/i;

/** Labels TextDecoder knows under another name, and the charsets JSON implies. */
function normaliseCharset(label: string): string | undefined {
  const lower = label.trim().replace(/^"|"$/g, '').toLowerCase();
  if (lower === '') return undefined;
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return undefined;
  }
}

function looksLikeText(sample: Uint8Array): boolean {
  if (sample.length === 0) return true;
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, Math.max(0, sample.length - 4)));
    return true;
  } catch {
    return false;
  }
}

/** Facts of the Content-Types seen recently: a run sees the same few values over and over. */
const known = new Map<string, ContentFacts>();
const KNOWN_MAX = 256;

/** Decides text vs binary from Content-Type, sniffing the first bytes when there is none. */
export function contentFacts(contentType: string, sample: Uint8Array): ContentFacts {
  const cached = known.get(contentType);
  if (cached !== undefined) return cached;
  const [mediaRaw = '', ...params] = contentType.split(';');
  const media = mediaRaw.trim().toLowerCase();
  let charset: string | undefined;
  for (const p of params) {
    const [k, v] = p.split('=');
    if (k?.trim().toLowerCase() === 'charset' && v !== undefined) charset = normaliseCharset(v);
  }
  if (media === '') {
    // Sniffed from this body's bytes: not cached.
    const text = looksLikeText(sample);
    return { contentType, charset: text ? (charset ?? 'utf-8') : undefined, isBinary: !text };
  }
  const isText = TEXT_TYPES.test(media) || media === 'image/svg+xml';
  const facts = !isText && charset === undefined ? { contentType, charset: undefined, isBinary: true } : { contentType, charset: charset ?? 'utf-8', isBinary: false };
  // The facts depend on the header value alone; keep a bounded set (cleared, not evicted one by one).
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(contentType, facts);
  return facts;
}
