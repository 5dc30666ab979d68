/**
 * The key's name, as the create form or the one-time view labels it ("Name", "Service Key Name",
 * "Schlüsselname"…), read with the label reader every reader shares.
 */
import { CHOICE_LABELS, CLOSE_BUTTON, COPY_BUTTON, EXPIRES_LABELS, KEY_NAME_LABELS } from '../sites/openai';
import { labelMatcher } from '../text';
import { type FieldSpec, readLabelledField } from './labelled';

const isNameLabel = labelMatcher(KEY_NAME_LABELS);
/** The fields that may follow the name in a form or a view: their labels end the name's value. */
const isOtherField = labelMatcher([...CHOICE_LABELS, ...EXPIRES_LABELS]);

export const NAME_SPEC: FieldSpec = {
  isLabel: isNameLabel,
  isAnyLabel: (t) =>
    isNameLabel(t) || isOtherField(t) || /^\s*(secret key|key|clé|schlüssel|clave|chiave|chave)\s*$/i.test(t),
  tokens: (text) =>
    text
      .split('\u0000')
      .map((s) => s.trim())
      // a button's word ("Done", "Copy") beside a refused value is never the name
      .filter(
        (s) =>
          s.length > 0 &&
          s.length <= 120 &&
          !s.includes('sk-') &&
          !isNameLabel(s) &&
          !CLOSE_BUTTON.test(s) &&
          !COPY_BUTTON.test(s),
      ),
  canonical: (v) => v,
  // the form's Cancel and Create buttons after its name field are not the name
  notValue: 'button, [role="button"]',
  // a form's name field: what it holds, or nothing (never a hint beside it); only what is shown
  fieldsOverText: true,
  shownOnly: true,
  placeholders: true,
};

/** The key's name in a view (the create form, or the one-time view), or null when not sure. */
export function keyNameIn(view: Element): string | null {
  const name = readLabelledField(NAME_SPEC, view);
  return name.status === 'found' ? name.value : null;
}
