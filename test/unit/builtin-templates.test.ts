import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, BUILTIN_TEMPLATES_DE } from '../../src/shared/builtin-templates.ts';
import { RELATIONSHIP_TEMPLATES, RELATIONSHIP_TEMPLATES_DE } from '../../src/shared/builtin-templates-relationship.ts';
import { renderTemplate } from '../../src/shared/template.ts';

const FAKE_URGENCY =
  /\b(urgent(ly)?|asap|last chance|only \d+ left|act now|limited[- ]time|expires?|expiring|hurry|deadline|today only|don'?t miss)\b/i;

const ALL_VALUES = {
  firstName: 'Jordan',
  fullName: 'Jordan Whitfield',
  company: 'Morgan Mbeki',
  headline: 'Tech Lead',
  myName: 'Sam Carter',
  myCompany: 'Acme Ltd',
  product: 'Acme Analytics',
  signature: 'Sam',
  groupName: 'Frontend Folk',
  // Always known for a draft: the question about a stalled deal's impediment (shared/draft-facts.ts).
  impedimentQuestion: 'What is in the way?',
};

/** Every fact the book may know, for the [[…]] parts. */
const WITH_FACTS = {
  ...ALL_VALUES,
  role: 'VP Operations',
  purchase: 'the analytics rollout',
  result: 'onboarding down from six weeks to two',
  nextStep: 'a pilot with the support team',
  favour: 'the introduction to Dana',
  idealReferral: 'a head of support at a 50–500 person software company',
};

/** The same, in German: pressure and invented scarcity are as unwelcome in either language. */
const FAKE_URGENCY_DE =
  /(dringend|eilt|nur noch|letzte chance|sofort handeln|jetzt zugreifen|zeitlich begrenzt|nur heute|läuft (bald )?ab|frist|nicht verpassen|solange der vorrat)/i;

const EACH = [...BUILTIN_TEMPLATES, ...RELATIONSHIP_TEMPLATES].map((t) => [t.id, t] as const);
const EACH_DE = [...BUILTIN_TEMPLATES_DE, ...RELATIONSHIP_TEMPLATES_DE].map((t) => [t.id, t] as const);

describe('built-in templates', () => {
  it('has unique ids and one template per kind and channel, all marked built-in', () => {
    expect(BUILTIN_TEMPLATES.length).toBeGreaterThanOrEqual(4);
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(BUILTIN_TEMPLATES.length);
    expect(new Set(BUILTIN_TEMPLATES.map((t) => `${t.kind}/${t.channel}`)).size).toBe(BUILTIN_TEMPLATES.length);
    for (const template of BUILTIN_TEMPLATES) {
      expect(template.builtIn).toBe(true);
      expect(template.id).toMatch(/^builtin:/);
    }
  });

  it.each(EACH)('%s uses only known placeholders and renders completely', (_id, template) => {
    const result = renderTemplate(template.body, ALL_VALUES);
    expect(result.unknown).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.text).not.toMatch(/\{\{|\}\}/);
    if (template.body.startsWith('Hi {{firstName}},')) expect(result.text.startsWith('Hi Jordan,\n')).toBe(true);
    expect(result.text).toContain('Sam Carter');
    if (template.subject !== undefined) {
      const subject = renderTemplate(template.subject, ALL_VALUES);
      expect(subject.unknown).toEqual([]);
      expect(subject.missing).toEqual([]);
      expect(subject.text).not.toMatch(/\{\{|\}\}/);
    }
  });

  it.each([...EACH, ...EACH_DE])('%s renders with and without the book’s facts, no bracket left', (_id, template) => {
    for (const values of [ALL_VALUES, WITH_FACTS]) {
      const result = renderTemplate(template.body, values);
      expect(result.missing).toEqual([]);
      expect(result.text).not.toMatch(/\[\[|\]\]|\{\{|\n\n\n|^\s|\s$/);
    }
  });

  it.each(EACH)('%s has no fake urgency', (_id, template) => {
    expect(template.body).not.toMatch(FAKE_URGENCY);
    expect(template.name).not.toMatch(FAKE_URGENCY);
    expect(template.subject ?? '').not.toMatch(FAKE_URGENCY);
  });

  it('German built-ins: unique ids, marked built-in and German, known placeholders, rendered completely', () => {
    expect(new Set(BUILTIN_TEMPLATES_DE.map((t) => t.id)).size).toBe(BUILTIN_TEMPLATES_DE.length);
    expect(BUILTIN_TEMPLATES_DE.some((t) => BUILTIN_TEMPLATES.some((en) => en.id === t.id))).toBe(false);
    for (const template of [...BUILTIN_TEMPLATES_DE, ...RELATIONSHIP_TEMPLATES_DE]) {
      expect(template.builtIn).toBe(true);
      expect(template.locale).toBe('de');
      expect(template.id).toMatch(/^builtin:.*:de$/);
      for (const text of [template.body, template.subject ?? '']) {
        const result = renderTemplate(text, ALL_VALUES);
        expect(result.unknown).toEqual([]);
        expect(result.missing).toEqual([]);
        expect(result.text).not.toMatch(/\{\{|\}\}/);
      }
      expect(renderTemplate(template.body, ALL_VALUES).text).toContain('Sam Carter');
    }
  });

  it.each(EACH_DE)('%s has no fake urgency (German or English words) and uses the Sie-form', (_id, template) => {
    for (const text of [template.body, template.name, template.subject ?? '']) {
      expect(text).not.toMatch(FAKE_URGENCY_DE);
      expect(text).not.toMatch(FAKE_URGENCY);
      // Du-form words would be too familiar for a business ask.
      expect(text).not.toMatch(/\b(du|dich|dir|dein|deine|deinen|deinem|deiner)\b/i);
    }
  });

  it('the German urgency check catches the phrases it is meant to', () => {
    for (const phrase of [
      'Dringend!',
      'Nur noch 3 Plätze',
      'Letzte Chance',
      'Jetzt sofort handeln',
      'Angebot läuft ab',
    ]) {
      expect(phrase).toMatch(FAKE_URGENCY_DE);
    }
  });

  it('the urgency check itself catches the phrases it is meant to', () => {
    for (const phrase of [
      'This is urgent',
      'Last chance!',
      'only 3 left',
      'Act now',
      'limited time offer',
      'offer expires Friday',
    ]) {
      expect(phrase).toMatch(FAKE_URGENCY);
    }
  });
});
