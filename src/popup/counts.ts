import { t, uiLocale } from '../i18n/t.ts';

/*
 * Counts as sentences ("5 asks sent — the plan was 3"), never "5 of 3", which reads as an
 * error when more were sent than planned. Intl.PluralRules picks each noun's form.
 */

let rules: Intl.PluralRules | undefined;
function isOne(count: number): boolean {
  rules ??= new Intl.PluralRules(uiLocale());
  return rules.select(count) === 'one';
}

/** "5 asks sent", "1 ask sent". */
export function asksSent(count: number): string {
  return isOne(count) ? t('popupAsksSentOne', count) : t('popupAsksSentOther', count);
}

/** "5 asks sent — the plan was 3"; without a plan, "5 asks sent today". */
export function sentAgainstPlan(made: number, planned: number | null): string {
  if (planned === null) return t('popupSentNoPlan', asksSent(made));
  return t(
    'popupSentAgainstPlan',
    asksSent(made),
    isOne(planned) ? t('popupPlanWasOne', planned) : t('popupPlanWasOther', planned),
  );
}
