import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '../i18n/t.ts';
import { introRequest } from '../shared/intro-request.ts';
import type { Me } from '../shared/model.ts';
import { firstNameOf } from '../shared/names.ts';
import { isOpenLead } from '../shared/referrals.ts';
import type { LeadView } from '../storage/referrals.ts';
import { loadLeads, markLeadStep } from './data.ts';

interface Props {
  /** Changes whenever the data may have changed (an outcome saved elsewhere): the list is read again. */
  version: unknown;
  onChanged: () => void;
}

function nextStepText({ lead, referrer, progress }: LeadView): string {
  const who = referrer?.firstName || referrer?.fullName || t('uiLeadTheReferrer');
  switch (progress.stage) {
    case 'ask-intro':
      return t('uiLeadNextIntro', who, lead.fullName);
    case 'meet':
      return t('uiLeadNextMeeting', lead.fullName);
    default:
      return t('uiLeadNextDeal', lead.fullName);
  }
}

/** The introduction request to the referrer and the blurb to forward, each with its copy button. */
function IntroDraft({ view, me }: { view: LeadView; me: Me }) {
  const locale = uiLocale().toLowerCase().startsWith('de') ? 'de' : 'en';
  const { request, blurb } = introRequest(
    {
      referrerFirstName: view.referrer?.firstName || firstNameOf(view.referrer?.fullName ?? ''),
      leadName: view.lead.fullName,
      leadFirstName: view.lead.firstName,
      leadCompany: view.lead.company,
      myName: me.name,
      myCompany: me.company,
      product: me.product,
    },
    locale,
  );
  const [copied, setCopied] = useState('');
  const id = `intro-${view.lead.id}`;
  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(t('uiCopyFailed'));
    }
  }
  return (
    <div class="draft">
      <label for={`${id}-request`}>{t('uiIntroRequest')}</label>
      <textarea id={`${id}-request`} rows={8} readOnly value={request} />
      <label for={`${id}-blurb`}>{t('uiIntroBlurb')}</label>
      <textarea id={`${id}-blurb`} rows={3} readOnly value={blurb} />
      <div class="row">
        <button type="button" class="secondary" onClick={() => void copy(request, t('uiIntroRequestCopied'))}>
          {t('uiCopyIntroRequest')}
        </button>
        <button type="button" class="secondary" onClick={() => void copy(blurb, t('uiIntroBlurbCopied'))}>
          {t('uiCopyIntroBlurb')}
        </button>
        <span role="status">{copied}</span>
      </div>
    </div>
  );
}

function LeadItem({ view, me, onChanged }: { view: LeadView; me: Me; onChanged: () => void }) {
  const [drafting, setDrafting] = useState(false);
  const { lead, referrer, progress } = view;
  return (
    <li>
      <div class="item">
        <span class="who">{lead.company ? `${lead.fullName} (${lead.company})` : lead.fullName}</span>
        <span class="what">{t('uiReferredBy', referrer?.fullName ?? t('uiLeadTheReferrer'))}</span>
      </div>
      <p class="hint next-step">{nextStepText(view)}</p>
      <div class="row">
        {progress.stage === 'ask-intro' && (
          <>
            <button
              type="button"
              class="secondary"
              aria-expanded={drafting}
              aria-label={t('uiDraftIntroRequestFor', lead.fullName)}
              onClick={() => setDrafting(!drafting)}
            >
              {t('uiDraftIntroRequest')}
            </button>
            <button
              type="button"
              aria-label={t('uiMarkIntroducedFor', lead.fullName)}
              onClick={() => void markLeadStep(lead.id, 'introduced', true).then(onChanged)}
            >
              {t('uiMarkIntroduced')}
            </button>
          </>
        )}
        {progress.stage === 'meet' && (
          <button
            type="button"
            aria-label={t('uiMarkMetFor', lead.fullName)}
            onClick={() => void markLeadStep(lead.id, 'met', true).then(onChanged)}
          >
            {t('uiMarkMet')}
          </button>
        )}
      </div>
      {drafting && progress.stage === 'ask-intro' && <IntroDraft view={view} me={me} />}
    </li>
  );
}

/** Referred leads still in play, each with its next step: introduction, meeting, deal. */
export function ReferralLeads({ version, onChanged }: Props) {
  const [data, setData] = useState<{ leads: LeadView[]; me: Me } | undefined>();
  useEffect(() => {
    void loadLeads().then(setData);
  }, [version]);
  const open = data?.leads.filter((view) => isOpenLead(view.progress)) ?? [];
  if (!data || open.length === 0) return null;
  return (
    <section aria-labelledby="leads-title" id="referred-leads">
      <h2 id="leads-title">{t('uiReferredLeads')}</h2>
      <ul class="log" aria-label={t('uiReferredLeads')}>
        {open.map((view) => (
          <LeadItem key={view.lead.id} view={view} me={data.me} onChanged={onChanged} />
        ))}
      </ul>
    </section>
  );
}
