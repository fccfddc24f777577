import { SalvoError } from '../../shared/model/errors';

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/**
 * Splits a command line the way a POSIX shell would (no expansion): single quotes, double quotes
 * with `\` escapes, `$'...'` ANSI-C strings, backslash-newline continuations, `#` comments.
 * Windows `^` continuations (cmd.exe copies) are accepted at line ends too.
 */
export function shellWords(input: string): string[] {
  const text = input.replace(/\^\r?\n/g, '').replace(/\r\n/g, '\n');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '\n') i += 2;
      else if (next === undefined) i++;
      else {
        word += next;
        inWord = true;
        i += 2;
      }
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new SalvoError('invalid-input', 'unterminated single quote');
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '$' && text[i + 1] === "'") {
      i += 2;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\' && i + 1 < text.length) {
          const e = text[i + 1] as string;
          if (e === 'x' || e === 'u') {
            const m = (e === 'x' ? /^[0-9a-fA-F]{1,2}/ : /^[0-9a-fA-F]{1,4}/).exec(text.slice(i + 2));
            if (m) {
              word += String.fromCharCode(parseInt(m[0], 16));
              i += 2 + m[0].length;
              continue;
            }
          }
          word += ANSI_ESCAPES[e] ?? `\\${e}`;
          i += 2;
        } else {
          word += text[i];
          i++;
        }
      }
      if (i >= text.length) throw new SalvoError('invalid-input', "unterminated $'...' string");
      inWord = true;
      i++;
    } else if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1] as string)) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          i += 2;
        } else {
          word += text[i];
          i++;
        }
      }
      if (i >= text.length) throw new SalvoError('invalid-input', 'unterminated double quote');
      inWord = true;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === '#' && !inWord) {
      while (i < text.length && text[i] !== '\n') i++;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Quotes one word for a POSIX shell: bare when safe, else single quotes (`'` written as `'\''`). */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_./:@%+=,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
