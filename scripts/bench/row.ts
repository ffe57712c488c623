/** One line of the bench's table. */
export interface BenchRow {
  budget: string;
  measured: string;
  limit: string;
  ok: boolean;
}

/** A budget's bound: the value must be at most `atMost`, or (a sanity check) above `above`. */
export type Limit = { atMost: number; label: string } | { above: number; label: string };

/**
 * A row whose verdict is computed from the measured value and the limit, never written by hand:
 * a value that is not a finite number (a run that measured nothing) is over budget.
 */
export function budgetRow(budget: string, measured: string, value: number, limit: Limit): BenchRow {
  const within = 'atMost' in limit ? value <= limit.atMost : value > limit.above;
  return { budget, measured, limit: limit.label, ok: Number.isFinite(value) && within };
}
