import { describe, expect, it } from 'vitest';
import { composeUrl, profileUrl } from '../../src/shared/compose-url.ts';

const fields = { to: 'ada@example.com', subject: 'A small favour, Ada & co', body: 'Hi Ada,\n\n50% + more?\nRobin' };

describe('compose URLs', () => {
  it('Gmail: view=cm, fs=1, to, su, body, every value percent-encoded', () => {
    const url = composeUrl('gmail', fields);
    expect(url).toBe(
      'https://mail.google.com/mail/?view=cm&fs=1&to=ada%40example.com&su=A%20small%20favour%2C%20Ada%20%26%20co&body=Hi%20Ada%2C%0A%0A50%25%20%2B%20more%3F%0ARobin',
    );
    const params = new URL(url).searchParams;
    expect(params.get('su')).toBe(fields.subject);
    expect(params.get('body')).toBe(fields.body);
  });

  it('Outlook: the deeplink compose with to, subject, body; a plus sign stays a plus sign', () => {
    const url = composeUrl('outlook', fields);
    expect(url.startsWith('https://outlook.office.com/mail/deeplink/compose?to=ada%40example.com&subject=')).toBe(true);
    expect(url).toContain('%2B');
    expect(url).not.toContain('+');
    expect(new URL(url).searchParams.get('body')).toBe(fields.body);
  });

  it('Open profile: the stored profile, else a people search by name', () => {
    expect(profileUrl({ fullName: 'Ada', linkedinUrl: 'https://www.linkedin.com/in/ada/' })).toBe(
      'https://www.linkedin.com/in/ada/',
    );
    expect(profileUrl({ fullName: 'Ada Müller' })).toBe(
      'https://www.linkedin.com/search/results/people/?keywords=Ada%20M%C3%BCller',
    );
  });
});
