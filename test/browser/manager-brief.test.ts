import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionPage, launchExtension, type ExtensionBrowser } from './harness.ts';
import { seedMorningBook } from './morning-book.ts';

/**
 * The manager brief as a deal review (issue 15, item 6), in the real options page: the deals in
 * a table with column and row headers by forecast category, the pace the user can keep from
 * their log (or their own figure — never the unset default), the days before the first use not
 * counted, the holiday weeks, the help asked of the manager chosen and worded by the user, and a
 * print button with a print stylesheet. English and German.
 */

let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function openBrief(target: ExtensionBrowser, tableName: string): Promise<Page> {
  const page = await target.context.newPage();
  await page.goto(extensionPage(target, 'src/options/index.html#manager-brief'));
  await page.getByRole('table', { name: tableName }).waitFor({ timeout: 15_000 });
  return page;
}

const plain = (text: string | null) => (text ?? '').replaceAll('\u00a0', ' ');

describe('the manager brief', () => {
  it('in English: a deal review table, the keepable pace from the log, holiday weeks, the help chosen, printable', async () => {
    browser = await launchExtension();
    await seedMorningBook(browser);
    const brief = await openBrief(browser, 'Open deals by forecast category');
    const table = brief.getByRole('table', { name: 'Open deals by forecast category' });
    await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Deal',
      'Company',
      'Stage',
      'Amount',
      'Close date',
      'Next step',
      'Impediment learned',
    ]);
    // One row group per category, each deal's row headed by its name.
    await expect(
      table
        .getByRole('rowheader')
        .filter({ hasNotText: /total$/ })
        .allTextContents(),
    ).resolves.toEqual([
      'Commit',
      'Acme expansion',
      'Best case',
      'Borealis pilot',
      'Pipeline',
      'Cobalt platform',
      'Closes after this period',
      'Delta rollout',
    ]);
    const acme = table.getByRole('row').filter({ has: brief.getByRole('rowheader', { name: 'Acme expansion' }) });
    await expect(acme.getByRole('cell').allTextContents()).resolves.toEqual([
      'Acme',
      'Negotiation',
      '$40,000',
      'Dec 18',
      'Order form to legal',
      'Budget · Needs 10 % off to sign in Q4',
    ]);
    await expect(
      table
        .getByRole('row')
        .filter({ has: brief.getByRole('rowheader', { name: 'Commit total' }) })
        .textContent(),
    ).resolves.toContain('$40,000');
    // The won deal is in the closed figure's history, not in the open review.
    await expect(table.getByText('Echo renewal').count()).resolves.toBe(0);
    await brief
      .getByText('Closed $130,000. Commit: $170,000. Best case: $195,000. With the whole pipeline: $210,000.')
      .waitFor();

    const pace = brief.getByTestId('brief-pace');
    if (process.env.DEBUG_BRIEF) console.log(await brief.locator('#manager-brief').innerText());
    // From the log: the median of the seven working days since the first use — not the unset 25.
    await pace
      .getByText('A pace I can keep up: 5 asks a working day, the median of the 7 working days since I started.')
      .waitFor();
    await expect(pace.getByText(/25 asks/).count()).resolves.toBe(0);
    // Days before the first use are not zero days.
    await brief.getByText(/^From November 23, 2026 to December 2, 2026 I made \d+ asks on 8 working days/).waitFor();
    await brief.getByText(/I started using Gap Closer on November 23, 2026; the days before it hold no log/).waitFor();
    // The holiday weeks, at the pace the user keeps.
    await brief
      .getByText(
        'Week of Dec 21: Dec 24 and Dec 25 off, 3 working days left — 15 asks at my pace, planned on those days.',
      )
      .waitFor();
    await brief
      .getByText('Week of Dec 28: Dec 31 off, 3 working days left — 15 asks at my pace, planned on those days.')
      .waitFor();

    // The help asked of the manager: chosen, worded, saved; and the user's own pace.
    const help = brief.getByTestId('brief-help');
    await help.getByText('No specific help chosen yet.').waitFor();
    const choices = brief.getByRole('form', { name: 'Your choices for the brief' });
    await choices.getByRole('checkbox', { name: 'Pricing approval' }).check();
    await choices
      .getByRole('textbox', { name: 'Wording: Pricing approval' })
      .fill('Approve 10 % off for Acme so they sign before Dec 18.');
    await choices.getByRole('checkbox', { name: 'An executive sponsor' }).check();
    await choices.getByRole('textbox', { name: 'Asks a day I can keep up' }).fill('6');
    await choices.getByRole('button', { name: "Save the brief's choices" }).click();
    await help
      .getByRole('listitem')
      .filter({ hasText: 'Pricing approval: Approve 10 % off for Acme so they sign before Dec 18.' })
      .waitFor();
    await expect(help.getByRole('listitem').nth(1).textContent()).resolves.toMatch(
      /^An executive sponsor: An executive sponsor for the call/,
    );
    await pace.getByText('A pace I can keep up: 6 asks a working day (my own figure).').waitFor();
    // Kept: the page reopened shows the same choices.
    await brief.reload();
    await brief
      .getByTestId('brief-help')
      .getByText(/^Pricing approval: Approve 10 %/)
      .waitFor();
    await expect(
      brief
        .getByRole('form', { name: 'Your choices for the brief' })
        .getByRole('checkbox', { name: 'Pricing approval' })
        .isChecked(),
    ).resolves.toBe(true);

    // Printable: the button opens the print dialog; printed, the brief shows without the page's other parts or the choices form.
    await brief.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await brief.getByRole('button', { name: 'Print or save as PDF' }).click();
    await expect(brief.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
    await brief.emulateMedia({ media: 'print' });
    await expect(brief.getByRole('table', { name: 'Open deals by forecast category' }).isVisible()).resolves.toBe(true);
    await expect(brief.getByTestId('brief-help').isVisible()).resolves.toBe(true);
    await expect(brief.getByRole('form', { name: 'Your choices for the brief' }).isVisible()).resolves.toBe(false);
    await expect(brief.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).resolves.toBe(false);
    await brief.close();
  });

  it('in German: the table, the help choice and the print button in German', async () => {
    browser = await launchExtension({ locale: 'de-DE' });
    await seedMorningBook(browser);
    const brief = await openBrief(browser, 'Offene Deals nach Prognosekategorie');
    const table = brief.getByRole('table', { name: 'Offene Deals nach Prognosekategorie' });
    await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Deal',
      'Firma',
      'Phase',
      'Betrag',
      'Abschlussdatum',
      'Nächster Schritt',
      'Erkanntes Hindernis',
    ]);
    await expect(
      table.getByRole('rowheader', { name: 'Abschluss nach diesem Zeitraum', exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      plain(
        await table
          .getByRole('row')
          .filter({ has: brief.getByRole('rowheader', { name: 'Commit gesamt' }) })
          .textContent(),
      ),
    ).toContain('40.000 $');
    await brief
      .getByText(
        'Ein Tempo, das ich durchhalten kann: 5 Anfragen pro Arbeitstag, der Median der 7 Arbeitstage seit meinem Beginn.',
      )
      .waitFor();
    await brief
      .getByText(
        'Woche vom 21. Dez.: 24. Dez. und 25. Dez. frei, 3 Arbeitstage bleiben – 15 Anfragen bei meinem Tempo, auf diese Tage verteilt.',
      )
      .waitFor();
    const choices = brief.getByRole('form', { name: 'Ihre Angaben für den Bericht' });
    await choices.getByRole('checkbox', { name: 'Zeit eines Solution Engineers' }).check();
    await choices.getByRole('button', { name: 'Angaben für den Bericht speichern' }).click();
    await brief
      .getByTestId('brief-help')
      .getByText(/^Zeit eines Solution Engineers: Zeit eines Solution Engineers in dieser Woche/)
      .waitFor();
    await expect(brief.getByRole('button', { name: 'Drucken oder als PDF speichern' }).count()).resolves.toBe(1);
    await brief.close();
  });
});
