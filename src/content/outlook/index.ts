import { siteCheckReporter } from '../site-check-report.ts';
import { watchWebmail } from '../webmail/watcher.ts';
import { composeOf } from './compose-reader.ts';
import { OUTLOOK } from './selectors.ts';
import { readThread } from './thread-reader.ts';

const reportSiteCheck = siteCheckReporter('outlook');

// Outlook on the web, in the top frame, pop-outs and its iframes (the manifest injects all frames).
watchWebmail({
  site: 'outlook',
  bodySelector: OUTLOOK.editable,
  sendSelector: OUTLOOK.send,
  composeOf,
  placeButton(compose, host) {
    // Beside the subject line, just above the body: the form's own toolbar has no stable mark.
    const row = compose.subject?.parentElement;
    const inRow = Boolean(row && row !== compose.container);
    if (row && inRow) row.append(host);
    else compose.body.before(host);
    reportSiteCheck({
      layout: 'compose',
      missing: inRow ? [] : ['subject row'],
      fallbacks: inRow ? [] : ['above body'],
    });
  },
  threadSelector: OUTLOOK.threadSubject,
  readThread,
});
