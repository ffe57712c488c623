import { describe, expect, it } from 'vitest';
import { cleanText, firstNameOf } from '../../src/shared/names.ts';

describe('cleanText', () => {
  it('collapses runs of whitespace and trims', () => {
    expect(cleanText('  Jordan   Whitfield \n\t ')).toBe('Jordan Whitfield');
    expect(cleanText('a\u00A0\u00A0b')).toBe('a b'); // no-break spaces
    expect(cleanText('a\u2003b\u3000c')).toBe('a b c'); // em space, ideographic space
    expect(cleanText('\n\n')).toBe('');
    expect(cleanText('')).toBe('');
  });

  it('removes zero-width characters', () => {
    expect(cleanText('Jor\u200Bdan')).toBe('Jordan');
    expect(cleanText('\uFEFFJordan\u200C\u200D')).toBe('Jordan');
  });

  it('removes bidi marks, embeddings and isolates', () => {
    expect(cleanText('\u200FJordan\u200E')).toBe('Jordan');
    expect(cleanText('\u202BJordan\u202C \u202AWhitfield\u202E')).toBe('Jordan Whitfield');
    expect(cleanText('\u2067Jordan\u2069 \u2066Whitfield\u2068')).toBe('Jordan Whitfield');
  });

  it('keeps a space that only bidi marks separate', () => {
    expect(cleanText('Jordan \u200F \u200E Whitfield')).toBe('Jordan Whitfield');
  });

  it('keeps every other character as written', () => {
    expect(cleanText('María José Ñúñez-O’Brien')).toBe('María José Ñúñez-O’Brien');
    expect(cleanText('محمد علي')).toBe('محمد علي');
  });
});

describe('firstNameOf', () => {
  it.each([
    ['Jordan Whitfield', 'Jordan'],
    ['Jordan', 'Jordan'],
    ['  Jordan   Whitfield  ', 'Jordan'],
    ['María José García', 'María'],
    ['jordan whitfield', 'jordan'], // case kept as written
    ['Dr. Jane Roe', 'Jane'],
    ['dr jane roe', 'jane'],
    ['DR. Jane Roe', 'Jane'],
    ['Prof. Dr. Jürgen Groß', 'Jürgen'],
    ['Mr Sam Carter', 'Sam'],
    ['Mrs. Ada Lovelace', 'Ada'],
    ['Ms Lee', 'Lee'],
    ['Mx. Robin Park', 'Robin'],
    ['\u200BDr.\u200F Jane\u200E Roe', 'Jane'],
    ['\u202BJordan\u202C Whitfield', 'Jordan'],
    ['Drew Barrymore', 'Drew'], // starts like an honorific but is not one
    ['Mrs.Jones', 'Mrs.Jones'],
  ])('%j → %j', (fullName, expected) => {
    expect(firstNameOf(fullName)).toBe(expected);
  });

  it('falls back to the honorific when there is nothing else', () => {
    expect(firstNameOf('Dr.')).toBe('Dr.');
    expect(firstNameOf('Dr. Prof.')).toBe('Dr.');
  });

  it('returns an empty string for empty or invisible input', () => {
    expect(firstNameOf('')).toBe('');
    expect(firstNameOf('   ')).toBe('');
    expect(firstNameOf('\u200B\u200F\uFEFF')).toBe('');
  });
});
