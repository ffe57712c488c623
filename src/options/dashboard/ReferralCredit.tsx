import { useEffect, useState } from 'preact/hooks';
import { closedFromReferrals, type ReferrerRow } from '../../shared/analytics.ts';
import { t } from '../../i18n/t.ts';
import { loadLeads } from '../../ui/data.ts';
import { formatCount } from '../i18n.ts';

/** "Closed from referrals by X": each referrer's leads, wins and amount (all time). */
export function ReferralCredit({ money, version }: { money: (amount: number) => string; version: unknown }) {
  const [rows, setRows] = useState<ReferrerRow[] | undefined>();
  useEffect(() => {
    void loadLeads().then(({ leads }) => setRows(closedFromReferrals(leads)));
  }, [version]);
  if (!rows) return null;
  return (
    <>
      <h3>{t('optionsReferralCreditTitle')}</h3>
      {rows.length === 0 ? (
        <p class="hint">{t('optionsReferralCreditNone')}</p>
      ) : (
        <table class="data">
          <caption>{t('optionsReferralCreditCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('optionsReferralCreditColWho')}</th>
              <th scope="col">{t('optionsReferralCreditColReferred')}</th>
              <th scope="col">{t('optionsReferralCreditColWon')}</th>
              <th scope="col">{t('optionsReferralCreditColAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.referrerId}>
                <th scope="row">{t('optionsReferralCreditBy', row.name)}</th>
                <td>{formatCount(row.referred)}</td>
                <td>{formatCount(row.won)}</td>
                <td>{money(row.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
