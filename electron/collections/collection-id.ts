import { randomUUID } from 'node:crypto';
import { CollectionSettingsSchema } from '../../shared/model/collection';
import { COLLECTION_FILE } from './format';
import { parseYamlFile } from './yaml-io';

/** A fresh collection id (a random UUID: two collections never share one unless copied). */
export function newCollectionId(): string {
  return randomUUID();
}

/**
 * salvo.yaml text with `id: <id>` added as one line right after `formatVersion` (or after `name`,
 * or at the end), so the rest of a hand-written file — comments, quoting, key order — stays as it
 * was and the diff is that one line. Undefined when the result would not parse to the same
 * settings plus the id (the caller then writes the normalised file instead).
 */
export function insertIdLine(text: string, id: string): string | undefined {
  const before = parseYamlFile(COLLECTION_FILE, text, CollectionSettingsSchema);
  if (!before.ok || before.value.id !== undefined) return undefined;
  const line = `id: ${id}\n`;
  const anchor = /^formatVersion:[^\n]*\n/m.exec(text) ?? /^name:[^\n]*\n/m.exec(text);
  const next = anchor === null ? `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}` : text.slice(0, anchor.index + anchor[0].length) + line + text.slice(anchor.index + anchor[0].length);
  const after = parseYamlFile(COLLECTION_FILE, next, CollectionSettingsSchema);
  if (!after.ok || after.value.id !== id) return undefined;
  return JSON.stringify({ ...after.value, id: undefined }) === JSON.stringify({ ...before.value, id: undefined }) ? next : undefined;
}
