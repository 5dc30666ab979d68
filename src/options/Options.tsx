import { useEffect, useState } from 'preact/hooks';
import { CONSOLE_HOSTS } from '../core/sites/skyhigh';
import type { StateView } from '../core/state';
import { command, t } from '../ui/api';

export function Options() {
  const [view, setView] = useState<StateView | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    document.title = t('optionsTitle');
    void command({ type: 'state/get' }).then(setView);
  }, []);
  if (!view) return <main aria-busy="true" />;
  const s = view.state.settings;

  const save = async (patch: { consoleHost?: string; instanceName?: string; keyTtlMinutes?: number }) => {
    setView(await command({ type: 'settings/set', ...patch }));
    setSaved(true);
  };

  return (
    <main style={{ maxWidth: '40rem', margin: '1.5rem auto', padding: '0 1rem' }}>
      <h1>{t('optionsTitle')}</h1>
      <label>
        {t('consoleHostLabel')}
        <br />
        <select
          value={s.consoleHost}
          onChange={(e) => void save({ consoleHost: (e.target as HTMLSelectElement).value })}
        >
          {CONSOLE_HOSTS.map((h) => (
            <option value={h} key={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('instanceNameLabel')}
        <br />
        <input
          value={s.instanceName}
          maxLength={120}
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).value.trim();
            if (v) void save({ instanceName: v });
          }}
        />
      </label>
      <label>
        {t('keyTtlLabel')}
        <br />
        <input
          type="number"
          min={1}
          max={120}
          value={s.keyTtlMinutes}
          onChange={(e) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (Number.isInteger(v) && v >= 1 && v <= 120) void save({ keyTtlMinutes: v });
          }}
        />
      </label>
      <div class="row">
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            if (confirm(t('forgetEverythingConfirm'))) setView(await command({ type: 'state/forget-all' }));
          }}
        >
          {t('forgetEverything')}
        </button>
      </div>
      <p role="status" class="ok">
        {saved ? t('saved') : ''}
      </p>
    </main>
  );
}
