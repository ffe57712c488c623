import { useEffect, useState } from 'preact/hooks';
import { readInPageButtons, writeInPageButtons } from './in-page-buttons.ts';

/** The off switch for buttons inside LinkedIn (popup and options page); open tabs follow at once. */
export function InPageButtonsToggle({ label }: { label: string }) {
  const [on, setOn] = useState<boolean | undefined>();
  useEffect(() => {
    void readInPageButtons().then(setOn);
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
          void writeInPageButtons(next);
        }}
      />
      {label}
    </label>
  );
}
