/**
 * The Skyhigh instance form at its edges: an edit form's existing values (the key is replaced, the
 * instance's name kept unless blank), what names the form (a hidden heading does not; the title
 * shown to the admin is the first real name), and long text near a control.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fillForm, findInstanceForm } from '../../src/core/readers/skyhigh-form';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';

const html = (s: string) => {
  document.body.innerHTML = s;
};
const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

beforeEach(() => html(''));

describe('an instance’s edit form (a key rotation)', () => {
  it('the key field’s old value is replaced; a name already there is kept, a blank one filled', () => {
    html(
      '<input id="k" aria-label="API key" value="••••••••old1"><input id="w" aria-label="Workspace ID" value="old">' +
        '<input id="n" aria-label="Instance name" value="Prod ChatGPT">',
    );
    expect(fillForm(document, { apiKey: KEY, workspaceId: WS, instanceName: 'ChatGPT' }).filled).toEqual([
      'instanceName',
      'workspaceId',
      'apiKey',
    ]);
    expect([value('k'), value('w'), value('n')]).toEqual([KEY, WS, 'Prod ChatGPT']);
    html('<input id="n" aria-label="Instance name" value="   ">');
    fillForm(document, { instanceName: 'ChatGPT' });
    expect(value('n')).toBe('ChatGPT');
  });
});

describe('what names the form', () => {
  const FIELDS = '<input aria-label="Workspace ID"><input aria-label="API key">';

  it('a form named by its own label proves the fields wrapped in boxes inside it', () => {
    html(
      '<form aria-label="OpenAI ChatGPT instance"><div class="row"><div><input id="w" aria-label="Workspace ID"></div>' +
        '<div><input id="k" aria-label="API key"></div></div></form>',
    );
    const { form, refusal } = findInstanceForm(document);
    expect(refusal).toBeNull();
    expect(form?.region).toBe(document.querySelector('form'));
  });

  it('a hidden heading does not prove the form', () => {
    html(`<form><h2 hidden>OpenAI - ChatGPT</h2><h3>Add service instance</h3>${FIELDS}</form>`);
    const { form, refusal } = findInstanceForm(document);
    expect(refusal).toBe('not-chatgpt');
    expect(form?.title).toBe('Add service instance');
  });

  it('the title is the name that says ChatGPT, else the first short one', () => {
    html(`<form aria-label="New instance"><h2>Step 2</h2><h3>OpenAI – ChatGPT</h3>${FIELDS}</form>`);
    expect(findInstanceForm(document)).toMatchObject({ refusal: null, form: { title: 'OpenAI – ChatGPT' } });
    html(
      `<form><h2>${'Very long introduction to the form. '.repeat(3)}</h2><h3>Details</h3>${FIELDS}</form>`,
    );
    expect(findInstanceForm(document).form?.title).toBe('Details');
  });
});

describe('text near a control', () => {
  it('a long paragraph that mentions the API key does not name the control below it', () => {
    html(
      '<div><p>Your API key is shown once in the OpenAI console; paste it into the field below to continue.</p>' +
        '<input id="k"></div>',
    );
    expect(fillForm(document, { apiKey: KEY })).toEqual({ filled: [], missing: ['apiKey'], ambiguous: [] });
    expect(value('k')).toBe('');
  });
});
