import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { EMAIL_LANGUAGE_LABEL, HOST_LABEL } from '../core/labels';
import { CONSOLE_HOSTS, hostPattern, isConsoleHost, isKnownConsoleHost } from '../core/sites/skyhigh';
import {
  EMAIL_LANGUAGES,
  KEY_TTL_MINUTES,
  SETTING_CHECKS,
  type Settings,
  type StateView,
} from '../core/state';
import { command, t } from '../ui/api';

const CUSTOM = 'custom';

export function Options() {
  const [view, setView] = useState<StateView | null>(null);
  const [status, setStatus] = useState<{ text: string; warn?: boolean } | null>(null);
  const [custom, setCustom] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [needsGrant, setNeedsGrant] = useState<string | null>(null);

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
  useEffect(() => {
    // a custom host the organisation set: can the extension open it yet?
    const host = view?.state.settings.consoleHost;
    if (!host || isKnownConsoleHost(host)) return setNeedsGrant(null);
    void browser.permissions
      .contains({ origins: [hostPattern(host)] })
      .then((ok) => setNeedsGrant(ok ? null : host));
  }, [view?.state.settings.consoleHost]);
  if (!view) return <main aria-busy="true" />;
  const s = view.state.settings;
  const fixed = (name: keyof Settings) => view.managed.locked || view.managed.fields.includes(name);
  const selected = fixed('consoleHost')
    ? isKnownConsoleHost(s.consoleHost)
      ? s.consoleHost
      : CUSTOM
    : (choice ?? s.consoleHost);
  /** Attributes of a control the organisation's policy sets: read-only, and said so beside it. */
  const managedProps = (name: keyof Settings) =>
    fixed(name) ? { disabled: true, 'aria-describedby': `managed-${name}` } : {};
  const managedMark = (name: keyof Settings) =>
    fixed(name) && (
      <span class="managed muted" id={`managed-${name}`}>
        {t('managedValue')}
      </span>
    );

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
      {(view.managed.locked || view.managed.fields.length > 0) && (
        <p class="managed-note" data-managed={view.managed.locked ? 'locked' : 'some'}>
          {t(view.managed.locked ? 'managedLockedNote' : 'managedSomeNote')}
        </p>
      )}
      <label>
        {t('consoleHostLabel')} {managedMark('consoleHost')}
        <br />
        <select
          {...managedProps('consoleHost')}
          value={selected}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            setChoice(v);
            if (v !== CUSTOM) void save({ consoleHost: v });
          }}
        >
          {CONSOLE_HOSTS.map((h) => (
            <option value={h} key={h}>
              {t(HOST_LABEL[h])} ({h})
            </option>
          ))}
          {fixed('consoleHost') && !isKnownConsoleHost(s.consoleHost) ? (
            <option value={CUSTOM}>{s.consoleHost}</option>
          ) : (
            <option value={CUSTOM}>{t('customHostOption')}</option>
          )}
        </select>
      </label>
      {needsGrant && (
        <div class="row">
          <p class="warn">{t('customHostNeedsGrant', needsGrant)}</p>
          <button
            type="button"
            onClick={async () => {
              // asked on this click; the background registers the console script once granted
              if (await browser.permissions.request({ origins: [hostPattern(needsGrant)] })) {
                setNeedsGrant(null);
                setView(await command({ type: 'state/get' }));
              } else setStatus({ text: t('customHostRefused'), warn: true });
            }}
          >
            {t('customHostGrant', needsGrant)}
          </button>
        </div>
      )}
      {selected === CUSTOM && !fixed('consoleHost') && (
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
        {t('instanceNameLabel')} {managedMark('instanceName')}
        <br />
        <input
          {...managedProps('instanceName')}
          value={s.instanceName}
          maxLength={120}
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).value.trim();
            if (v) void save({ instanceName: v });
          }}
        />
      </label>
      <label>
        {t('keyTtlLabel')} {managedMark('keyTtlMinutes')}
        <br />
        <input
          {...managedProps('keyTtlMinutes')}
          type="number"
          min={KEY_TTL_MINUTES.min}
          max={KEY_TTL_MINUTES.max}
          value={s.keyTtlMinutes}
          onChange={(e) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (SETTING_CHECKS.keyTtlMinutes(v)) void save({ keyTtlMinutes: v });
          }}
        />
      </label>
      <label class="check">
        <input
          {...managedProps('clearClipboard')}
          type="checkbox"
          checked={s.clearClipboard}
          onChange={(e) => void save({ clearClipboard: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t('clearClipboardLabel')} {managedMark('clearClipboard')}
      </label>
      <label>
        {t('emailLanguageLabel')} {managedMark('emailLanguage')}
        <br />
        <select
          {...managedProps('emailLanguage')}
          value={s.emailLanguage}
          onChange={(e) =>
            void save({ emailLanguage: (e.target as HTMLSelectElement).value as Settings['emailLanguage'] })
          }
        >
          {EMAIL_LANGUAGES.map((l) => (
            <option value={l} key={l}>
              {t(EMAIL_LANGUAGE_LABEL[l])}
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
