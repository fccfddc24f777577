/** A fresh random id (Web Crypto is available in browsers, Electron renderers and jsdom). */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
