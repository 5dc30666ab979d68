import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CONSOLE_HOSTS, hostPattern, isConsoleHost, isKnownConsoleHost } from '../core/sites/skyhigh';
import { KEY_TTL_MINUTES, type Settings, type StateView } from '../core/state';

/** The clipboard-clearing delays offered (seconds; 0: never). */
const CLIPBOARD_CHOICES = [0, 30, 60, 120];

import { command, t } from '../ui/api';

const CUSTOM = 'custom';

export function Options() {
  const [view, setView] = useState<StateView | null>(null);
  const [status, setStatus] = useState<{ text: string; warn?: boolean } | null>(null);
  const [custom, setCustom] = useState('');
  const [choice, setChoice] = useState<string | null>(null);

  useEffect(() => {
    document.title = t('optionsTitle');
    void command({ type: 'state/get' }).then((v) => {
      setView(v);
      if (!isKnownConsoleHost(v.state.settings.consoleHost)) {
        setChoice(CUSTOM);
        setCustom(v.state.settings.consoleHost);
      }
    });
  }, []);
  if (!view) return <main aria-busy="true" />;
  const s = view.state.settings;
  const selected = choice ?? s.consoleHost;

  const save = async (patch: Partial<Settings>) => {
    try {
      setView(await command({ type: 'settings/set', ...patch }));
      setStatus({ text: t('saved') });
    } catch {
      setStatus({ text: t('commandFailed'), warn: true });
    }
  };

  const useCustom = async (e: Event) => {
    e.preventDefault();
    const host = custom
      .trim()
      .toLowerCase()
      .replace(/^https:\/\//, '')
      .replace(/\/.*$/, '');
    if (!isConsoleHost(host)) {
      setStatus({ text: t('customHostInvalid'), warn: true });
      return;
    }
    // asked on this click: the browser shows the admin exactly this one host
    const granted = await browser.permissions.request({ origins: [hostPattern(host)] });
    if (!granted) {
      setStatus({ text: t('customHostRefused'), warn: true });
      return;
    }
    await save({ consoleHost: host });
  };

  return (
    <main style={{ maxWidth: '40rem', margin: '1.5rem auto', padding: '0 1rem' }}>
      <h1>{t('optionsTitle')}</h1>
      <label>
        {t('consoleHostLabel')}
        <br />
        <select
          value={selected}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            setChoice(v);
            if (v !== CUSTOM) void save({ consoleHost: v });
          }}
        >
          {CONSOLE_HOSTS.map((h) => (
            <option value={h} key={h}>
              {t(`host_${h.replace(/[^a-z0-9]/g, '_')}`)} ({h})
            </option>
          ))}
          <option value={CUSTOM}>{t('customHostOption')}</option>
        </select>
      </label>
      {selected === CUSTOM && (
        <form onSubmit={useCustom}>
          <label>
            {t('customHostLabel')}
            <br />
            <input
              value={custom}
              placeholder="tenant.example.com"
              spellcheck={false}
              onInput={(e) => setCustom((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="row">
            <button type="submit">{t('customHostUse')}</button>
          </div>
        </form>
      )}
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
          min={KEY_TTL_MINUTES.min}
          max={KEY_TTL_MINUTES.max}
          value={s.keyTtlMinutes}
          onChange={(e) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (Number.isInteger(v) && v >= KEY_TTL_MINUTES.min && v <= KEY_TTL_MINUTES.max)
              void save({ keyTtlMinutes: v });
          }}
        />
      </label>
      <label>
        {t('clipboardClearLabel')}
        <br />
        <select
          value={String(s.clipboardClearSeconds)}
          onChange={(e) =>
            void save({ clipboardClearSeconds: Number((e.target as HTMLSelectElement).value) })
          }
        >
          {CLIPBOARD_CHOICES.map((sec) => (
            <option key={sec} value={String(sec)}>
              {sec === 0 ? t('clipboardClearNever') : t('clipboardClearAfter', String(sec))}
            </option>
          ))}
        </select>
      </label>
      <div class="row">
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            if (confirm(t('forgetEverythingConfirm'))) {
              setView(await command({ type: 'state/forget-all' }));
              setStatus({ text: t('forgotten') });
            }
          }}
        >
          {t('forgetEverything')}
        </button>
      </div>
      <p role="status" class={status?.warn ? 'warn' : 'ok'}>
        {status?.text ?? ''}
      </p>
    </main>
  );
}
