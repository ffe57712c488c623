/**
 * What the user brings to the one-to-one besides the numbers: the pace they can keep (their own
 * answer; without one the brief uses their history) and the specific help they ask of the
 * manager. Stored as its own settings row (`brief`).
 */

export const MANAGER_HELP_KINDS = ['pricing-approval', 'executive-sponsor', 'solution-engineer', 'other'] as const;
export type ManagerHelpKind = (typeof MANAGER_HELP_KINDS)[number];

export interface ManagerHelp {
  kind: ManagerHelpKind;
  /** The ask in the user's words (a preset's wording the user may edit). */
  text: string;
}

export interface BriefSettings {
  /** Asks a day the user says they can keep up; absent: the brief reads it from their history. */
  keepablePerDay?: number;
  help: ManagerHelp[];
}

export const EMPTY_BRIEF_SETTINGS: BriefSettings = { help: [] };
