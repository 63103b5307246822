/**
 * Writes a Windows-1252 file field by field into one growing byte buffer, so a large export never holds its lines
 * as strings (a busy month is some 200 000 lines: building them as text and encoding afterwards spent most of its
 * time collecting garbage). Text must be prepared by `toWindows1252Text`; anything else is a programming error.
 */
import { byteOf } from './windows-1252';

const QUOTE = 0x22;

export class Windows1252Writer {
  private bytes: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(capacity, 64));
  }

  private room(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** A character outside ASCII and Latin-1 (callers write those bytes inline: this runs for one line in many). */
  private putHigh(code: number): void {
    const byte = byteOf(code);
    if (byte === undefined) throw new RangeError(`Not encodable in Windows-1252: U+${code.toString(16)}`);
    this.bytes[this.length++] = byte;
  }

  /** Text as it is, unquoted. */
  text(value: string): this {
    this.room(value.length);
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) this.bytes[this.length++] = code;
      else this.putHigh(code);
    }
    return this;
  }

  /** Text in double quotes, quotes inside doubled. */
  quoted(value: string): this {
    this.room(value.length * 2 + 2);
    this.bytes[this.length++] = QUOTE;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code === QUOTE) this.bytes[this.length++] = QUOTE;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) this.bytes[this.length++] = code;
      else this.putHigh(code);
    }
    this.bytes[this.length++] = QUOTE;
    return this;
  }

  /** Bytes written once and reused, such as a run of separators. */
  raw(chunk: Uint8Array): this {
    this.room(chunk.length);
    // Line-sized pieces copy faster by hand than through set() or copyWithin().
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < chunk.length; i++) bytes[at++] = chunk[i]!;
    this.length = at;
    return this;
  }

  /** A non-negative integer amount in minor units with `decimals` digits after `separator`, e.g. 5 → `0,05`. */
  decimal(minor: number, decimals: number, separator: string): this {
    if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Not a non-negative amount: ${minor}`);
    const digits = String(minor).padStart(decimals + 1, '0');
    const whole = digits.length - decimals;
    this.room(digits.length + 1);
    for (let i = 0; i < whole; i++) this.bytes[this.length++] = digits.charCodeAt(i);
    if (decimals > 0) {
      this.bytes[this.length++] = separator.charCodeAt(0);
      for (let i = whole; i < digits.length; i++) this.bytes[this.length++] = digits.charCodeAt(i);
    }
    return this;
  }

  /** How many bytes are written; with `repeat`, marks a piece to write again. */
  get position(): number {
    return this.length;
  }

  /** Writes again the bytes from `start` to `end` (positions taken earlier). */
  repeat(start: number, end: number): this {
    this.room(end - start);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = start; i < end; i++) bytes[at++] = bytes[i]!;
    this.length = at;
    return this;
  }

  /** The bytes written so far: a view when the buffer is nearly full (copying a large file costs), else a copy. */
  result(): Uint8Array {
    const unused = this.bytes.length - this.length;
    return unused <= this.bytes.length / 8 ? this.bytes.subarray(0, this.length) : this.bytes.slice(0, this.length);
  }
}
