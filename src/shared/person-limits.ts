/**
 * The longest text a page may send about a person (the message contract enforces these).
 * Content scripts clip to them, so a long headline shortens the draft instead of breaking it.
 */
export const PERSON_LIMITS = { fullName: 300, firstName: 100, headline: 500, company: 300 } as const;
