import { assertNever } from '../../shared/model/errors';
import type { Extraction } from '../../shared/model/request';
import { asText, compile } from './assertions';
import { queryJsonPath } from './json-path';
import type { ResponseFacts } from './response-facts';

/** Values extracted from one response, and what could not be extracted (with why). */
export interface ExtractionOutcome {
  readonly values: ReadonlyMap<string, string>;
  readonly missing: ReadonlyArray<{ readonly variable: string; readonly reason: string }>;
}

/** Runs a request's extractions against its response. */
export function applyExtractions(extractions: readonly Extraction[], facts: ResponseFacts): ExtractionOutcome {
  const values = new Map<string, string>();
  const missing: Array<{ variable: string; reason: string }> = [];
  for (const extraction of extractions) {
    const got = extractOne(extraction, facts);
    if (got.ok) values.set(extraction.variable, got.value);
    else missing.push({ variable: extraction.variable, reason: got.reason });
  }
  return { values, missing };
}

function extractOne(e: Extraction, facts: ResponseFacts): { ok: true; value: string } | { ok: false; reason: string } {
  switch (e.from) {
    case 'status':
      return facts.status > 0 ? { ok: true, value: String(facts.status) } : { ok: false, reason: 'no response' };
    case 'header': {
      const value = facts.header(e.name);
      return value === undefined ? { ok: false, reason: `header ${e.name} absent` } : { ok: true, value };
    }
    case 'json': {
      const doc = facts.json();
      if (!doc.ok) return doc;
      const found = queryJsonPath(e.path, doc.value);
      if (!found.ok) return found;
      if (found.values.length === 0) return { ok: false, reason: `json path ${e.path} matched nothing` };
      return { ok: true, value: asText(found.values.length === 1 ? found.values[0] : found.values) };
    }
    case 'regex': {
      const re = compile(e.pattern);
      if (!re.ok) return re;
      const body = facts.bodyText();
      if (!body.ok) return body;
      const match = re.re.exec(body.text);
      if (match === null) return { ok: false, reason: `pattern /${e.pattern}/ did not match` };
      const value = match[e.group];
      return value === undefined ? { ok: false, reason: `pattern /${e.pattern}/ has no group ${e.group}` } : { ok: true, value };
    }
    default:
      return assertNever(e);
  }
}
