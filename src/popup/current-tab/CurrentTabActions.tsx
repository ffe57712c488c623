import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { request } from '../../messaging/client.ts';
import type { Relationship } from '../../shared/model.ts';
import { Composer } from './Composer.tsx';
import { readSubjectTab, type TabSubject } from './subject-tab.ts';
import { profileActionsFor, type ProfileAction } from '../../i18n/profile-actions.ts';

interface Props {
  /** Called after an outreach was logged, so the rest of the popup can refresh. */
  onLogged: () => void;
}

/**
 * "On this page": the LinkedIn profile or group in the current tab, read on demand, with the
 * same actions as the in-page buttons. This is how the actions work with in-page buttons off,
 * and through the keyboard shortcut that opens the popup. Nothing at all on any other tab: the
 * top of the popup belongs to the day's asks.
 */
export function CurrentTabActions({ onLogged }: Props) {
  const [found, setFound] = useState<TabSubject | { error: string } | undefined | null>(null);
  const [relationship, setRelationship] = useState<Relationship>();
  const [open, setOpen] = useState<ProfileAction | 'group'>();

  useEffect(() => {
    void readSubjectTab()
      .catch(() => undefined)
      .then(async (result) => {
        setFound(result);
        if (result && 'subject' in result && result.subject.kind === 'profile' && result.subject.person.linkedinUrl) {
          const context = await request('contact.context', { linkedinUrl: result.subject.person.linkedinUrl });
          setRelationship(context.relationship);
        }
      });
  }, []);

  const subject = found && 'subject' in found ? found.subject : undefined;
  if (!found || (subject && subject.kind !== 'profile' && subject.kind !== 'group')) return null;
  return (
    <section aria-labelledby="on-this-page" class="on-page">
      <h2 id="on-this-page">{t('tabOnThisPage')}</h2>
      {found && 'error' in found && <p class="hint">{found.error}</p>}
      {subject?.kind === 'profile' && (
        <>
          <p class="subject">{subject.person.fullName}</p>
          <div class="actions">
            {profileActionsFor(relationship).map((action) => (
              <button key={action.kind} type="button" aria-expanded={open === action} onClick={() => setOpen(action)}>
                {action.label()}
              </button>
            ))}
          </div>
          {open && open !== 'group' && (
            <Composer
              heading={t('tabActionOn', open.label(), subject.person.firstName ?? subject.person.fullName)}
              channel="linkedin-message"
              kind={open.kind}
              person={subject.person}
              onDone={onLogged}
              onClose={() => setOpen(undefined)}
            />
          )}
        </>
      )}
      {subject?.kind === 'group' && (
        <>
          <p class="subject">{subject.group.name}</p>
          <button type="button" aria-expanded={open === 'group'} onClick={() => setOpen('group')}>
            {t('linkedinAskGroup')}
          </button>
          {open === 'group' && (
            <Composer
              heading={t('tabPostIn', subject.group.name)}
              channel="linkedin-group"
              kind="group-post"
              group={subject.group}
              onDone={onLogged}
              onClose={() => setOpen(undefined)}
            />
          )}
        </>
      )}
    </section>
  );
}
