import { describe, expect, it } from 'vitest';
import { formatCell, number, text, writeCsv } from '../../../utils/csv/write';

const COMMA = { delimiter: ',', lineEnd: '\r\n' } as const;

describe('CSV writer', () => {
  it('quotes text with the delimiter, quotes or line breaks, doubling quotes; quotes everything when asked', () => {
    expect(formatCell(text('a,b'), COMMA)).toBe('"a,b"');
    expect(formatCell(text('say "hi"'), COMMA)).toBe('"say ""hi"""');
    expect(formatCell(text('two\nlines'), COMMA)).toBe('"two\nlines"');
    expect(formatCell(text('a;b'), COMMA)).toBe('a;b');
    expect(formatCell(text('x'), { ...COMMA, quoteAllText: true })).toBe('"x"');
    expect(formatCell(text('=1+1'), COMMA)).toBe("'=1+1");
    expect(formatCell(text('@x;y'), { ...COMMA, delimiter: ';' })).toBe('"\'@x;y"');
  });

  it('writes negative numbers as numbers and refuses a number cell that is not one', () => {
    expect(formatCell(number('-12.34'), COMMA)).toBe('-12.34');
    expect(formatCell(number('-12,34'), { ...COMMA, delimiter: ';' })).toBe('-12,34');
    expect(() => formatCell(number('=1+1'), COMMA)).toThrow(/Not a plain number/);
    expect(() => formatCell(number('1e5'), COMMA)).toThrow(/Not a plain number/);
  });

  it('ends every line, the last included', () => {
    expect(
      writeCsv(
        [
          [text('a'), number('1')],
          [text('b'), number('-2')],
        ],
        COMMA,
      ),
    ).toBe('a,1\r\nb,-2\r\n');
  });
});
