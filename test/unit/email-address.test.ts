import { describe, expect, it } from 'vitest';
import {
  emailIn,
  firstNameFromAddress,
  isEmailAddress,
  parseAddressList,
  recipientFirstName,
} from '../../src/shared/email-address.ts';

describe('email addresses', () => {
  it('parses what a recipient field holds', () => {
    expect(
      parseAddressList('Jane Doe <Jane.Doe@Example.com>, "Doe, John" <john@y.org>; bob@z.net, not-an-address, <x@y>'),
    ).toEqual([
      { email: 'jane.doe@example.com', name: 'Jane Doe' },
      { email: 'john@y.org', name: 'Doe, John' },
      { email: 'bob@z.net' },
    ]);
    expect(parseAddressList('')).toEqual([]);
    expect(parseAddressList('jane@x.com <jane@x.com>')).toEqual([{ email: 'jane@x.com' }]);
  });

  it('finds an address inside a title or label', () => {
    expect(emailIn('Jordan Whitfield <Jordan@Morgan.example>')).toBe('jordan@morgan.example');
    expect(emailIn('Jordan Whitfield')).toBeNull();
    expect(isEmailAddress('a@b.co')).toBe(true);
    expect(isEmailAddress('a@b')).toBe(false);
    expect(isEmailAddress('a b@c.de')).toBe(false);
  });

  it('guesses a first name from an address only where it is clear', () => {
    expect(firstNameFromAddress('jane.doe@x.com')).toBe('Jane');
    expect(firstNameFromAddress('MARÍA_josé@x.es')).toBe('María');
    expect(firstNameFromAddress('jürgen-müller+news@x.de')).toBe('Jürgen');
    expect(firstNameFromAddress('jdoe@x.com')).toBeUndefined();
    expect(firstNameFromAddress('info@x.com')).toBeUndefined();
    expect(firstNameFromAddress('sales.team@x.com')).toBe('Sales');
    expect(firstNameFromAddress('j.doe@x.com')).toBeUndefined();
    expect(firstNameFromAddress('jane2.doe@x.com')).toBeUndefined();
  });

  it('greets by the display name first, then the address', () => {
    expect(recipientFirstName('Dr. Jordan Whitfield', 'x@y.com')).toBe('Jordan');
    expect(recipientFirstName('Whitfield, Jordan', 'x@y.com')).toBe('Jordan');
    expect(recipientFirstName('jane.doe@x.com', 'jane.doe@x.com')).toBe('Jane');
    expect(recipientFirstName(undefined, 'priya.natarajan@novare.example')).toBe('Priya');
    expect(recipientFirstName('  ', 'info@x.com')).toBeUndefined();
  });
});
