import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, renderTemplate } from '../../src/shared/template.ts';

describe('renderTemplate', () => {
  it('fills every known placeholder', () => {
    const body =
      '{{firstName}}|{{fullName}}|{{company}}|{{headline}}|{{myName}}|{{myCompany}}|{{product}}|{{signature}}|{{groupName}}';
    const result = renderTemplate(body, {
      firstName: 'Jordan',
      fullName: 'Jordan Whitfield',
      company: 'Morgan Mbeki',
      headline: 'Tech Lead',
      myName: 'Sam',
      myCompany: 'Acme',
      product: 'Widgets',
      signature: '— Sam',
      groupName: 'Frontend Folk',
    });
    expect(result).toEqual({
      text: 'Jordan|Jordan Whitfield|Morgan Mbeki|Tech Lead|Sam|Acme|Widgets|— Sam|Frontend Folk',
      unknown: [],
      missing: [],
    });
    expect(PLACEHOLDERS).toHaveLength(16);
  });

  it('leaves text without placeholders alone', () => {
    expect(renderTemplate('Hello there {not} {{ }} {{1abc}}', { firstName: 'X' })).toEqual({
      text: 'Hello there {not} {{ }} {{1abc}}',
      unknown: [],
      missing: [],
    });
  });

  it('reports unknown placeholders and leaves them exactly as typed', () => {
    const result = renderTemplate('Hi {{firstname}}, {{ frstName }} and {{firstName}}', { firstName: 'Jordan' });
    expect(result.text).toBe('Hi {{firstname}}, {{ frstName }} and Jordan');
    expect(result.unknown).toEqual(['firstname', 'frstName']);
    expect(result.missing).toEqual([]);
  });

  it('does not treat Object.prototype names as placeholders', () => {
    const result = renderTemplate('{{constructor}} {{toString}} {{hasOwnProperty}}', {});
    expect(result.text).toBe('{{constructor}} {{toString}} {{hasOwnProperty}}');
    expect(result.unknown).toEqual(['constructor', 'toString', 'hasOwnProperty']);
  });

  it('reports missing (absent, empty or blank) values and leaves them visible', () => {
    const result = renderTemplate('Hi {{firstName}}, from {{myName}} at {{myCompany}} ({{product}})', {
      firstName: '',
      myName: '   \n\t',
      product: 'Widgets',
    });
    expect(result.text).toBe('Hi {{firstName}}, from {{myName}} at {{myCompany}} (Widgets)');
    expect(result.missing).toEqual(['firstName', 'myName', 'myCompany']);
    expect(result.unknown).toEqual([]);
  });

  it('trims the values it inserts', () => {
    expect(renderTemplate('[{{firstName}}]', { firstName: '  Jordan \n' }).text).toBe('[Jordan]');
  });

  it('accepts whitespace inside the braces', () => {
    const result = renderTemplate('Hi {{ firstName }}, {{firstName  }}, {{\tmyName\n}}.', {
      firstName: 'Jo',
      myName: 'Sam',
    });
    expect(result).toEqual({ text: 'Hi Jo, Jo, Sam.', unknown: [], missing: [] });
  });

  it('reports a repeated placeholder once', () => {
    const result = renderTemplate('{{myName}} {{ myName }} {{myName}} {{typo}} {{typo}}', {});
    expect(result.missing).toEqual(['myName']);
    expect(result.unknown).toEqual(['typo']);
    expect(result.text).toBe('{{myName}} {{ myName }} {{myName}} {{typo}} {{typo}}');
  });

  it.each([
    ['$&', '$&'],
    ['$1 and $2', '$1 and $2'],
    ["$` before $' after", "$` before $' after"],
    ['$$', '$$'],
    ['{{firstName}}', '{{firstName}}'],
    ['{{myName}}', '{{myName}}'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('inserts the value %j literally, without re-expanding it', (value, expected) => {
    const result = renderTemplate('A {{company}} B {{myName}}', { company: value, myName: 'Sam' });
    expect(result.text).toBe(`A ${expected} B Sam`);
    expect(result.missing).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('does not expand a placeholder that a value puts next to braces', () => {
    // The value ends with "{" and the text after it starts with "{": still no second pass.
    const result = renderTemplate('{{company}}{myName}}', { company: 'X{', myName: 'Sam' });
    expect(result.text).toBe('X{{myName}}');
  });

  it('gives the same result when called twice (no regex state kept between calls)', () => {
    const first = renderTemplate('{{firstName}} {{firstName}}', { firstName: 'A' });
    const second = renderTemplate('{{firstName}} {{firstName}}', { firstName: 'A' });
    expect(second).toEqual(first);
    expect(first.text).toBe('A A');
  });
});
