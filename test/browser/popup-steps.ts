import type { Page } from 'playwright-core';

export interface FirstRunValues {
  target?: string;
  closed?: string;
  periodEnd?: string;
  averageDealSize?: string;
  name?: string;
  company?: string;
  product?: string;
  /** An ISO country code, or '' for none (no public holidays); absent keeps the browser's region. */
  country?: string;
}

/** Fills the popup's first-run form the way a user would, by label. */
export async function completeFirstRun(popup: Page, values: FirstRunValues = {}): Promise<void> {
  await popup.getByLabel('Quota target').fill(values.target ?? '100000');
  await popup.getByLabel('Closed so far').fill(values.closed ?? '40000');
  if (values.periodEnd) await popup.getByLabel('Period ends').fill(values.periodEnd);
  await popup.getByLabel('Average deal size').fill(values.averageDealSize ?? '10000');
  await popup.getByLabel('Your name').fill(values.name ?? '');
  await popup.getByLabel('Your company').fill(values.company ?? '');
  if (values.product) await popup.getByLabel('What you sell').fill(values.product);
  if (values.country !== undefined)
    await popup.getByRole('combobox', { name: 'Country (for public holidays)' }).selectOption(values.country);
  await popup.getByRole('button', { name: 'Start closing the gap' }).click();
  await popup.getByRole('heading', { name: 'Quota gap' }).waitFor();
}
