/**
 * platform.openai.com and admin.openai.com: while the create-key form is open, a side note with
 * what Skyhigh documents and what in the form differs; the choices are noted for the support
 * e-mail (the background adds them to the key once the key-dialog script saw its secret). The key's
 * name shown beside the one-time secret is read here too, where the label reader is, so that the
 * key-dialog script stays within its size budget.
 */

import type { GuideFlag } from '../core/guide';
import { findCreateForm, readCreateForm } from '../core/readers/create-form';
import { readKeyDialog } from '../core/readers/key-dialog';
import { keyNameIn } from '../core/readers/key-name';
import { isKeyPageUrl } from '../core/sites/openai';
import type { KeyForm } from '../core/state';
import { KeyGuide } from './key-guide-panel';
import { followPage, onPageVisits, send } from './runtime';

async function visit(signal: AbortSignal): Promise<void> {
  let guide: KeyGuide | null = null;
  let sent = '';
  /** What the form showed last: the one-time view's name joins it, never replaces the rest. */
  let last: KeyForm = {};

  // the background answers with what the guide flags (core/guide.ts)
  const tell = (info: typeof last) => {
    const key = JSON.stringify(info);
    if (key !== sent) {
      sent = key;
      void send<{ flags?: GuideFlag[] }>({ type: 'key/form', ...info }).then((a) =>
        guide?.update(a?.flags ?? []),
      );
    }
  };

  /** Note the form's values now: it can be submitted right after typing (paste, then Enter). */
  const note = () => {
    const root = document.body ?? document.documentElement;
    const form = findCreateForm(root);
    if (!form) {
      guide?.close();
      guide = null;
      const view = readKeyDialog(root).container;
      const name = view ? keyNameIn(view) : null;
      if (name) tell({ ...last, keyName: name });
      return;
    }
    const { container: _c, name, ...choices } = readCreateForm(form);
    if (!guide || guide.container !== form) {
      guide?.close();
      guide = new KeyGuide(signal, form, location.hostname === 'admin.openai.com');
      sent = '';
    }
    last = { ...(name ? { keyName: name } : {}), ...choices };
    tell(last);
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
