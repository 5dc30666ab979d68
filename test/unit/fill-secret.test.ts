import { describe, expect, it } from 'vitest';
import { fillForm } from '../../src/core/readers/skyhigh-form';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';

describe('fillForm and the secret', () => {
  it('marks the key field autocomplete=off (Firefox keeps changed text fields in its session store otherwise)', () => {
    document.body.innerHTML = `
      <input id="ws" aria-label="Workspace ID">
      <textarea id="key" aria-label="API Access Token"></textarea>`;
    const result = fillForm(document.body, { workspaceId: WS, apiKey: KEY });
    expect(result.filled.sort()).toEqual(['apiKey', 'workspaceId']);
    const key = document.getElementById('key') as HTMLTextAreaElement;
    expect(key.value).toBe(KEY);
    expect(key.getAttribute('autocomplete')).toBe('off');
    // only the secret: the page's other fields keep their own behaviour
    expect(document.getElementById('ws')?.hasAttribute('autocomplete')).toBe(false);
  });
});
