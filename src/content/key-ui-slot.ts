/**
 * Where the key page's UI file (key-ui.ts) puts itself once the background injected it: a property of
 * the content scripts' isolated world, which the page's own scripts cannot see. Types only otherwise,
 * so that importing this costs the key-page script nothing of the UI.
 */
import type { LaterReaders } from '../core/key-visit';
import type { KeyGuide } from './key-guide-panel';
import type { Reminder } from './reminder';

export const KEY_UI = 'casbOnboardingKeyUi';

export interface KeyUi extends LaterReaders {
  Reminder: typeof Reminder;
  KeyGuide: typeof KeyGuide;
  /** The platform's Organization ID differs from the one in ChatGPT admin settings: say so. */
  orgMismatch: (signal: AbortSignal, mismatch: { chatgpt: string; platform: string }) => void;
}

export const keyUi = (): KeyUi | undefined =>
  (globalThis as unknown as Record<string, KeyUi | undefined>)[KEY_UI];
