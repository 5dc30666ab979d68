import { useEffect, useRef, useState } from 'preact/hooks';
import { ACCESS_MESSAGE, COMPLIANCE_API_PERMISSION, DELETE_MESSAGE } from '../core/access';
import { checklist, pathInForce, type Step, type StepId, stepsLeft, stepText } from '../core/checklist';
import { composeEmail, emailText, gmailUrl, mailtoUrl, outlookUrl } from '../core/email';
import { expiryDate, otherRotationsDue, rotationDue } from '../core/expiry';
import { handoverLines, handoverPreview } from '../core/handover';
import { FIELD_LABEL } from '../core/labels';
import type { MessageKey } from '../core/message-keys';
import type { Message } from '../core/protocol';
import {
  currentKey,
  currentRecord,
  type KeyPath,
  orgMismatch,
  pathOf,
  type StateView,
  unattachedOrg,
} from '../core/state';
import { summaryText } from '../core/summary';
import { command, ext, t } from '../ui/api';
import { emailWords } from '../ui/email-words';

type Run = (m: Message) => Promise<void>;

const STATUS_TEXT: Record<Step['status'], MessageKey> = {
  todo: 'statusTodo',
  done: 'statusDone',
  attention: 'statusAttention',
  waiting: 'statusWaiting',
};

const time = (ms: number) => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
const day = (ms: number) => new Date(ms).toLocaleDateString([], { dateStyle: 'medium' });

/** Steps whose next action is their page link: the link is then drawn as the step's button. */
const LINK_IS_ACTION: ReadonlySet<StepId> = new Set(['createKey', 'keepKey', 'ids']);

/** `initial`: the state read from storage before the first render (none: ask the background). */
export function Popup({ initial }: { initial?: StateView | undefined } = {}) {
  const [view, setView] = useState<StateView | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // Which steps are open. A step done when the popup opened starts folded to one line; one done
  // while the popup is open stays open (it folding under the keyboard focus would lose the focus).
  // The admin's own choice (`${record} ${step}` → open) wins.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const doneAtOpen = useRef(new Map<string, Set<StepId>>());
  const scrolled = useRef(false);

  const run: Run = async (m) => {
    try {
      setView(await command(m));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    document.title = t('extName');
    if (!initial) void run({ type: 'state/get' });
  }, []);
  useEffect(() => {
    if (!view) return;
    // for `npm run bench`: when the checklist is first on screen
    requestAnimationFrame(() => performance.mark('casb:checklist-painted'));
    // on open, the current step in view: folded done steps above it usually leave it there already
    const current = document.querySelector<HTMLElement>('[aria-current="step"]');
    if (current && !scrolled.current && current.getBoundingClientRect().bottom > window.innerHeight)
      current.scrollIntoView({ block: 'start' });
    scrolled.current = true;
  }, [view === null]);

  if (!view) return <main aria-busy="true" />;
  const steps = checklist(view);
  // the same count as the icon's badge (background: stepsLeft of the same checklist)
  const left = stepsLeft(steps);
  const done = steps.length - left;
  const records = Object.keys(view.state.records);
  const record = view.state.current ?? '';
  if (!doneAtOpen.current.has(record))
    doneAtOpen.current.set(record, new Set(steps.filter((s) => s.status === 'done').map((s) => s.id)));
  const foldedAtOpen = doneAtOpen.current.get(record) as Set<StepId>;
  const current = steps.find((s) => s.status !== 'done')?.id;
  const isOpen = (s: Step) =>
    toggled[`${record} ${s.id}`] ?? !(s.status === 'done' && foldedAtOpen.has(s.id));
  const toggle = (s: Step) => setToggled((o) => ({ ...o, [`${record} ${s.id}`]: !isOpen(s) }));

  const copy = async (what: string, text: string) => {
    await navigator.clipboard.writeText(text);
    setCopied(what);
  };

  return (
    <main>
      <header class="top">
        <h1>{t('extName')}</h1>
        <p class="progress" data-progress={`${done}/${steps.length}`} data-left={left}>
          <span class="bar" aria-hidden="true">
            <span style={{ width: `${(100 * done) / steps.length}%` }} />
          </span>
          <span>
            {t('progress', [String(done), String(steps.length)])}
            {left > 0 && <span class="muted"> · {t('progressLeft', String(left))}</span>}
          </span>
        </p>
        {records.length > 1 && (
          <label class="switcher">
            {t('workspaceSwitcher')}{' '}
            <select
              value={view.state.current ?? ''}
              onChange={(e) =>
                void run({ type: 'record/select', workspaceId: (e.target as HTMLSelectElement).value })
              }
            >
              {records.map((id) => (
                <option value={id} key={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
        )}
        {otherRotationsDue(view.state, Date.now()).map(({ workspaceId, label, rotation }) => (
          <p class="warn" key={workspaceId} data-rotation-other={workspaceId}>
            {t(rotation.due === 'soon' ? 'rotateOtherWorkspace' : 'expiredOtherWorkspace', [
              label,
              expiryDate(rotation.expires),
            ])}
          </p>
        ))}
      </header>
      {view.notice?.kind === 'state-newer' && (
        <p class="warn" role="alert" data-notice="state-newer">
          {t('stateNewer', String(view.notice.version))}
        </p>
      )}
      {view.notice?.kind === 'state-reset' && (
        <p class="warn" role="alert" data-notice="state-reset">
          {view.notice.lost === 'all' ? t('stateWasReset') : t('stateWasRepaired', String(view.notice.lost))}
        </p>
      )}
      <ol class="steps">
        {steps.map((step, i) => (
          <StepItem
            key={step.id}
            n={i + 1}
            step={step}
            current={step.id === current}
            open={isOpen(step)}
            onToggle={() => toggle(step)}
            view={view}
            run={run}
            copy={copy}
          />
        ))}
      </ol>
      <footer class="row">
        <button
          type="button"
          class="secondary"
          onClick={() => void copy('summary', summaryText(view.state, t))}
        >
          {t('copySummary')}
        </button>
        <button type="button" class="secondary" onClick={() => void ext.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </footer>
      <p role="status" class="ok">
        {copied ? t(copied === 'summary' ? 'summaryCopied' : 'emailCopied') : ''}
      </p>
      {error && (
        <p class="warn" role="alert">
          {t('commandFailed')}
        </p>
      )}
    </main>
  );
}

interface StepProps {
  n: number;
  step: Step;
  view: StateView;
  run: Run;
  copy: (what: string, text: string) => Promise<void>;
}

interface ItemProps extends StepProps {
  /** The first step not done: the one to do next. */
  current: boolean;
  open: boolean;
  onToggle: () => void;
}

/**
 * One step: its heading is a disclosure button (aria-expanded) that folds the step to one line,
 * e.g. "✓ 1. Create a dedicated API key  Done Nov 26, 2026" (the ✓ hidden from screen readers,
 * which hear the status in words). A folded step's body stays in the
 * page, hidden, so its state and values are kept.
 */
function StepItem({ n, step, current, open, onToggle, view, run, copy }: ItemProps) {
  const id = `step-${step.id}`;
  const done = step.status === 'done';
  const link = stepText('open', step);
  return (
    <li
      class={`step ${step.status}${current ? ' current' : ''}${open ? '' : ' folded'}`}
      aria-labelledby={id}
      aria-current={current ? 'step' : undefined}
      data-step={step.id}
      data-status={step.status}
    >
      <h2 id={id}>
        <button
          type="button"
          class="toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={onToggle}
        >
          <span class="n">
            {done && <span aria-hidden="true">✓ </span>}
            {n}.
          </span>
          <span class="label">
            <span class="name">{t(stepText('step', step))}</span>{' '}
            {current && <span class="next">{t('nextStep')}</span>}{' '}
            {done && step.doneAt ? (
              <span class="when" data-done-at={step.doneAt}>
                {t('doneAt', day(step.doneAt))}
              </span>
            ) : (
              // the step to do next says so instead of "To do"; any other status it shows
              !(current && step.status === 'todo') && (
                <span class={`badge ${step.status}`}>{t(STATUS_TEXT[step.status])}</span>
              )
            )}
          </span>
        </button>
      </h2>
      <div class="body" id={`${id}-body`} hidden={!open}>
        {!done && <p class="todo">{t(stepText('do', step))}</p>}
        {step.why && (
          <p class={step.status === 'attention' ? 'warn' : 'muted'} data-why={step.why.key}>
            {t(step.why.key, step.why.subs)}
          </p>
        )}
        <StepBody step={step} view={view} run={run} copy={copy} />
        {step.url && link && (
          <p>
            <a
              class={!done && LINK_IS_ACTION.has(step.id) ? 'button' : undefined}
              href={step.url}
              target="_blank"
              rel="noreferrer"
            >
              {t(link)}
            </a>
          </p>
        )}
      </div>
    </li>
  );
}

function StepBody({ step, view, run, copy }: Omit<StepProps, 'n'>) {
  const rec = currentRecord(view.state);
  const key = currentKey(view.state);
  const missing = <span class="muted">{t('notCapturedYet')}</span>;
  const selfServe = pathInForce(view) === 'self-serve';
  switch (step.id) {
    case 'createKey':
      return key ? (
        <>
          <p class="muted" data-path={selfServe ? 'self-serve' : 'email'}>
            {t(selfServe ? 'pathIsSelfServe' : 'pathIsEmail')}
          </p>
          <dl>
            <dt>{t('keyNameLabel')}</dt>
            <dd data-field="keyName">{key.name ?? missing}</dd>
            <dt>{t('keyLast4Label')}</dt>
            <dd data-field="keyLast4">{key.last4}</dd>
            <dt>{t('createdByLabel')}</dt>
            <dd data-field="createdBy">{key.createdBy ?? missing}</dd>
            {key.organization && (
              <>
                <dt>{t('organizationLabel')}</dt>
                <dd>{key.organization}</dd>
              </>
            )}
            {key.workspaceName && (
              <>
                <dt>{t('keyWorkspaceLabel')}</dt>
                <dd data-field="workspaceName">{key.workspaceName}</dd>
              </>
            )}
            {key.permissions && (
              <>
                <dt>{t('keyPermissionsLabel')}</dt>
                <dd data-field="permissions">{key.permissions}</dd>
              </>
            )}
            {(key.expires !== undefined || selfServe) && (
              <>
                <dt>{t('keyExpiresLabel')}</dt>
                <dd data-field="expires">
                  {key.expires === 'never'
                    ? t('keyExpiresNever')
                    : key.expires !== undefined
                      ? expiryDate(key.expires)
                      : missing}
                </dd>
              </>
            )}
          </dl>
          <Rotation view={view} run={run} />
        </>
      ) : (
        <PathChoice path={pathOf(view.state)} run={run} />
      );
    case 'keepKey':
      return view.secretHeldUntil ? (
        <p class="ok" data-field="secretHeld">
          {t(
            'keyHeldUntil',
            new Date(view.secretHeldUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
          )}
        </p>
      ) : null;
    case 'email':
      return <EmailStep view={view} run={run} copy={copy} />;
    case 'scopes':
      return rec ? (
        <>
          <p class="muted" data-note="allowlist">
            {t('allowlistNote')}
          </p>
          <AccessCheckPanel view={view} run={run} />
          <div class="row">
            <button
              type="button"
              class="secondary"
              aria-pressed={!!rec.scopesGrantedAt}
              onClick={() =>
                void run({ type: 'record/mark', mark: 'scopes-granted', on: !rec.scopesGrantedAt })
              }
            >
              {t('markScopesGranted')}
            </button>
          </div>
        </>
      ) : null;
    case 'ids': {
      const mismatch = orgMismatch(view.state);
      const loose = unattachedOrg(view.state);
      return (
        <>
          <dl aria-label={t('workspaceDetails')}>
            <dt>{t('workspaceIdLabel')}</dt>
            <dd data-field="workspaceId">{rec?.workspaceId ?? missing}</dd>
            <dt>{t('organizationIdLabel')}</dt>
            <dd data-field="organizationId">{rec?.organizationId ?? missing}</dd>
          </dl>
          {loose && (
            <div data-unattached-org={loose.organizationId}>
              <p class="warn">
                {loose.workspaceId
                  ? t('orgUnattachedAsk', [loose.organizationId, loose.from || '—', loose.workspaceId])
                  : t('orgUnattached', [loose.organizationId, loose.from || '—'])}
              </p>
              {loose.workspaceId && (
                <div class="row">
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      void run({ type: 'ids/attach-org', workspaceId: loose.workspaceId as string })
                    }
                  >
                    {t('orgAttach')}
                  </button>
                </div>
              )}
            </div>
          )}
          {mismatch && (
            <p class="warn" role="alert" data-warning="org-mismatch">
              {t('orgMismatch', [mismatch.platform, mismatch.chatgpt])}
            </p>
          )}
        </>
      );
    }
    case 'skyhigh':
      return (
        <>
          <HandoffStep view={view} run={run} done={step.status === 'done'} />
          {selfServe && rec && (
            <>
              <p class="muted" data-note="allowlist">
                {t('allowlistNote')}
              </p>
              <AccessCheckPanel view={view} run={run} />
            </>
          )}
        </>
      );
  }
}

/** Before any key exists: which way to it. Each workspace record keeps its own choice. */
function PathChoice({ path, run }: { path: KeyPath | null; run: Run }) {
  const option = (value: KeyPath, label: MessageKey, note: MessageKey) => (
    <div class="choice">
      <label>
        <input
          type="radio"
          name="key-path"
          value={value}
          checked={path === value}
          aria-describedby={`path-note-${value}`}
          onChange={() => void run({ type: 'record/path', path: value })}
        />{' '}
        {t(label)}
      </label>
      <p class="muted" id={`path-note-${value}`}>
        {t(note)}
      </p>
    </div>
  );
  return (
    <fieldset data-path-choice={path ?? ''}>
      <legend>{t('pathTitle')}</legend>
      {option('self-serve', 'pathSelfServe', 'pathSelfServeNote')}
      {option('email', 'pathEmail', 'pathEmailNote')}
    </fieldset>
  );
}

/** A key with an expiry: the rotation walk when it is due, and the old key to delete after one. */
function Rotation({ view, run }: { view: StateView; run: Run }) {
  const rec = currentRecord(view.state);
  const due = rotationDue(currentKey(view.state), Date.now());
  const old = rec?.previousKey;
  return (
    <>
      {due && (
        <p class="warn" data-rotation={due.due}>
          {t('rotateSteps')}
        </p>
      )}
      {old && (
        <div data-previous-key={old.last4}>
          <p class="warn">{t('whyDeleteOldKey', old.last4)}</p>
          <div class="row">
            <button
              type="button"
              class="secondary"
              onClick={() => void run({ type: 'record/mark', mark: 'old-key-deleted', on: true })}
            >
              {t('markOldKeyDeleted')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function EmailStep({ view, run, copy }: Omit<StepProps, 'n' | 'step'>) {
  const rec = currentRecord(view.state);
  const email = composeEmail(rec, currentKey(view.state), emailWords(view.state.settings));
  return (
    <>
      {email.missing.length > 0 && (
        <p class="warn" data-missing={email.missing.join(' ')}>
          {t('emailStillMissing', email.missing.map((m) => t(FIELD_LABEL[m])).join(', '))}
        </p>
      )}
      <details>
        <summary>{t('showEmail')}</summary>
        <pre class="email" data-email="body">
          {emailText(email)}
        </pre>
      </details>
      <div class="row">
        <a class="button" href={mailtoUrl(email)} data-mail="mailto">
          {t('openMailApp')}
        </a>
        <a class="button secondary" href={gmailUrl(email)} target="_blank" rel="noreferrer">
          Gmail
        </a>
        <a class="button secondary" href={outlookUrl(email)} target="_blank" rel="noreferrer">
          Outlook
        </a>
        <button type="button" class="secondary" onClick={() => void copy('email', emailText(email))}>
          {t('copyEmail')}
        </button>
      </div>
      {rec && (
        <div class="row">
          <button
            type="button"
            class="secondary"
            aria-pressed={!!rec.emailSentAt}
            onClick={() => void run({ type: 'record/mark', mark: 'email-sent', on: !rec.emailSentAt })}
          >
            {t('markEmailSent')}
          </button>
        </div>
      )}
    </>
  );
}

/** What the hand-off gives, before the click: the key, its path and expiry, the workspace, the host; and what does not fit. */
function HandoverSummary({ view }: { view: StateView }) {
  const about = handoverPreview(view, view.state.settings.consoleHost, Date.now());
  return (
    <div class="handover" data-handover={about.problems.length > 0 ? 'problems' : 'ok'}>
      <p class="muted">{t('handoverTitle')}</p>
      <ul>
        {handoverLines(about, t).map((l) => (
          <li
            key={l.names}
            class={l.names === 'no-key' ? 'muted' : undefined}
            data-handover-line={l.names}
            data-value={l.value}
          >
            {l.text}
          </li>
        ))}
      </ul>
      {about.problems.map((p) => (
        <p class="warn" role="alert" key={p.key} data-handover-problem={p.key}>
          {t(p.key, p.subs)}
        </p>
      ))}
    </div>
  );
}

function HandoffStep({ view, run, done }: Omit<StepProps, 'n' | 'step' | 'copy'> & { done: boolean }) {
  const [pasted, setPasted] = useState('');
  // a mismatch known of: the first click asks again, the second fills
  const [asked, setAsked] = useState(false);
  const h = currentRecord(view.state)?.handoff;
  const problems = handoverPreview(view, view.state.settings.consoleHost, Date.now()).problems.length > 0;
  const start = () => {
    if (problems && !asked) {
      setAsked(true);
      return;
    }
    setAsked(false);
    void run({ type: 'handoff/start' });
  };
  return (
    <>
      <HandoverSummary view={view} />
      {!view.secretHeldUntil && !done && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: 'secret/hold', secret: pasted.trim() });
            setPasted('');
          }}
        >
          <SecretInput label={t('pasteKeyLabel')} value={pasted} onInput={setPasted} />
          <div class="row">
            <button type="submit" class="secondary" disabled={!pasted.trim()}>
              {t('holdKey')}
            </button>
          </div>
        </form>
      )}
      <div class="row">
        <button type="button" onClick={start} data-handoff-start={asked ? 'confirm' : 'start'}>
          {t(asked ? 'handoverFillAnyway' : 'openSkyhighAndFill')}
        </button>
        {asked && (
          <button type="button" class="secondary" onClick={() => setAsked(false)}>
            {t('cancel')}
          </button>
        )}
        {view.secretHeldUntil && (
          <button type="button" class="secondary" onClick={() => void run({ type: 'secret/forget' })}>
            {t('forgetKey')}
          </button>
        )}
      </div>
      {view.lastHandoff?.status === 'pending' ? (
        <p class="muted" data-handoff="waiting">
          {t('handoffWaiting', view.state.settings.consoleHost)}
        </p>
      ) : null}
      {view.lastHandoff?.status === 'sent' ? (
        <div data-handoff="sent">
          <p class="muted">{t('handoffNotConfirmed', view.state.settings.consoleHost)}</p>
          <div class="row">
            <button type="button" class="secondary" onClick={() => void run({ type: 'handoff/start' })}>
              {t('handoffTryAgain')}
            </button>
          </div>
        </div>
      ) : null}
      {h && (
        <p class="muted" data-handoff="result">
          {t('handoffResult', [h.filled.map((f) => t(FIELD_LABEL[f])).join(', ') || '—', h.host])}
        </p>
      )}
      {h && !currentRecord(view.state)?.skyhighStatus && <p class="muted">{t('skyhighSeeStatus')}</p>}
    </>
  );
}

/** Check access: asks for api.chatgpt.com on this click, then one request from the background. */
function AccessCheckPanel({ view, run }: Omit<StepProps, 'n' | 'step' | 'copy'>) {
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = currentRecord(view.state)?.accessCheck;
  const held = !!view.secretHeldUntil;
  const submit = async (e: Event) => {
    e.preventDefault();
    const secret = pasted.trim();
    if (!held && !secret) {
      setProblem(t('accessNeedsKey'));
      return;
    }
    const granted = await ext.permissions.request({ origins: [COMPLIANCE_API_PERMISSION] });
    if (!granted) {
      setProblem(t('accessPermissionRefused'));
      return;
    }
    setProblem(null);
    setBusy(true);
    setPasted('');
    await run({ type: 'access/check', ...(secret ? { secret } : {}) });
    setBusy(false);
  };
  return (
    <form onSubmit={submit}>
      {!held && <SecretInput label={t('accessPasteLabel')} value={pasted} onInput={setPasted} />}
      <div class="row">
        <button type="submit" disabled={busy}>
          {t('checkAccess')}
        </button>
      </div>
      {problem && (
        <p class="warn" role="alert">
          {problem}
        </p>
      )}
      <DeleteCheck view={view} run={run} pasted={pasted} onUsed={() => setPasted('')} />
      {check && (
        <p class={check.result === 'ok' ? 'ok' : 'warn'} role="status" data-access-result={check.result}>
          {t('lastChecked', time(check.at))}{' '}
          {t(
            check.result === 'forbidden' && pathInForce(view) === 'self-serve'
              ? 'accessForbiddenSelfServe'
              : ACCESS_MESSAGE[check.result],
            check.status ? [String(check.status)] : [],
          )}
        </p>
      )}
    </form>
  );
}

/**
 * The delete permission, checked without deleting: opt-in, explained first (one DELETE of a
 * conversation that cannot exist, recorded in the audit log), then sent on the second click.
 */
function DeleteCheck({
  view,
  run,
  pasted,
  onUsed,
}: Omit<StepProps, 'n' | 'step' | 'copy'> & { pasted: string; onUsed: () => void }) {
  const [explained, setExplained] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const check = currentRecord(view.state)?.deleteCheck;
  const send = async () => {
    const secret = pasted.trim();
    if (!view.secretHeldUntil && !secret) {
      setProblem(t('accessNeedsKey'));
      return;
    }
    if (!(await ext.permissions.request({ origins: [COMPLIANCE_API_PERMISSION] }))) {
      setProblem(t('accessPermissionRefused'));
      return;
    }
    setProblem(null);
    setExplained(false);
    onUsed();
    await run({ type: 'access/check-delete', ...(secret ? { secret } : {}) });
  };
  return (
    <div data-delete-check={check?.result ?? ''}>
      {!explained ? (
        <div class="row">
          <button type="button" class="secondary" onClick={() => setExplained(true)}>
            {t('checkDelete')}
          </button>
        </div>
      ) : (
        <div data-delete-explained="true">
          <p class="muted">{t('deleteExplain')}</p>
          {pathInForce(view) === 'email' && <p class="muted">{t('deleteEmailPath')}</p>}
          <div class="row">
            <button type="button" onClick={() => void send()}>
              {t('deleteSend')}
            </button>
            <button type="button" class="secondary" onClick={() => setExplained(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p class="warn" role="alert">
          {problem}
        </p>
      )}
      {check && (
        <p
          class={check.result === 'delete-accepted' ? 'ok' : 'warn'}
          role="status"
          data-delete-result={check.result}
        >
          {t('lastChecked', time(check.at))}{' '}
          {t(DELETE_MESSAGE[check.result], check.status ? [String(check.status)] : [])}
        </p>
      )}
    </div>
  );
}

/** A key typed or pasted into the popup: masked, never autocompleted or spell-checked. */
function SecretInput({
  label,
  value,
  onInput,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={value}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
