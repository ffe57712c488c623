/**
 * The longest text a contact's fields may hold when they come in: from a page (the message
 * contract enforces these), a CSV import, or the options page's editor. Content scripts clip to
 * them, so a long headline shortens the draft instead of breaking it.
 */
export const PERSON_LIMITS = {
  fullName: 300,
  firstName: 100,
  headline: 500,
  company: 300,
  email: 320,
  linkedinUrl: 2048,
  notes: 10_000,
} as const;

/**
 * What a stored contact may hold, which a backup must restore: wider where the database can hold
 * more than comes in today — a first name derived from a one-word full name, and headlines and
 * notes that earlier versions let through (their editor set no length on notes).
 */
export const STORED_PERSON_LIMITS = {
  ...PERSON_LIMITS,
  firstName: PERSON_LIMITS.fullName,
  headline: 1000,
  notes: 100_000,
} as const;
