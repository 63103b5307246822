/**
 * A strict RFC 4180 tokenizer (comma, double quotes, CR/LF/CRLF) that reports the physical line each record starts
 * on. Strict because a settlement file that is not well-formed must be reported, not guessed at: a quote inside an
 * unquoted field, text after a closing quote and an unclosed quote are errors; the tokenizer then resumes at the next
 * line, so one bad record never costs the rest of the file.
 *
 * A record is handed over as positions in the text, not as strings: the parser reads dates and amounts in place and
 * makes strings only of the fields it keeps. Only a field with doubled quotes needs a string of its own.
 */
export class CsvRecord {
  count = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** The value of a field with doubled quotes (its text is not one range of `text`); null for every other field. */
  readonly unescaped: (string | null)[] = [];
  constructor(readonly text: string) {}

  field(i: number): string {
    return this.unescaped[i] ?? this.text.slice(this.starts[i], this.ends[i]);
  }

  /** Whether field `i` is empty or only white space. */
  blank(i: number): boolean {
    const value = this.unescaped[i];
    if (value != null) return value.trim() === '';
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    if (start === end) return true;
    // Most fields start with a printable ASCII character: not blank, and no string needed to know it.
    const first = this.text.charCodeAt(start);
    return first > 32 && first < 127 ? false : this.text.slice(start, end).trim() === '';
  }

  add(start: number, end: number, unescaped: string | null): void {
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.unescaped[i] = unescaped;
  }
}

export interface CsvSink {
  /** `record` is reused for the next record (one per file, not per row): copy what you keep. */
  record(record: CsvRecord, line: number): void;
  error(line: number, message: string): void;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

export function tokenizeCsv(text: string, sink: CsvSink): void {
  const length = text.length;
  const record = new CsvRecord(text);
  let pos = 0;
  let line = 1;
  // The next CR and LF at or after the scan position: a quoted field holds a line break only when one comes before
  // its closing quote, so fields are never scanned character by character for them.
  let nextCr = -1;
  let nextLf = -1;
  const after = (found: number): number => (found === -1 ? length : found);
  const nextBreak = (from: number): number => {
    if (nextCr < from) nextCr = after(text.indexOf('\r', from));
    if (nextLf < from) nextLf = after(text.indexOf('\n', from));
    return nextCr < nextLf ? nextCr : nextLf;
  };
  /** Line breaks (CR, LF or CRLF) in text[start, end). */
  const countBreaks = (start: number, end: number): number => {
    let breaks = 0;
    for (let at = nextBreak(start); at < end; at = nextBreak(at + 1)) {
      breaks++;
      if (text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF && at + 1 < end) at++;
    }
    return breaks;
  };
  const skipLine = (): void => {
    pos = Math.min(nextBreak(pos), length);
  };

  while (pos < length) {
    const first = text.charCodeAt(pos);
    if (first === CR || first === LF) {
      pos += first === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    record.count = 0;
    let problem: string | undefined;

    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        const start = pos + 1;
        let segment = start;
        let close = text.indexOf('"', segment);
        let value: string | null = null;
        while (close !== -1 && text.charCodeAt(close + 1) === QUOTE) {
          value = (value ?? '') + text.slice(segment, close + 1);
          segment = close + 2;
          close = text.indexOf('"', segment);
        }
        if (close === -1) {
          problem = 'A quoted field is never closed: a double quote is missing.';
          line += countBreaks(start, length);
          pos = length;
          break;
        }
        if (value !== null) value += text.slice(segment, close);
        if (nextBreak(start) < close) line += countBreaks(start, close);
        record.add(start, close, value);
        pos = close + 1;
        const next = text.charCodeAt(pos);
        if (next === COMMA) {
          pos++;
          if (pos === length) record.add(pos, pos, null);
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
      record.add(pos, end, null);
      pos = end;
      if (end < length && c === COMMA) {
        pos++;
        if (pos === length) record.add(pos, pos, null);
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
    else sink.record(record, recordLine);
  }
}
