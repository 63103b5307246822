/**
 * A strict RFC 4180 tokenizer (comma, double quotes, CR/LF/CRLF) that reports the physical line each record starts
 * on. Strict because a settlement file that is not well-formed must be reported, not guessed at: a quote inside an
 * unquoted field, text after a closing quote and an unclosed quote are errors; the tokenizer then resumes at the next
 * line, so one bad record never costs the rest of the file.
 */
export interface CsvSink {
  /** `fields` is reused for the next record (one array per file, not per row): copy what you keep. */
  record(fields: string[], line: number): void;
  error(line: number, message: string): void;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Line breaks (CR, LF or CRLF) in text[start, end). */
function countLineBreaks(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR) {
      breaks++;
      if (i + 1 < end && text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return breaks;
}

export function tokenizeCsv(text: string, sink: CsvSink): void {
  const length = text.length;
  let pos = 0;
  let line = 1;
  const fields: string[] = [];

  /** Moves past the rest of the physical line (after a malformed field) and its line break. */
  const skipLine = (): void => {
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === CR || c === LF) break;
      pos++;
    }
  };

  while (pos < length) {
    const first = text.charCodeAt(pos);
    if (first === CR || first === LF) {
      pos += first === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    fields.length = 0;
    let problem: string | undefined;

    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let start = pos + 1;
        for (;;) {
          const close = text.indexOf('"', start);
          if (close === -1) {
            problem = 'A quoted field is never closed: a double quote is missing.';
            line += countLineBreaks(text, start, length);
            pos = length;
            break;
          }
          const chunk = text.slice(start, close);
          line += countLineBreaks(text, start, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += chunk + '"';
            start = close + 2;
            continue;
          }
          value += chunk;
          pos = close + 1;
          break;
        }
        if (problem) break;
        fields.push(value);
        const next = text.charCodeAt(pos);
        if (next === COMMA) {
          pos++;
          if (pos === length) fields.push('');
          continue;
        }
        if (pos < length && next !== CR && next !== LF) {
          problem = 'Text follows a closing double quote; quotes inside a field must be doubled.';
          skipLine();
        }
        break;
      }

      let end = pos;
      let c = 0;
      while (end < length) {
        c = text.charCodeAt(end);
        if (c === COMMA || c === CR || c === LF) break;
        if (c === QUOTE) {
          problem = 'A double quote appears inside an unquoted field.';
          break;
        }
        end++;
      }
      if (problem) {
        pos = end;
        skipLine();
        break;
      }
      fields.push(text.slice(pos, end));
      pos = end;
      if (end < length && c === COMMA) {
        pos++;
        if (pos === length) fields.push('');
        continue;
      }
      break;
    }

    if (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === CR) {
        pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
      } else if (c === LF) {
        pos++;
        line++;
      }
    }
    if (problem) sink.error(recordLine, problem);
    else sink.record(fields, recordLine);
  }
}
