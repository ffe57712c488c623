/**
 * Data as an older build of Gap Closer stored it, one set per schema version that had its own
 * shape. A version without a set here is seeded from the newest older set, migrated forward by
 * the real migrations — so a new migration is tested from every past version without new seeds.
 * Add a set when a migration changes what older records look like.
 */

type Row = Record<string, unknown>;
export type Seed = Record<string, Row[]>;

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1, 9, 0, 0);

const HOSTILE = [
  '<img src=x onerror="window.__probeFired=1">',
  '\u202Eevil\u202C and \u200Bzero\u200Dwidth',
  'javascript:alert(1)',
  'Zoë Ångström-Łukasiewicz 李小龍',
];

function contacts(count: number): Row[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `contact-${index}`,
    fullName: index < HOSTILE.length ? (HOSTILE[index] as string) : `Person ${index}`,
    firstName: `First${index}`,
    ...(index % 2 === 0 ? { headline: `Headline ${index}`, company: `Company ${index % 7}` } : {}),
    ...(index % 3 === 0 ? { linkedinUrl: `https://www.linkedin.com/in/person-${index}/` } : {}),
    ...(index % 4 === 1 ? { email: `person${index}@example.com` } : {}),
    ...(index % 5 === 0 ? { relationship: 'customer', notes: `Met at conference ${index}` } : {}),
    createdAt: T0 + index * 1000,
    updatedAt: T0 + index * 2000,
  }));
}

const KINDS = ['referral-ask', 'upsell', 'stalled-revival', 'favour-ask', 'follow-up', 'thank-you'];
const OUTCOMES = [undefined, 'no-reply', 'replied', 'helped-referral', 'helped-intro', 'meeting', 'won', 'lost'];

function outreach(count: number, withKeys: boolean): Row[] {
  return Array.from({ length: count }, (_, index) => {
    const outcome = OUTCOMES[index % OUTCOMES.length];
    const createdAt = T0 + index * 3_600_000;
    return {
      id: `outreach-${index}`,
      ...(withKeys ? { idempotencyKey: `key_${index.toString().padStart(8, '0')}` } : {}),
      ...(index % 9 === 8 ? {} : { contactId: `contact-${index % 40}` }),
      contactName: index < HOSTILE.length ? HOSTILE[index] : `Person ${index % 40}`,
      kind: KINDS[index % KINDS.length],
      channel: index % 3 === 0 ? 'email' : 'linkedin-message',
      text: `Hi — ask number ${index}.\nLine two with "quotes" and <b>tags</b>.`,
      ...(index % 4 === 0 ? { potentialValue: 1000 * index } : {}),
      createdAt,
      followUpOn: '2026-10-06',
      status: outcome ? 'resolved' : 'awaiting',
      ...(outcome ? { outcome, outcomeAt: createdAt + 2 * DAY } : {}),
      ...(outcome === 'won' ? { wonAmount: 5000 + index } : {}),
    };
  });
}

function common(withKeys: boolean): Seed {
  return {
    contacts: contacts(40),
    outreach: outreach(120, withKeys),
    templates: [
      {
        id: 'custom-1',
        kind: 'referral-ask',
        channel: 'linkedin-message',
        name: 'My referral ask',
        body: 'Hi {{firstName}}, {{myName}} here…',
        builtIn: false,
      },
      {
        id: 'custom-2',
        kind: 'upsell',
        channel: 'email',
        name: 'Upsell',
        subject: 'Quick one',
        body: 'Hello',
        builtIn: false,
      },
    ],
    settings: [
      {
        key: 'settings',
        value: {
          me: { name: 'Sam Seller', company: 'Acme', product: 'Analytics', signature: '— Sam' },
          conversion: { 'referral-ask': 0.1 },
          inPageButtons: true,
        },
      },
      {
        key: 'quota',
        value: {
          periodStart: '2026-10-01',
          periodEnd: '2026-12-31',
          target: 250000,
          currency: 'EUR',
          closedBaseline: 120000,
          averageDealSize: 15000,
        },
      },
    ],
  };
}

/** v1 records had no idempotency key; v2 added it (and keeps v1's ids as keys). */
export const SEEDS: Record<number, Seed> = {
  1: common(false),
  2: common(true),
};
