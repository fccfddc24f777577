import type { FormatRequest } from './json-format';
import { formatJsonText } from './json-format';

// Parsing and pretty-printing big bodies here keeps the UI thread free.
self.onmessage = (event: MessageEvent<FormatRequest>) => {
  self.postMessage(formatJsonText(event.data));
};
