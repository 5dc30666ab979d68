import { useEffect, useState } from 'preact/hooks';
import { currentRecord, orgMismatch, type StateView } from '../core/state';
import { command, t } from '../ui/api';

export function Popup() {
  const [view, setView] = useState<StateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');

  const run = async (p: Promise<StateView>) => {
    try {
      setView(await p);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    document.title = t('extName');
    void run(command({ type: 'state/get' }));
  }, []);

  if (!view) return <main aria-busy="true" />;
  const rec = currentRecord(view.state);
  const missing = <span class="muted">{t('notCapturedYet')}</span>;
  const mismatch = orgMismatch(view.state);

  return (
    <main>
      <h1>{t('extName')}</h1>
      {view.notice === 'state-reset' && (
        <p class="warn" role="alert">
          {t('stateWasReset')}
        </p>
      )}
      <h2>{t('workspaceDetails')}</h2>
      <dl aria-label={t('workspaceDetails')}>
        <dt>{t('workspaceIdLabel')}</dt>
        <dd data-field="workspaceId">{rec?.workspaceId ?? missing}</dd>
        <dt>{t('organizationIdLabel')}</dt>
        <dd data-field="organizationId">
          {rec?.organizationId ?? view.state.draft.organizationId ?? missing}
        </dd>
        <dt>{t('keyLast4Label')}</dt>
        <dd data-field="keyLast4">{(rec?.key ?? view.state.draft.key)?.last4 ?? missing}</dd>
      </dl>
      {mismatch && (
        <p class="warn" role="alert" data-warning="org-mismatch">
          {t('orgMismatch', [mismatch.platform, mismatch.chatgpt])}
        </p>
      )}
      <h2>{t('handoffHeading')}</h2>
      {view.secretHeldUntil ? (
        <p class="ok">{t('keyHeldUntil', new Date(view.secretHeldUntil).toLocaleTimeString())}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(command({ type: 'secret/hold', secret: pasted.trim() }));
            setPasted('');
          }}
        >
          <label>
            {t('pasteKeyLabel')}
            <input
              type="password"
              autocomplete="off"
              spellcheck={false}
              value={pasted}
              onInput={(e) => setPasted((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="row">
            <button type="submit" class="secondary" disabled={!pasted.trim()}>
              {t('holdKey')}
            </button>
          </div>
        </form>
      )}
      <div class="row">
        <button type="button" onClick={() => void run(command({ type: 'handoff/start' }))}>
          {t('openSkyhighAndFill')}
        </button>
        {view.secretHeldUntil && (
          <button
            type="button"
            class="secondary"
            onClick={() => void run(command({ type: 'secret/forget' }))}
          >
            {t('forgetKey')}
          </button>
        )}
      </div>
      {error && (
        <p class="warn" role="alert">
          {t('commandFailed')}
        </p>
      )}
    </main>
  );
}
