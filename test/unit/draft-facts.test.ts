import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/shared/builtin-templates.ts';
import { RELATIONSHIP_TEMPLATES, RELATIONSHIP_TEMPLATES_DE } from '../../src/shared/builtin-templates-relationship.ts';
import type { Deal } from '../../src/shared/deals.ts';
import { companyOf, factsFor, resultFromNotes, roleOf } from '../../src/shared/draft-facts.ts';
import type { Contact, Favour, Relationship, Template } from '../../src/shared/model.ts';
import {
  chooseTemplate,
  draftOf,
  fillPlaceholders,
  gapsIn,
  placeholdersIn,
  renderTemplate,
  splitSignOff,
} from '../../src/shared/template.ts';

const ME = { myName: 'Sam Seller', myCompany: 'Acme Analytics', product: 'Acme Insights' };
const TEMPLATES: Template[] = [...BUILTIN_TEMPLATES, ...RELATIONSHIP_TEMPLATES];
const JORDAN: Contact = {
  id: 'c-jordan',
  fullName: 'Jordan Whitfield',
  firstName: 'Jordan',
  company: 'Morgan Mbeki',
  notes: 'Met at SaaStr.\nResult: first replies twice as fast.\nPRIVATE: renewal 90k',
  createdAt: 1,
  updatedAt: 1,
};
const deal = (patch: Partial<Deal>): Deal => ({
  id: 'd',
  name: 'Deal',
  state: 'open',
  contactIds: ['c-jordan'],
  source: 'manual',
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

describe('what the book knows, as placeholder values', () => {
  it('reads the role and company from a headline', () => {
    expect(roleOf('VP Operations at Northwind | Speaker')).toBe('VP Operations');
    expect(roleOf('Tech Education Lead, Tech Expert & Frontend Dev at Morgan Mbeki')).toBe('Tech Education Lead');
    expect(roleOf('Leiterin Vertrieb bei Müller GmbH')).toBe('Leiterin Vertrieb');
    expect(roleOf('Helping 10,000 founders find product-market fit through storytelling workshops')).toBe(undefined);
    expect(roleOf('I help founders find product-market fit through storytelling workshops and retreats')).toBe(
      undefined,
    );
    expect(roleOf(undefined)).toBe(undefined);
    expect(companyOf('VP Operations at Northwind | Speaker')).toBe('Northwind');
    expect(companyOf('Founder')).toBe(undefined);
  });

  it('reads the result a customer got from a "Result:" (or "Ergebnis:") line of the notes', () => {
    expect(resultFromNotes(JORDAN.notes)).toBe('first replies twice as fast');
    expect(resultFromNotes('ergebnis: Einarbeitung in 2 statt 6 Wochen')).toBe('Einarbeitung in 2 statt 6 Wochen');
    expect(resultFromNotes('No result yet')).toBe(undefined);
  });

  it('a customer: the latest won deal is what they bought; the notes give the result', () => {
    const facts = factsFor(
      {
        contact: JORDAN,
        deals: [
          deal({ id: 'old', name: 'Pilot', state: 'won', wonAt: 10 }),
          deal({ id: 'new', name: 'the support analytics rollout', state: 'won', wonAt: 20 }),
          deal({ id: 'lost', name: 'Lost one', state: 'lost', updatedAt: 30 }),
        ],
        favours: [],
      },
      'en',
    );
    expect(facts).toMatchObject({
      company: 'Morgan Mbeki',
      purchase: 'the support analytics rollout',
      result: 'first replies twice as fast',
    });
    expect(facts.favour).toBe(undefined);
  });

  it('a stalled deal: its last next step and the question for the impediment learned, in the UI language', () => {
    const stalled = deal({
      nextStep: 'A pilot with the support team.',
      impediment: { kind: 'budget', at: 5 },
      lastActivityAt: 5,
    });
    const en = factsFor({ contact: JORDAN, deals: [stalled], favours: [] }, 'en');
    expect(en.nextStep).toBe('A pilot with the support team');
    expect(en.impedimentQuestion).toMatch(/^When we last spoke, budget was what stood in the way\./);
    const de = factsFor({ contact: JORDAN, deals: [stalled], favours: [] }, 'de-DE');
    expect(de.impedimentQuestion).toMatch(/^Bei unserem letzten Gespräch stand das Budget im Weg\./);
    // Nothing learned yet: the open question.
    expect(factsFor({ deals: [], favours: [] }, 'en').impedimentQuestion).toMatch(/^Could you tell me honestly/);
  });

  it('the network: the latest favour given; the page’s headline and company come before the book’s', () => {
    const favours: Favour[] = [
      { id: 'f1', contactId: 'c-jordan', note: 'the intro to Dana', at: 1 },
      { id: 'f2', contactId: 'c-jordan', note: 'your hiring question.', at: 2 },
    ];
    const facts = factsFor(
      { contact: JORDAN, deals: [], favours, headline: 'VP Operations at Northwind', company: 'Northwind' },
      'en',
    );
    expect(facts).toMatchObject({ favour: 'your hiring question', role: 'VP Operations', company: 'Northwind' });
  });
});

describe('the template follows the relationship', () => {
  const pick = (relationship: Relationship | undefined, channel: 'email' | 'linkedin-message', id?: string) =>
    chooseTemplate(TEMPLATES, 'referral-ask', channel, relationship, id)?.id;

  it.each([
    ['customer', 'builtin:referral-ask:email:customer'],
    ['coworker', 'builtin:referral-ask:email:coworker'],
    ['friend', 'builtin:referral-ask:email:personal'],
    ['family', 'builtin:referral-ask:email:personal'],
    ['neighbour', 'builtin:referral-ask:email:personal'],
    ['group-member', 'builtin:referral-ask:email'],
    ['community', 'builtin:referral-ask:email'],
    ['other', 'builtin:referral-ask:email'],
    [undefined, 'builtin:referral-ask:email'],
  ] as const)('%s → %s', (relationship, id) => {
    expect(pick(relationship, 'email')).toBe(id);
    // The menu's general entry leads to the same one.
    expect(pick(relationship, 'email', 'builtin:referral-ask:email')).toBe(id);
    expect(pick(relationship, 'linkedin-message')).toBe(id.replace(':email', ':linkedin'));
  });

  it('a template the user picked by name is kept: a variant, or their own', () => {
    expect(pick('customer', 'email', 'builtin:referral-ask:email:coworker')).toBe(
      'builtin:referral-ask:email:coworker',
    );
    const own: Template = {
      id: 'user:1',
      kind: 'referral-ask',
      channel: 'email',
      name: 'Mine',
      body: 'Hi',
      builtIn: false,
    };
    expect(chooseTemplate([...TEMPLATES, own], 'referral-ask', 'email', 'customer', 'user:1')?.id).toBe('user:1');
  });

  it('every variant has its German twin', () => {
    expect(RELATIONSHIP_TEMPLATES_DE.map((t) => t.id)).toEqual(RELATIONSHIP_TEMPLATES.map((t) => `${t.id}:de`));
  });
});

describe('drafts worth sending', () => {
  const general = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin:referral-ask:linkedin') as Template;
  const draftFor = (headline: string) =>
    draftOf(general, { ...ME, firstName: 'Jordan', ...factsFor({ headline, deals: [], favours: [] }, 'en') }).text;

  it('a Tech Education Lead and a VP Operations get different asks, each naming their role and company', () => {
    const lead = draftFor('Tech Education Lead at Morgan Mbeki');
    const vp = draftFor('VP Operations at Northwind');
    expect(lead).not.toBe(vp);
    expect(lead).toContain('As Tech Education Lead at Morgan Mbeki, you meet more teams');
    expect(vp).toContain('As VP Operations at Northwind, you meet more teams');
  });

  it('a customer’s ask names what they bought and the result; the referral ask says what a good referral is and carries a blurb', () => {
    const customer = RELATIONSHIP_TEMPLATES.find((t) => t.id === 'builtin:referral-ask:email:customer') as Template;
    const text = draftOf(customer, {
      ...ME,
      firstName: 'Jordan',
      company: 'Morgan Mbeki',
      purchase: 'the support analytics rollout',
      result: 'first replies twice as fast',
      idealReferral: 'a head of support at a 50–500 person software company',
    }).text;
    expect(text).toContain('Thank you again for choosing us for the support analytics rollout.');
    expect(text).toContain('The result you shared — first replies twice as fast — is what we hope for.');
    expect(text).toContain('A good fit: a head of support at a 50–500 person software company.');
    expect(text).toContain(
      '"Sam Seller at Acme Analytics helps teams with Acme Insights. A good fit: a head of support at a 50–500 person software company."',
    );
  });

  it('a stalled deal’s revival carries its last next step and the impediment question', () => {
    const stalled = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin:stalled-revival:email') as Template;
    const facts = factsFor(
      { deals: [deal({ nextStep: 'a pilot', impediment: { kind: 'timing', at: 1 } })], favours: [] },
      'en',
    );
    const text = draftOf(stalled, { ...ME, firstName: 'Jordan', ...facts }).text;
    expect(text).toContain('The next step we had in mind was: a pilot.');
    expect(text).toContain('When we last spoke, the timing was not right.');
  });

  it('a part whose fact is unknown is left out, line and all; a known part loses its brackets', () => {
    const body =
      'Hi {{firstName}},\n\n[[You bought {{purchase}}.]]\n\nAsk[[ — as {{role}} —]] here.\n\nBest,\n{{myName}}';
    expect(renderTemplate(body, { firstName: 'Jo', myName: 'Sam' })).toEqual({
      text: 'Hi Jo,\n\nAsk here.\n\nBest,\nSam',
      unknown: [],
      missing: [],
    });
    expect(renderTemplate(body, { firstName: 'Jo', myName: 'Sam', role: 'CTO', purchase: 'X' }).text).toBe(
      'Hi Jo,\n\nYou bought X.\n\nAsk — as CTO — here.\n\nBest,\nSam',
    );
    // Outside a part, an unknown value is still missing (and asked for before anything goes out).
    expect(renderTemplate('Hi {{company}}', {}).missing).toEqual(['company']);
  });
});

describe('placeholders left in a draft', () => {
  it('are found (known and typos), filled literally, and nothing else is touched', () => {
    const text = 'Hi {{firstName}} at {{ company }}, {{frstName}} and {not}';
    expect(placeholdersIn(text)).toEqual(['firstName', 'company']);
    expect(gapsIn(text)).toEqual(['firstName', 'company', 'frstName']);
    expect(fillPlaceholders(text, { company: 'A $& {{b}}', frstName: 'Jo' })).toBe(
      'Hi {{firstName}} at A $& {{b}}, Jo and {not}',
    );
    expect(gapsIn('no gaps')).toEqual([]);
  });
});

describe('the sign-off', () => {
  it('is the last paragraph when it signs with {{myName}}', () => {
    expect(splitSignOff('Hi,\n\nBody.\n\nBest,\n{{myName}}\n{{myCompany}}\n')).toEqual({
      main: 'Hi,\n\nBody.',
      signOff: 'Best,\n{{myName}}\n{{myCompany}}',
    });
    expect(splitSignOff('Hi,\n\nBody without a name.')).toEqual({ main: 'Hi,\n\nBody without a name.' });
    expect(splitSignOff('One paragraph {{myName}}')).toEqual({ main: 'One paragraph {{myName}}' });
  });

  it('is returned rendered with the draft, and the user’s unset own values are suggested', () => {
    const general = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin:referral-ask:email') as Template;
    const draft = draftOf(general, { ...ME, firstName: 'Jordan', company: 'Morgan Mbeki' });
    expect(draft.signOff).toBe('Best,\nSam Seller\nAcme Analytics');
    expect(draft.text.endsWith(draft.signOff ?? '?')).toBe(true);
    expect(draft.suggest).toEqual(['idealReferral']);
    expect(draftOf(general, { ...ME, firstName: 'J', company: 'M', idealReferral: 'x' }).suggest).toBe(undefined);
  });
});
