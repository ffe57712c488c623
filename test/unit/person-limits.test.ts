import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PersonSchema } from '../../src/messaging/contract.ts';
import { ImportedContactSchema } from '../../src/shared/csv.ts';
import { PERSON_LIMITS, STORED_PERSON_LIMITS } from '../../src/shared/person-limits.ts';

const person = { fullName: 'Jordan Whitfield', firstName: 'Jordan' };
const email = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;
const accepts = (schema: v.GenericSchema, value: object) => v.safeParse(schema, value).success;

describe('one set of limits for a contact coming in', () => {
  it.each(['fullName', 'firstName', 'headline', 'company'] as const)(
    '%s: a page (message contract) and a CSV import take the same length and refuse one more',
    (field) => {
      const max = PERSON_LIMITS[field];
      for (const schema of [PersonSchema, ImportedContactSchema]) {
        expect(accepts(schema, { ...person, [field]: 'x'.repeat(max) })).toBe(true);
        expect(accepts(schema, { ...person, [field]: 'x'.repeat(max + 1) })).toBe(false);
      }
    },
  );

  it('email: both take 320 characters and refuse 321', () => {
    for (const schema of [PersonSchema, ImportedContactSchema]) {
      expect(accepts(schema, { ...person, email: email(320) })).toBe(true);
      expect(accepts(schema, { ...person, email: email(321) })).toBe(false);
    }
  });

  it('a backup restores at least what can come in', () => {
    for (const field of Object.keys(PERSON_LIMITS) as (keyof typeof PERSON_LIMITS)[])
      expect(STORED_PERSON_LIMITS[field]).toBeGreaterThanOrEqual(PERSON_LIMITS[field]);
  });
});
