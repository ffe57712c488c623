import { t } from '../i18n/t.ts';
import { request } from '../messaging/client.ts';
import { OWN_PLACEHOLDERS } from '../shared/template.ts';
import { el } from '../ui/dom.ts';
import { trusted } from './session.ts';

/** The words for each placeholder a form may ask for (a map of literal keys, for the locale test). */
function labels(): Record<string, string> {
  return {
    firstName: t('fillFirstName'),
    fullName: t('fillFullName'),
    company: t('fillCompany'),
    headline: t('fillHeadline'),
    myName: t('fillMyName'),
    myCompany: t('fillMyCompany'),
    product: t('fillProduct'),
    signature: t('fillSignature'),
    groupName: t('fillGroupName'),
    role: t('fillRole'),
    purchase: t('fillPurchase'),
    result: t('fillResult'),
    nextStep: t('fillNextStep'),
    impedimentQuestion: t('fillImpedimentQuestion'),
    favour: t('fillFavour'),
    idealReferral: t('fillIdealReferral'),
  };
}

/** How a missing value is named in a form and a status line: its words, or `{{name}}` for a typo. */
export function labelOf(name: string): string {
  return labels()[name] ?? t('fillUnknown', `{{${name}}}`);
}

const OWN: ReadonlySet<string> = new Set(OWN_PLACEHOLDERS);
let forms = 0;

/** Keeps the user's own values among those typed (name, company, product, a good referral) for next time. */
async function rememberOwn(values: Record<string, string>): Promise<void> {
  const own = Object.fromEntries(Object.entries(values).filter(([name]) => OWN.has(name) && name !== 'signature'));
  if (Object.keys(own).length === 0) return;
  // The draft is filled whatever happens here: a failed keep only means being asked again next time.
  await request('me.remember', own).catch(() => undefined);
}

/**
 * A form that asks for the values a draft cannot fill itself: one labelled textbox per missing
 * value, the user's own ones marked as remembered (they are kept in the options' "You" section),
 * and a submit button whose name starts with "Insert". The user's own values are kept; then
 * `submit` gets every typed value once every box holds one.
 */
export function missingValuesForm(
  names: readonly string[],
  buttonLabel: string,
  submit: (values: Record<string, string>) => void,
  signal: AbortSignal,
): HTMLFormElement {
  const id = `gc-fill-${++forms}`;
  const inputs = names.map((name, index) => {
    const input = el('input', { type: 'text', id: `${id}-${index}`, name, autocomplete: 'off' });
    input.addEventListener('input', () => input.setCustomValidity(''), { signal });
    return input;
  });
  const button = el('button', { type: 'submit', class: 'primary' }, buttonLabel);
  const form = el(
    'form',
    { class: 'fill', 'aria-labelledby': `${id}-title`, novalidate: true },
    el('p', { class: 'group-label', id: `${id}-title` }, t('fillHeading')),
    ...names.map((name, index) =>
      el(
        'div',
        { class: 'field' },
        el('label', { for: `${id}-${index}` }, labelOf(name)),
        inputs[index] as HTMLInputElement,
        ...(OWN.has(name) ? [el('p', { class: 'hint' }, t('fillKept'))] : []),
      ),
    ),
    el('div', { class: 'row' }, button),
  );
  form.addEventListener(
    'submit',
    trusted((event: SubmitEvent) => {
      event.preventDefault();
      const empty = inputs.find((input) => !input.value.trim());
      if (empty) {
        empty.setCustomValidity(t('fillRequired'));
        empty.reportValidity();
        return;
      }
      const values = Object.fromEntries(inputs.map((input) => [input.name, input.value.trim()]));
      void rememberOwn(values).then(() => submit(values));
    }),
    { signal },
  );
  return form;
}
