import { useEffect, useMemo, useState } from 'react';
import { getBody } from '../../state/body-cache';
import { formatJson } from '../../workers/format-client';

/** The cached body text of a request, re-read whenever the store's body version changes. */
export function useBodyText(requestId: string, version: number): string {
  // The version is the dependency that signals the out-of-store text changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => getBody(requestId), [requestId, version]);
}

/** Pretty-printed JSON (formatted in a worker when large); the raw text until it is ready or when it is not JSON. */
export function usePrettyJson(text: string, isJson: boolean): { text: string; isFormatting: boolean } {
  const [pretty, setPretty] = useState<{ source: string; text: string } | undefined>(undefined);
  useEffect(() => {
    if (!isJson || text === '') return undefined;
    let isCurrent = true;
    void formatJson(text).then((out) => {
      if (isCurrent) setPretty({ source: text, text: out.ok ? out.text : text });
    });
    return () => {
      isCurrent = false;
    };
  }, [text, isJson]);
  if (!isJson) return { text, isFormatting: false };
  if (pretty?.source === text) return { text: pretty.text, isFormatting: false };
  return { text, isFormatting: text !== '' };
}
