import { uiLocale } from '../i18n/t.ts';
import { composeUrl, type Webmail } from '../shared/compose-url.ts';
import type { Me } from '../shared/model.ts';
import type { QueueLine } from '../shared/queue.ts';
import { draftOf } from '../shared/template.ts';
import { getDb } from '../storage/db.ts';
import { allTemplates, pickTemplate } from '../storage/templates.ts';
import { STEP_ASK } from './queue-text.ts';

/**
 * "Draft email": the step's email template filled for the person, as a compose URL of the user's
 * webmail. The user reads, edits and sends it there; nothing is logged until an ask is.
 */
export async function draftEmailUrl(line: QueueLine, webmail: Webmail, me: Me): Promise<string> {
  const templates = await allTemplates(await getDb(), uiLocale());
  const template = pickTemplate(templates, STEP_ASK[line.step], 'email');
  const draft = template
    ? draftOf(template, {
        firstName: line.firstName,
        fullName: line.fullName,
        ...(line.company !== undefined && { company: line.company }),
        ...(line.headline !== undefined && { headline: line.headline }),
        myName: me.name,
        myCompany: me.company,
        product: me.product,
        signature: me.signature,
      })
    : undefined;
  return composeUrl(webmail, { to: line.email ?? '', subject: draft?.subject ?? '', body: draft?.text ?? '' });
}

/** Opens a URL in a new tab of the browser (the popup's own window stays as it is). */
export function openTab(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}
