import { siteCheckReporter } from '../site-check-report.ts';
import { watchWebmail } from '../webmail/watcher.ts';
import { composeOf, toolbarSlotOf } from './compose-reader.ts';
import { GMAIL } from './selectors.ts';
import { readThread } from './thread-reader.ts';

const reportSiteCheck = siteCheckReporter('gmail');

// Gmail: one watcher for the whole app (new message, pop-out, full screen, inline replies).
watchWebmail({
  site: 'gmail',
  bodySelector: `${GMAIL.body}, ${GMAIL.bodyByClass}`,
  sendSelector: GMAIL.send,
  composeOf,
  placeButton(compose, host) {
    const slot = toolbarSlotOf(compose);
    if (slot) slot.append(host);
    // No toolbar we know: just below the message body, still inside the compose window.
    else compose.body.parentElement?.after(host);
    reportSiteCheck({
      layout: compose.body.matches(GMAIL.body) ? 'compose' : 'compose-by-class',
      missing: slot ? [] : ['toolbar'],
      fallbacks: slot ? [] : ['below body'],
    });
  },
  threadSelector: GMAIL.threadSubject,
  readThread,
});
