import { useCallback, useEffect, useState } from 'preact/hooks';
import { getDb } from '../storage/db.ts';
import { saveQuota, saveSettings } from '../storage/settings.ts';
import type { Me, Quota } from '../shared/model.ts';
import { CurrentTabActions } from './current-tab/CurrentTabActions.tsx';
import { FirstRun } from './FirstRun.tsx';
import { Summary } from './Summary.tsx';
import { loadPopupState, type PopupState } from './state.ts';

export function App() {
  const [state, setState] = useState<PopupState | undefined>();
  const [error, setError] = useState<string | undefined>();

  const reload = useCallback(async () => {
    try {
      setState(await loadPopupState(await getDb(), new Date()));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'Could not read your data.');
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const onSetUp = useCallback(
    async (quota: Quota, me: Me) => {
      if (!state) return;
      const db = await getDb();
      await saveSettings(db, { ...state.settings, me });
      await saveQuota(db, quota);
      await reload();
    },
    [state, reload],
  );

  if (error) {
    return (
      <main>
        <p role="alert">{error}</p>
      </main>
    );
  }
  if (!state) return <main aria-busy="true" />;
  return (
    <main>
      <h1>Gap Closer</h1>
      <CurrentTabActions onLogged={() => void reload()} />
      {state.quota && state.status ? (
        <Summary state={state} quota={state.quota} status={state.status} />
      ) : (
        <FirstRun today={state.today} me={state.settings.me} onSubmit={onSetUp} />
      )}
    </main>
  );
}
