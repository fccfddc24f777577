import { useEffect, useMemo, useState } from 'react';
import { getBody } from '../../state/body-cache';
import { formatJson } from '../../workers/format-client';

/** The cached body text of a request, re-read whenever the store's body version changes. */
export function useBodyText(requestId: string, version: number): string {
  // The version is the dependency that signals the out-of-store text changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => getBody(requestId), [requestId, version]);
}

/** Pretty-printed (and optionally JSONPath-filtered) JSON, formatted in a worker when large; `error` when the filter failed. */
export function usePrettyJson(text: string, isJson: boolean, jsonPath = ''): { text: string; isFormatting: boolean; error: string | undefined } {
  const [pretty, setPretty] = useState<{ source: string; path: string; text: string; error: string | undefined } | undefined>(undefined);
  useEffect(() => {
    if (!isJson || text === '') return undefined;
    let isCurrent = true;
    void formatJson(text, 2, jsonPath.trim() === '' ? undefined : jsonPath).then((out) => {
      if (isCurrent) setPretty({ source: text, path: jsonPath, text: out.ok ? out.text : text, error: out.ok ? undefined : out.error });
    });
    return () => {
      isCurrent = false;
    };
  }, [text, isJson, jsonPath]);
  if (!isJson) return { text, isFormatting: false, error: undefined };
  if (pretty?.source === text && pretty.path === jsonPath) return { text: pretty.text, isFormatting: false, error: jsonPath.trim() === '' ? undefined : pretty.error };
  return { text, isFormatting: text !== '', error: undefined };
}
