import { t, uiLocale } from '../../i18n/t.ts';
import type { BriefFact, BriefSection, BriefSectionId } from '../../shared/brief.ts';
import type { LocalDate } from '../../shared/model.ts';

/** Names and amounts the brief's sentences need, from the page's formatting. */
export interface BriefWords {
  kind: (key: string) => string;
  relationship: (key: string) => string;
  /** A value in the quota's unit: money, or deals. */
  value: (n: number) => string;
  /** Money won from logged outreach. */
  money: (n: number) => string;
}

export interface BriefText {
  id: BriefSectionId;
  title: string;
  sentences: string[];
}

/** A local date (YYYY-MM-DD) as the UI language writes it in full: "November 2, 2026", "2. November 2026". */
export function formatLongDate(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long' }).format(new Date(y, m - 1, d));
}

function sectionTitle(id: BriefSectionId): string {
  switch (id) {
    case 'activity':
      return t('briefTitleActivity');
    case 'conversion':
      return t('briefTitleConversion');
    case 'revenue':
      return t('briefTitleRevenue');
    case 'weeks':
      return t('briefTitleWeeks');
    case 'pace':
      return t('briefTitlePace');
    case 'holidays':
      return t('briefTitleHolidays');
  }
}

/**
 * The brief in the UI language. Counts choose their noun with Intl.PluralRules (a "one" and an
 * "other" message each); numbers, percentages, dates and lists are formatted with Intl.
 */
export function briefText(sections: readonly BriefSection[], words: BriefWords): BriefText[] {
  const locale = uiLocale();
  const plural = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  const shortDates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });

  const n = (value: number) => numbers.format(value);
  const pct = (share: number) => percents.format(share);
  const one = (count: number) => plural.select(count) === 'one';
  const shortDate = (date: LocalDate) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return shortDates.format(new Date(y, m - 1, d));
  };
  const asks = (count: number) => (one(count) ? t('briefAsksOne', n(count)) : t('briefAsksOther', n(count)));

  function sentence(fact: BriefFact): string {
    switch (fact.id) {
      case 'activity': {
        const days = one(fact.workedDays)
          ? t('briefWorkedDaysOne', n(fact.workedDays))
          : t('briefWorkedDaysOther', n(fact.workedDays));
        const from = formatLongDate(fact.from);
        const to = formatLongDate(fact.to);
        const made =
          fact.perDay === null
            ? t('briefActivity', from, to, asks(fact.asks), days)
            : t('briefActivityAverage', from, to, asks(fact.asks), days, n(fact.perDay));
        return fact.sinceFirstUse ? `${made} ${t('briefFirstUse', from)}` : made;
      }
      case 'top-kind':
        return t('briefTopKind', words.kind(fact.kind), asks(fact.asks));
      case 'no-asks':
        return t('briefNoAsks');
      case 'conversion':
        return t(
          'briefConversion',
          asks(fact.asked),
          n(fact.replied),
          pct(fact.replied / fact.asked),
          n(fact.helped),
          pct(fact.helped / fact.asked),
          n(fact.won),
          pct(fact.won / fact.asked),
        );
      case 'best-kind':
        return t('briefBestKind', words.kind(fact.kind), n(fact.won), n(fact.asked), pct(fact.won / fact.asked));
      case 'no-wins':
        return t('briefNoWins');
      case 'won':
        return t(
          'briefWon',
          one(fact.deals) ? t('briefDealsOne', n(fact.deals)) : t('briefDealsOther', n(fact.deals)),
          words.money(fact.won),
        );
      case 'won-by-kind':
        return t(
          'briefWonByKind',
          lists.format(
            fact.parts.map((part) =>
              t('briefWonByKindPart', words.kind(part.kind), words.money(part.amount), pct(part.share)),
            ),
          ),
        );
      case 'won-by-relationship':
        return t(
          'briefWonByRelationship',
          lists.format(
            fact.parts.map((part) =>
              t('briefWonByRelationshipPart', words.relationship(part.relationship), words.money(part.amount)),
            ),
          ),
        );
      case 'closed-before-logging':
        return t('briefClosedBeforeLogging', words.value(fact.value));
      case 'every-week':
        return one(fact.weeks) ? t('briefEveryWeekOne') : t('briefEveryWeekOther', n(fact.weeks));
      case 'weeks-without': {
        const weeks = one(fact.weeks) ? t('briefWeeksOne', n(fact.weeks)) : t('briefWeeksOther', n(fact.weeks));
        const starts = lists.format(fact.weekStarts.map(shortDate));
        const which = one(fact.without) ? t('briefWeekOfOne', starts) : t('briefWeekOfOther', starts);
        return t('briefWeeksWithout', n(fact.without), weeks, which);
      }
      case 'no-quota':
        return t('briefNoQuota');
      case 'target-reached':
        return t('briefTargetReached', words.value(fact.target), words.value(fact.closed));
      case 'gap': {
        const values = [words.value(fact.closed), words.value(fact.target), words.value(fact.gap)] as const;
        return one(fact.workingDaysLeft)
          ? t('briefGapOne', ...values, n(fact.workingDaysLeft))
          : t('briefGapOther', ...values, n(fact.workingDaysLeft));
      }
      case 'no-pace-closes':
        return t('briefNoPaceCloses');
      case 'needed-pace':
        return fact.achieved === null
          ? t('briefNeededPace', asks(fact.needed))
          : t('briefNeededPaceAverage', asks(fact.needed), n(fact.achieved));
      case 'keepable-answer':
        return t('briefKeepableAnswer', asks(fact.perDay));
      case 'keepable-history':
        return t('briefKeepableHistory', asks(fact.perDay), n(fact.workedDays));
      case 'keepable-unknown':
        return t('briefKeepableUnknown', n(fact.minDays));
      case 'reach': {
        const parts = [asks(fact.perDay), n(fact.workingDaysLeft), words.value(fact.reach), pct(fact.share)] as const;
        return fact.short > 0
          ? t('briefReachShort', ...parts, words.value(fact.short))
          : t('briefReachCloses', ...parts);
      }
      case 'reach-unknown':
        return t('briefReachUnknown');
      case 'within-reach':
        return t('briefWithinReach', n(fact.perDay), n(fact.needed));
      case 'beyond-keepable':
        return t('briefBeyondKeepable', n(fact.perDay), n(fact.needed));
      case 'holiday-week': {
        const off = lists.format(fact.daysOff.map(shortDate));
        const left = one(fact.workedDays)
          ? t('briefDaysLeftOne', n(fact.workedDays))
          : t('briefDaysLeftOther', n(fact.workedDays));
        return fact.asks === null
          ? t('briefHolidayWeek', shortDate(fact.weekStart), off, left)
          : t('briefHolidayWeekAsks', shortDate(fact.weekStart), off, left, asks(fact.asks));
      }
      case 'no-holidays':
        return t('briefNoHolidays');
    }
  }

  return sections.map((section) => ({
    id: section.id,
    title: sectionTitle(section.id),
    sentences: section.facts.map(sentence),
  }));
}
