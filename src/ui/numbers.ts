import { t, uiLocale } from '../i18n/t.ts';
import { formatLocaleNumber, numberSymbols, parseLocaleNumber, type NumberResult } from '../shared/locale-number.ts';
import type { NumberProblem } from '../shared/quota-errors.ts';

/** A number as the UI language writes it in a form field ("12.000" in German), read back by readAmount. */
export function inputNumber(value: number, maxDecimals = 2): string {
  return formatLocaleNumber(value, uiLocale(), maxDecimals);
}

/** An amount of money as typed in the UI language: "4,200" in English, "4.200" or "4200,50" in German. */
export function readAmount(raw: string): NumberResult {
  return parseLocaleNumber(raw, uiLocale(), { maxDecimals: 2 });
}

/**
 * How to write a number here, for text that was not one in the UI language ("7,5" typed in
 * English): the locale's own example, with and without grouping. Undefined when the field's own
 * message says enough (empty, negative, a fraction in a whole-number field).
 */
export function numberHint(problem: Pick<NumberProblem, 'issue' | 'maxDecimals'> | undefined): string | undefined {
  if (!problem) return undefined;
  const locale = uiLocale();
  const sample = problem.maxDecimals > 0 ? 1234.5 : 1234;
  switch (problem.issue) {
    case 'grouping':
    case 'malformed': {
      const grouped = formatLocaleNumber(sample, locale, problem.maxDecimals);
      const plain = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: problem.maxDecimals });
      return t('uiNumberFormat', grouped, plain.format(sample));
    }
    case 'decimals': {
      if (problem.maxDecimals === 0) return undefined;
      const { decimal } = numberSymbols(locale);
      return problem.maxDecimals === 1
        ? t('uiNumberDecimalsOne', decimal)
        : t('uiNumberDecimalsMany', formatLocaleNumber(problem.maxDecimals, locale, 0), decimal);
    }
    default:
      return undefined;
  }
}

/** A field's message and, when the text was not a number in the UI language, how to write one. */
export function withNumberHint(message: string, problem: NumberProblem | undefined): string {
  const hint = numberHint(problem);
  return hint ? `${message} ${hint}` : message;
}

/** Why an amount was refused, for forms that take only amounts above zero (the won amount). */
export function amountProblem(result: NumberResult): NumberProblem | undefined {
  return result.ok ? undefined : { issue: result.issue, maxDecimals: 2 };
}
