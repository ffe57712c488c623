import { t } from '../../i18n/t.ts';
import type { DealReview, ForecastCategory, ReviewedDeal } from '../../shared/forecast.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { impedimentLabel } from './Deals.tsx';

export function categoryLabel(category: ForecastCategory | 'later'): string {
  switch (category) {
    case 'commit':
      return t('briefCategoryCommit');
    case 'best-case':
      return t('briefCategoryBestCase');
    case 'pipeline':
      return t('briefCategoryPipeline');
    case 'later':
      return t('briefCategoryLater');
  }
}

const COLUMNS = 7;

function Row({ deal, currency }: { deal: ReviewedDeal; currency: string }) {
  const amount =
    deal.amount !== undefined
      ? formatMoney(deal.amount, currency)
      : deal.otherCurrency
        ? formatMoney(deal.otherCurrency.amount, deal.otherCurrency.currency)
        : '—';
  return (
    <tr>
      <th scope="row">{deal.name}</th>
      <td>{deal.company ?? '—'}</td>
      <td>{deal.stage ?? '—'}</td>
      <td class="number">{amount}</td>
      <td>{deal.closeDate ? formatDate(deal.closeDate) : '—'}</td>
      <td>{deal.nextStep ?? '—'}</td>
      <td>
        {deal.impediment
          ? [impedimentLabel(deal.impediment.kind), deal.impediment.note].filter(Boolean).join(' · ')
          : '—'}
      </td>
    </tr>
  );
}

/**
 * The deal review as one table: a row group per forecast category (its name as the group's
 * header, its total at the end), each deal a row headed by its name.
 */
export function DealReviewTable({ review, currency }: { review: DealReview; currency: string }) {
  const groups: { key: ForecastCategory | 'later'; deals: ReviewedDeal[]; amount: number }[] = [
    ...review.categories.map((row) => ({ key: row.category, deals: row.deals, amount: row.amount })),
    { key: 'later' as const, deals: review.later, amount: review.laterAmount },
  ].filter((group) => group.deals.length > 0);
  return (
    <table class="data deal-review">
      <caption>{t('briefDealsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('briefDealsColDeal')}</th>
          <th scope="col">{t('briefDealsColCompany')}</th>
          <th scope="col">{t('briefDealsColStage')}</th>
          <th scope="col">{t('briefDealsColAmount')}</th>
          <th scope="col">{t('briefDealsColClose')}</th>
          <th scope="col">{t('briefDealsColNextStep')}</th>
          <th scope="col">{t('briefDealsColImpediment')}</th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.key} data-category={group.key}>
          <tr class="group">
            <th scope="rowgroup" colSpan={COLUMNS}>
              {categoryLabel(group.key)}
            </th>
          </tr>
          {group.deals.map((deal) => (
            <Row key={deal.id} deal={deal} currency={currency} />
          ))}
          <tr class="total">
            <th scope="row" colSpan={3}>
              {t('briefCategoryTotal', categoryLabel(group.key))}
            </th>
            <td class="number">{formatMoney(group.amount, currency)}</td>
            <td colSpan={3} />
          </tr>
        </tbody>
      ))}
    </table>
  );
}
