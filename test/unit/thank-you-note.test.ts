import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, BUILTIN_TEMPLATES_DE } from '../../src/shared/builtin-templates.ts';
import type { Contact, Outreach } from '../../src/shared/model.ts';
import { renderTemplate } from '../../src/shared/template.ts';
import { helpSentences, nameTheHelp, NOTE_WORDS } from '../../src/shared/thank-you-note.ts';
import { openDatabase, type Db } from '../../src/storage/db.ts';
import { recordOutreachOutcome } from '../../src/storage/follow-through.ts';
import { helpFactsFor, markLeadStep, referredLeads } from '../../src/storage/referrals.ts';
import { putDeals } from '../../src/storage/deals.ts';
import { saveQuota } from '../../src/storage/settings.ts';

const note = (templates: typeof BUILTIN_TEMPLATES) => {
  const template = templates.find((t) => t.kind === 'thank-you' && t.channel === 'email');
  return renderTemplate(template?.body ?? '', { firstName: 'Jordan', myName: 'Sam' }).text;
};

describe('thank-you notes name the help', () => {
  it('names the referral, the introduction, the advice and a meeting (English)', () => {
    expect(
      helpSentences(
        [{ outcome: 'helped-referral', referred: [{ fullName: 'Maria Lopez', company: 'Acme', stage: 'ask-intro' }] }],
        'en',
      ),
    ).toEqual(['Thank you for referring me to Maria Lopez at Acme.']);
    expect(helpSentences([{ outcome: 'helped-intro' }], 'en')).toEqual([
      'Thank you for the introduction — it opened a door I could not have opened on my own.',
    ]);
    expect(helpSentences([{ outcome: 'helped-advice' }], 'en')).toEqual([
      'Thank you for your advice — I took it to heart, and it changed how I went about it.',
    ]);
    expect(helpSentences([{ outcome: 'meeting' }], 'en')).toEqual(['Thank you for making the time to meet with me.']);
    expect(helpSentences([{ outcome: 'won', won: '$12,000' }], 'en')).toEqual([
      'Thank you for your trust — we closed the deal ($12,000), and I am glad to be working with you.',
    ]);
  });

  it('says how a referral went when it is known: introduced, met, won with the amount', () => {
    const referred = [
      { fullName: 'Maria Lopez', stage: 'won' as const, won: '$24,000' },
      { fullName: 'Sam Ode', stage: 'deal' as const },
      { fullName: 'Kim Park', stage: 'meet' as const, introduced: true },
    ];
    expect(helpSentences([{ outcome: 'helped-referral', referred }], 'en')).toEqual([
      'Thank you for referring me to Maria Lopez, Sam Ode and Kim Park.',
      'Maria Lopez and I have just closed a deal ($24,000), and it started with your referral.',
      'Sam Ode and I have met and are talking about working together.',
      'Thank you as well for introducing me to Kim Park.',
    ]);
  });

  it('names the help in German', () => {
    expect(
      helpSentences(
        [
          {
            outcome: 'helped-referral',
            referred: [{ fullName: 'Maria Lopez', company: 'Acme', stage: 'won', won: '24.000 $' }],
          },
          { outcome: 'helped-advice' },
        ],
        'de',
      ),
    ).toEqual([
      'Vielen Dank, dass Sie mich an Maria Lopez bei Acme weiterempfohlen haben.',
      'Maria Lopez und ich haben gerade einen Abschluss gemacht (24.000 $) – angefangen hat es mit Ihrer Empfehlung.',
      'Vielen Dank für Ihren Rat – ich habe ihn mir zu Herzen genommen, und er hat mein Vorgehen verändert.',
    ]);
    expect(helpSentences([{ outcome: 'helped-intro' }, { outcome: 'meeting' }], 'de')).toEqual([
      'Vielen Dank für die Vorstellung – sie hat mir eine Tür geöffnet, die ich allein nicht hätte öffnen können.',
      'Vielen Dank, dass Sie sich Zeit für ein Treffen genommen haben.',
    ]);
  });

  it('replaces the built-in note’s general sentence, English and German', () => {
    const en = nameTheHelp(note(BUILTIN_TEMPLATES), [{ outcome: 'helped-advice' }], 'en');
    expect(en).not.toContain(NOTE_WORDS.en.generic);
    expect(en).toContain('Hi Jordan,\n\nThank you for your advice — I took it to heart');
    const de = nameTheHelp(
      note(BUILTIN_TEMPLATES_DE),
      [{ outcome: 'helped-referral', referred: [{ fullName: 'Maria Lopez', stage: 'ask-intro' }] }],
      'de',
    );
    expect(de).not.toContain(NOTE_WORDS.de.generic);
    expect(de).toContain('Hallo Jordan,\n\nVielen Dank, dass Sie mich an Maria Lopez weiterempfohlen haben.');
  });

  it('keeps every word of the user’s own note and adds the help after the greeting', () => {
    expect(nameTheHelp('Hey Jordan!\n\nYou are a star.\n\nSam', [{ outcome: 'meeting' }], 'en')).toBe(
      'Hey Jordan!\n\nThank you for making the time to meet with me.\n\nYou are a star.\n\nSam',
    );
    expect(nameTheHelp('Thanks!', [], 'en')).toBe('Thanks!');
  });
});

describe('the facts a note is written from', () => {
  const dbs: Db[] = [];
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
  });

  it('reads whom a referral named and the amount won from them, in the note’s language', async () => {
    const db = await openDatabase({ name: 'note-facts' });
    dbs.push(db);
    const jordan: Contact = { id: 'jordan', fullName: 'Jordan Blake', firstName: 'Jordan', createdAt: 1, updatedAt: 1 };
    const ask: Outreach = {
      id: 'o1',
      idempotencyKey: 'o1',
      contactId: 'jordan',
      contactName: 'Jordan Blake',
      kind: 'referral-ask',
      channel: 'email',
      text: 'Hi',
      createdAt: 1,
      status: 'awaiting',
    };
    await saveQuota(db, {
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      target: 1,
      currency: 'USD',
      closedBaseline: 0,
      averageDealSize: 1,
    });
    await db.put('contacts', jordan);
    await db.put('outreach', ask);
    await recordOutreachOutcome(
      db,
      'o1',
      { outcome: 'helped-referral', referral: { fullName: 'Maria Lopez', company: 'Acme' } },
      2,
    );
    expect(await helpFactsFor(db, 'jordan', 'en')).toEqual([
      {
        outcome: 'helped-referral',
        referred: [{ fullName: 'Maria Lopez', company: 'Acme', stage: 'ask-intro', introduced: false, won: undefined }],
      },
    ]);
    const maria = (await referredLeads(db))[0]?.lead.id ?? '';
    await markLeadStep(db, maria, 'introduced', true, 3);
    await putDeals(db, [
      {
        id: 'manual:acme',
        name: 'Acme',
        amount: 24_000,
        state: 'won',
        wonAt: 5,
        contactIds: [maria],
        source: 'manual',
        createdAt: 4,
        updatedAt: 5,
      },
    ]);
    const [de] = await helpFactsFor(db, 'jordan', 'de');
    expect(de?.referred?.[0]).toMatchObject({ stage: 'won', introduced: true, won: '24.000\u00a0$' });
    expect(helpSentences(de ? [de] : [], 'de')[1]).toBe(
      'Maria Lopez und ich haben gerade einen Abschluss gemacht (24.000\u00a0$) – angefangen hat es mit Ihrer Empfehlung.',
    );
  });
});
