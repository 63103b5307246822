import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, neutraliseFormula } from '@/utils/csv/cells';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['x\r', '"x\r"'],
    [42, '42'],
    [-7, '-7'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("https://evil.example","Click")', `"'=HYPERLINK(""https://evil.example"",""Click"")"`],
    ['+cmd|" /C calc"!A0', `"'+cmd|"" /C calc""!A0"`],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises %j so a spreadsheet shows it as text: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each(['-12.34', '-12,34', '-5', 'a=b', 'R-1', ' =1'])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('joins a record', () => {
    expect(csvRecord(['=1', 'Shop, Main', 3])).toBe(`'=1,"Shop, Main",3`);
  });
});
