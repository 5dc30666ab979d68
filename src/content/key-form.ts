/**
 * platform.openai.com and admin.openai.com: while the create-key form is open, a side note with
 * what Skyhigh documents and what in the form differs; the choices are noted for the support
 * e-mail (the key-dialog script adds them to the key once its secret is shown).
 */
import { findCreateForm, readCreateForm } from '../core/readers/create-form';
import { isKeyPageUrl } from '../core/sites/openai';
import { KeyGuide } from './key-guide-panel';
import { followPage, onPageVisits, send } from './runtime';

async function visit(signal: AbortSignal): Promise<void> {
  let guide: KeyGuide | null = null;
  let sent = '';

  /** Note the form's values now: it can be submitted right after typing (paste, then Enter). */
  const note = () => {
    const form = findCreateForm(document.body ?? document.documentElement);
    if (!form) {
      guide?.close();
      guide = null;
      return;
    }
    const { container: _c, name, ...choices } = readCreateForm(form);
    if (!guide || guide.container !== form) {
      guide?.close();
      guide = new KeyGuide(signal, form);
    }
    guide.update({ name, ...choices });
    const info = { ...(name ? { keyName: name } : {}), ...choices };
    const key = JSON.stringify(info);
    if (key !== sent) {
      sent = key;
      void send({ type: 'key/form', ...info });
    }
  };

  for (const type of ['input', 'change'] as const)
    document.addEventListener(type, note, { capture: true, signal });
  // before the page's own handlers replace the form on submit
  for (const type of ['pointerdown', 'click', 'keydown'] as const) {
    window.addEventListener(type, note, { capture: true, signal });
  }
  await followPage(signal, note);
  (guide as KeyGuide | null)?.close();
}

onPageVisits(isKeyPageUrl, (signal) => {
  void visit(signal);
});
