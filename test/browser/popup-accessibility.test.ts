import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataset, seedDataset } from './dataset.ts';
import { launchExtension, openPopup, type ExtensionBrowser } from './harness.ts';

let fresh: ExtensionBrowser;
let seeded: ExtensionBrowser;

beforeAll(async () => {
  fresh = await launchExtension();
  seeded = await launchExtension();
  await seedDataset(
    seeded,
    makeDataset({ now: new Date(), contacts: 20, history: 60, today: 3, due: 2, thanksOwed: 2 }),
  );
});

afterAll(async () => {
  await fresh?.close();
  await seeded?.close();
});

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('popup accessibility', () => {
  it('axe-core finds no violations in the first-run form, with and without errors', async () => {
    const popup = await openPopup(fresh);
    await popup.getByRole('heading', { name: 'Set your quota' }).waitFor();
    await expect(violations(popup)).resolves.toEqual([]);
    await popup.getByRole('button', { name: 'Start closing the gap' }).click();
    await popup.locator('[aria-invalid="true"]').first().waitFor();
    await expect(violations(popup)).resolves.toEqual([]);
    await popup.close();
  });

  it('the first-run form can be completed with the keyboard alone: Tab through the fields, Enter submits', async () => {
    const popup = await openPopup(fresh);
    await popup.getByRole('heading', { name: 'Set your quota' }).waitFor();
    const values: Record<string, string> = {
      target: '100000',
      closed: '40000',
      averageDealSize: '10000',
      name: 'Sam',
      company: 'Acme',
    };
    const visited: string[] = [];
    for (let presses = 0; presses < 20 && visited.at(-1) !== 'company'; presses++) {
      await popup.keyboard.press('Tab');
      const id = await focusedId(popup);
      if (id && visited.at(-1) !== id) {
        visited.push(id);
        const value = values[id];
        if (value !== undefined) {
          await popup.keyboard.press('ControlOrMeta+a');
          await popup.keyboard.type(value);
        }
      }
    }
    expect(visited).toEqual([
      'target',
      'closed',
      'periodEnd',
      'averageDealSize',
      'currency',
      'country',
      'salesCycle',
      'salesCycleUnit',
      'name',
      'company',
    ]);
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Quota gap' }).waitFor();
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe('$60,000');
    await popup.close();
  });

  it('axe-core finds no violations in the summary with outreach, follow-ups and thank-yous', async () => {
    const popup = await openPopup(seeded);
    await popup.getByRole('heading', { name: 'Quota gap' }).waitFor();
    await popup.getByRole('list', { name: "Today's outreach" }).waitFor();
    await expect(violations(popup)).resolves.toEqual([]);
    // With an outcome form open too.
    await popup
      .getByRole('button', { name: /^Record outcome for / })
      .first()
      .click();
    await popup.getByRole('combobox', { name: 'Outcome' }).waitFor();
    await expect(violations(popup)).resolves.toEqual([]);
    await popup.close();
  });

  it('records an outcome with the keyboard alone', async () => {
    const popup = await openPopup(seeded);
    const today = popup.getByRole('list', { name: "Today's outreach" });
    await today.waitFor();
    const button = today.getByRole('button', { name: /^Record outcome for / }).first();
    const name = ((await button.getAttribute('aria-label')) ?? '').replace('Record outcome for ', '');
    await button.focus();
    await popup.keyboard.press('Enter');
    // Focus moves into the opened form, onto the outcome.
    const outcome = popup.getByRole('combobox', { name: 'Outcome' });
    await expect.poll(() => outcome.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('Meeting');
    await expect(outcome.inputValue()).resolves.toBe('meeting');
    await popup.keyboard.press('Tab');
    await expect(popup.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Save outcome');
    await popup.keyboard.press('Enter');
    const saved = today.getByRole('button', { name: `Record outcome for ${name}` });
    await expect.poll(() => saved.first().textContent()).toBe('Meeting');
    // Focus returns to the outcome's button.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Record outcome for ${name}`);
    await popup.close();
  });
});
