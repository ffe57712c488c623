import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/shared/model.ts';
import {
  companyKey,
  emailCompanyKey,
  emailKey,
  findSamePeople,
  linkedinKey,
  matchPeople,
  mergedContact,
  nameKeys,
  pairKey,
  survivorOf,
} from '../../src/shared/same-person.ts';

function contact(id: string, fields: Partial<Contact>): Contact {
  return { id, fullName: 'Jordan Lee', firstName: 'Jordan', createdAt: 1, updatedAt: 1, ...fields };
}

describe('identifiers written alike', () => {
  it('reads one profile from every way its URL is written', () => {
    const key = 'linkedin.com/in/jordan-lee';
    for (const url of [
      'https://www.linkedin.com/in/jordan-lee/',
      'https://www.linkedin.com/in/jordan-lee',
      'http://linkedin.com/in/Jordan-Lee/',
      'https://de.linkedin.com/in/jordan-lee/de/',
      'https://www.linkedin.com/in/jordan-lee/?originalSubdomain=de',
      'www.linkedin.com/in/JORDAN-LEE#experience',
      '  https://WWW.LINKEDIN.COM/in/jordan-lee/en  ',
    ])
      expect(linkedinKey(url), url).toBe(key);
    expect(linkedinKey('https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/')).toBe(
      linkedinKey('https://www.linkedin.com/in/Jürgen-Müller'),
    );
    expect(linkedinKey('https://www.linkedin.com/company/acme/')).toBeUndefined();
    expect(linkedinKey('https://example.com/in/jordan-lee')).toBeUndefined();
    expect(linkedinKey(undefined)).toBeUndefined();
  });

  it('reads an address in any case, without mailto', () => {
    expect(emailKey('Jordan.Lee@ACME.com')).toBe('jordan.lee@acme.com');
    expect(emailKey(' mailto:JORDAN@acme.COM ')).toBe('jordan@acme.com');
    expect(emailKey('not an address')).toBeUndefined();
  });
});

describe('names and companies written alike', () => {
  it('folds umlauts, accents, order, honorifics and initials', () => {
    const shared = (a: string, b: string) => nameKeys(a).some((key) => nameKeys(b).includes(key));
    expect(shared('Jordan Lee', 'Lee, Jordan')).toBe(true);
    expect(shared('Jürgen Müller', 'Juergen Mueller')).toBe(true);
    expect(shared('Jürgen Müller', 'Jurgen Muller')).toBe(true);
    expect(shared('José Álvarez', 'Jose Alvarez')).toBe(true);
    expect(shared('Dr. Jordan A. Lee, MBA', 'Jordan Lee')).toBe(true);
    expect(shared('Jordan Lee (he/him)', 'JORDAN LEE')).toBe(true);
    expect(shared('Jordan Lee', 'Jordan Leem')).toBe(false);
    expect(shared('Jordan Lee', 'Jordan Park')).toBe(false);
    // One word or an address is no name to go by.
    expect(nameKeys('Jordan')).toEqual([]);
    expect(nameKeys('jordan@acme.com')).toEqual([]);
  });

  it('drops legal forms from company names and reads the company of a work address', () => {
    expect(companyKey('ACME Robotics GmbH & Co. KG')).toBe('acmerobotics');
    expect(companyKey('Acme Robotics, Inc.')).toBe('acmerobotics');
    expect(companyKey('Acme Robotics Ltd')).toBe('acmerobotics');
    expect(companyKey('Müller AG')).toBe('mueller');
    expect(emailCompanyKey('j.lee@mail.acme-robotics.co.uk')).toBe('acmerobotics');
    expect(emailCompanyKey('jordan@Acme.com')).toBe('acme');
    expect(emailCompanyKey('jordan.lee@gmail.com')).toBeUndefined();
    expect(emailCompanyKey('jordan.lee@web.de')).toBeUndefined();
  });
});

describe('matchPeople: same, likely or not', () => {
  const linkedin = contact('li', {
    linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/',
    company: 'Acme Robotics Inc.',
    relationship: 'customer',
  });

  it('merges on a shared identifier, written however', () => {
    expect(
      matchPeople(linkedin, contact('x', { fullName: 'J.', linkedinUrl: 'https://de.linkedin.com/in/Jordan-Lee/de/' })),
    ).toEqual({
      kind: 'same',
      reason: 'linkedin',
    });
    expect(
      matchPeople(
        contact('a', { email: 'Jordan@Acme.com' }),
        contact('b', { fullName: 'Someone', email: 'jordan@acme.com' }),
      ),
    ).toEqual({
      kind: 'same',
      reason: 'email',
    });
    // A shared mailbox: the same address under two people's names is only a question.
    expect(
      matchPeople(
        contact('a', { email: 'team@acme.com' }),
        contact('b', { fullName: 'Sam Roe', email: 'team@acme.com' }),
      ),
    ).toEqual({
      kind: 'likely',
      reason: 'email',
    });
    // A merged contact's other addresses count too.
    expect(
      matchPeople(
        contact('a', { email: 'j@home.net', otherEmails: ['jordan@acme.com'] }),
        contact('b', { email: 'JORDAN@acme.com' }),
      ),
    ).toEqual({
      kind: 'same',
      reason: 'email',
    });
  });

  it('asks when the name and the company (or the mail domain) agree', () => {
    expect(matchPeople(linkedin, contact('g', { fullName: 'Lee, Jordan', email: 'jordan@acme-robotics.com' }))).toEqual(
      {
        kind: 'likely',
        reason: 'name-email-domain',
      },
    );
    expect(matchPeople(linkedin, contact('g', { company: 'ACME Robotics GmbH' }))).toEqual({
      kind: 'likely',
      reason: 'name-company',
    });
    expect(matchPeople(contact('a', { email: 'jordan@acme.com' }), contact('b', { email: 'j.lee@acme.com' }))).toEqual({
      kind: 'likely',
      reason: 'name-company',
    });
    // One from LinkedIn, one from a free mailbox, nothing else known: the name alone is worth a question.
    expect(matchPeople(linkedin, contact('g', { email: 'jordan.lee@gmail.com' }))).toEqual({
      kind: 'likely',
      reason: 'name-only',
    });
  });

  it('does not match namesakes, two profiles, or two unknown-channel records', () => {
    expect(matchPeople(linkedin, contact('g', { email: 'jordan@globex.com' }))).toBeUndefined();
    expect(matchPeople(linkedin, contact('g', { company: 'Globex' }))).toBeUndefined();
    expect(
      matchPeople(
        linkedin,
        contact('x', { linkedinUrl: 'https://www.linkedin.com/in/jordan-lee-2/', company: 'Acme Robotics' }),
      ),
    ).toBeUndefined();
    // Two profiles differ even when an address matches: one person has one profile.
    expect(
      matchPeople(
        contact('a', { linkedinUrl: 'https://www.linkedin.com/in/a/', email: 'x@acme.com' }),
        contact('b', { linkedinUrl: 'https://www.linkedin.com/in/b/', email: 'x@acme.com' }),
      ),
    ).toBeUndefined();
    expect(matchPeople(contact('a', { email: 'a@gmail.com' }), contact('b', { email: 'b@gmail.com' }))).toBeUndefined();
    expect(matchPeople(linkedin, contact('g', { fullName: 'Jordan Park', company: 'Acme Robotics' }))).toBeUndefined();
  });
});

describe('findSamePeople', () => {
  it('lists each pair once, and never a pair the user refused', () => {
    const a = contact('a', { linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/', company: 'Acme' });
    const b = contact('b', { fullName: 'Lee, Jordan', email: 'jordan@acme.com' });
    const c = contact('c', { fullName: 'Sam Roe', email: 'SAM@x.org' });
    const d = contact('d', { fullName: 'Roe, Sam', email: 'sam@x.org' });
    const pairs = findSamePeople([a, b, c, d]);
    expect(pairs.map((pair) => [pairKey(pair.a.id, pair.b.id), pair.match.kind]).sort()).toEqual([
      ['a|b', 'likely'],
      ['c|d', 'same'],
    ]);
    expect(findSamePeople([a, b, c, d], new Set([pairKey('b', 'a')])).map((pair) => pair.a.id)).toEqual(['c']);
  });
});

describe('mergedContact', () => {
  it('keeps the richest fields of both, both identifiers and both notes', () => {
    const fromLinkedin = contact('li', {
      fullName: 'Jordan Lee',
      headline: 'VP Operations at Acme',
      company: 'Acme',
      linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/',
      relationship: 'customer',
      notes: 'Bought the 2025 plan.',
      connectedOn: '2024-05-01',
      createdAt: 50,
    });
    const fromGmail = contact('gm', {
      fullName: 'jordan@acme.com',
      firstName: 'Jordan',
      email: 'Jordan@acme.com',
      otherEmails: ['jl@home.net'],
      notes: 'Prefers email.',
      lastActivityAt: 99,
      createdAt: 10,
    });
    const [keep, drop] = survivorOf(fromGmail, fromLinkedin);
    expect(keep.id).toBe('li');
    expect(mergedContact(keep, drop, 1000)).toEqual({
      id: 'li',
      fullName: 'Jordan Lee',
      firstName: 'Jordan',
      headline: 'VP Operations at Acme',
      company: 'Acme',
      email: 'Jordan@acme.com',
      otherEmails: ['jl@home.net'],
      linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/',
      relationship: 'customer',
      notes: 'Bought the 2025 plan.\n\nPrefers email.',
      connectedOn: '2024-05-01',
      lastActivityAt: 99,
      createdAt: 10,
      updatedAt: 1000,
    });
  });

  it('keeps a second address as another, and the relationship the user chose over "other"', () => {
    const a = contact('a', { email: 'jordan@acme.com', relationship: 'other' });
    const b = contact('b', { email: 'jl@home.net', relationship: 'friend', referredBy: 'r1' } as Partial<Contact>);
    const merged = mergedContact(a, b, 5);
    expect(merged.email).toBe('jordan@acme.com');
    expect(merged.otherEmails).toEqual(['jl@home.net']);
    expect(merged.relationship).toBe('friend');
    // A field of a later version (a referrer) is kept too.
    expect((merged as unknown as Record<string, unknown>)['referredBy']).toBe('r1');
  });
});
