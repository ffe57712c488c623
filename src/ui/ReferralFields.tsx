import { useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import { readReferralForm, type ReferralForm, type ReferralProblem, type ReferredPerson } from '../shared/referrals.ts';

const NO_REFERRAL: ReferralForm = { name: '', company: '', reach: '' };

/**
 * The state of a "who was referred?" form: what is typed, and the problems shown. A problem
 * clears as soon as the field it is about is right; `read` shows every problem, or gives the person.
 */
export function useReferralForm() {
  const [value, setValue] = useState<ReferralForm>(NO_REFERRAL);
  const [problems, setProblems] = useState<ReferralProblem[]>([]);
  return {
    value,
    problems,
    onChange(next: ReferralForm) {
      setValue(next);
      const read = readReferralForm(next);
      setProblems((shown) => (read.ok ? [] : shown.filter((problem) => read.problems.includes(problem))));
    },
    read(): ReferredPerson | undefined {
      const read = readReferralForm(value);
      setProblems(read.ok ? [] : read.problems);
      return read.ok ? read.person : undefined;
    },
  };
}

interface Props {
  /** Prefix of the fields' ids (unique on the page). */
  id: string;
  value: ReferralForm;
  problems: readonly ReferralProblem[];
  onChange: (value: ReferralForm) => void;
}

/** "Who was referred?": name (required), company, email or LinkedIn URL, each labelled. */
export function ReferralFields({ id, value, problems, onChange }: Props) {
  const nameError = problems.includes('name-missing');
  const reachError = problems.includes('reach-invalid');
  return (
    <fieldset class="referral">
      <legend>{t('uiReferralWho')}</legend>
      <label for={`${id}-name`}>{t('uiReferralName')}</label>
      <input
        id={`${id}-name`}
        aria-required="true"
        autocomplete="off"
        value={value.name}
        aria-invalid={nameError ? 'true' : undefined}
        aria-describedby={nameError ? `${id}-name-error` : undefined}
        onInput={(event) => onChange({ ...value, name: event.currentTarget.value })}
      />
      {nameError && (
        <small id={`${id}-name-error`} class="error">
          {t('uiReferralNameMissing')}
        </small>
      )}
      <label for={`${id}-company`}>{t('uiReferralCompany')}</label>
      <input
        id={`${id}-company`}
        autocomplete="off"
        value={value.company}
        onInput={(event) => onChange({ ...value, company: event.currentTarget.value })}
      />
      <label for={`${id}-reach`}>{t('uiReferralReach')}</label>
      <input
        id={`${id}-reach`}
        autocomplete="off"
        value={value.reach}
        aria-invalid={reachError ? 'true' : undefined}
        aria-describedby={reachError ? `${id}-reach-error` : undefined}
        onInput={(event) => onChange({ ...value, reach: event.currentTarget.value })}
      />
      {reachError && (
        <small id={`${id}-reach-error`} class="error">
          {t('uiReferralReachInvalid')}
        </small>
      )}
    </fieldset>
  );
}
