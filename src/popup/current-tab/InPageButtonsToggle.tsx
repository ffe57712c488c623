import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../i18n/t.ts';
import { IN_PAGE_BUTTONS_KEY } from '../../messaging/page-contract.ts';

/** The off switch for buttons inside LinkedIn; open tabs follow at once, without a reload. */
export function InPageButtonsToggle() {
  const [on, setOn] = useState<boolean | undefined>();
  useEffect(() => {
    void browser.storage.local.get(IN_PAGE_BUTTONS_KEY).then((stored) => setOn(stored[IN_PAGE_BUTTONS_KEY] !== false));
  }, []);
  if (on === undefined) return null;
  return (
    <label class="toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => {
          const next = event.currentTarget.checked;
          setOn(next);
          void browser.storage.local.set({ [IN_PAGE_BUTTONS_KEY]: next });
        }}
      />
      {t('tabShowButtons')}
    </label>
  );
}
