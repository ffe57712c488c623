import { useEffect, useRef, useState } from 'preact/hooks';
import type { Group, Person, TemplateSummary } from '../../messaging/contract.ts';
import { t } from '../../i18n/t.ts';
import { request } from '../../messaging/client.ts';
import type { Channel, OutreachKind } from '../../shared/model.ts';
import { copyAndLog, markSent } from '../../ui/copy-and-log.ts';

interface Props {
  heading: string;
  channel: Channel;
  kind: OutreachKind;
  person?: Person;
  group?: Group;
  onDone: () => void;
  onClose: () => void;
}

function newKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** The popup's draft editor for the page in the current tab: the same steps as the in-page dialog. */
export function Composer({ heading, channel, kind: initialKind, person, group, onDone, onClose }: Props) {
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState<string>();
  const [kind, setKind] = useState(initialKind);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ message: string; error: boolean }>({
    message: t('dialogPreparing'),
    error: false,
  });
  const [key, setKey] = useState(newKey);
  /** The key of the copied draft, while "Sent" is offered for it. */
  const [copiedKey, setCopiedKey] = useState<string>();
  const draftBox = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    void request('templates.list', { channel }).then((reply) => setTemplates(reply.templates));
  }, [channel]);

  useEffect(() => {
    let current = true;
    request('draft.compose', {
      kind: initialKind,
      channel,
      ...(templateId && { templateId }),
      ...(person && { person }),
      ...(group && { group }),
    })
      .then((draft) => {
        if (!current) return;
        setText(draft.text);
        setKind(draft.kind);
        setTemplateId(draft.templateId);
        setKey(newKey());
        setCopiedKey(undefined);
        const gaps = [...draft.missing, ...draft.unknown];
        setStatus({
          message: gaps.length ? t('tabFillIn', gaps.map((gap) => `{{${gap}}}`).join(', ')) : '',
          error: false,
        });
        draftBox.current?.focus();
      })
      .catch(
        (error: unknown) =>
          current && setStatus({ message: String(error instanceof Error ? error.message : error), error: true }),
      );
    return () => {
      current = false;
    };
  }, [templateId, initialKind, channel, person, group]);

  async function copyAndLogDraft() {
    if (!text.trim()) return setStatus({ message: t('tabDraftEmpty'), error: true });
    const target = group ? { group } : person ? { person, kind, channel } : undefined;
    if (!target) return;
    try {
      const copied = await copyAndLog({ text, idempotencyKey: key }, target);
      setStatus(copied ? { message: t('sentTabCopied'), error: false } : { message: t('tabCopyBlocked'), error: true });
      setCopiedKey(key);
      onDone();
    } catch (error) {
      setStatus({ message: t('dialogNotLogged', error instanceof Error ? error.message : String(error)), error: true });
    }
  }

  async function sent(copied: string) {
    try {
      await markSent(copied);
      setCopiedKey(undefined);
      setStatus({ message: t('sentCounted'), error: false });
      onDone();
    } catch (error) {
      setStatus({ message: t('sentNotCounted', error instanceof Error ? error.message : String(error)), error: true });
    }
  }

  return (
    <section
      aria-labelledby="composer-title"
      class="composer"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <h3 id="composer-title">{heading}</h3>
      <label for="composer-template">{t('dialogTemplate')}</label>
      <select id="composer-template" value={templateId} onChange={(event) => setTemplateId(event.currentTarget.value)}>
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </select>
      <label for="composer-draft">{t('dialogDraft')}</label>
      <textarea
        id="composer-draft"
        ref={draftBox}
        rows={9}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p role="status" class={status.error ? 'error' : 'hint'}>
        {status.message}
      </p>
      <div class="row">
        <button type="button" class="secondary" onClick={onClose}>
          {t('dialogClose')}
        </button>
        <button type="button" onClick={() => void copyAndLogDraft()}>
          {t('linkedinCopyAndLog')}
        </button>
        {copiedKey && (
          <button type="button" class="secondary" onClick={() => void sent(copiedKey)}>
            {t('sentButton')}
          </button>
        )}
      </div>
    </section>
  );
}
