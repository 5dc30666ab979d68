/** Settings set by the organisation's policy: the schema, what is kept of a policy, the merge. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  effectiveSettings,
  MANAGED_KEYS,
  managedFields,
  NOT_MANAGED,
  parseManaged,
} from '../../src/core/managed';
import { DEFAULT_SETTINGS, KEY_TTL_MINUTES, SETTING_NAMES, type Settings } from '../../src/core/state';
import { deployExample } from '../deploy-examples';

const ROOT = resolve(import.meta.dirname, '../..');
/** Firefox's extension ID, as vite.config.ts writes it into the manifest. */
const GECKO_ID =
  /GECKO_ID = '([^']+)'/.exec(readFileSync(resolve(ROOT, 'vite.config.ts'), 'utf8'))?.[1] ?? '';
const schema = JSON.parse(readFileSync(resolve(ROOT, 'public/managed_schema.json'), 'utf8')) as {
  type: string;
  properties: Record<string, { type: string; enum?: string[]; minimum?: number; maximum?: number }>;
};
const local: Settings = {
  consoleHost: 'www.myshn.net',
  instanceName: 'Mine',
  keyTtlMinutes: 10,
  clearClipboard: false,
  clipboardClearSeconds: 60,
  emailLanguage: 'ui',
};

describe('the managed storage schema', () => {
  it('declares every setting and lockSettings, nothing else', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
  });
  it("types each key as the extension checks it (the schema's example values pass, others do not)", () => {
    const sample: Record<string, { type: string }> = schema.properties;
    const good = { string: 'x', integer: 5, boolean: true };
    for (const name of SETTING_NAMES) {
      const p = schema.properties[name] as (typeof schema.properties)[string];
      const value =
        name === 'consoleHost' ? 'tenant.myshn.eu' : (p.enum?.[0] ?? good[p.type as keyof typeof good]);
      expect(parseManaged({ [name]: value }).values, name).toEqual({ [name]: value });
    }
    expect(sample.lockSettings?.type).toBe('boolean');
    // the policy's range is the one range the options, the parser and storage use
    expect(schema.properties.keyTtlMinutes).toMatchObject({
      minimum: KEY_TTL_MINUTES.min,
      maximum: KEY_TTL_MINUTES.max,
    });
    expect(KEY_TTL_MINUTES).toEqual({ min: 1, max: 120 });
  });
});

describe('parseManaged', () => {
  it('is not managed when the browser has no policy (nothing, an empty object, junk)', () => {
    for (const raw of [undefined, null, {}, 'x', 42]) expect(parseManaged(raw)).toEqual(NOT_MANAGED);
  });
  it('keeps valid values and ignores invalid ones, as if they were not set', () => {
    expect(
      parseManaged({
        consoleHost: 'evil.example',
        instanceName: '',
        keyTtlMinutes: 500,
        clearClipboard: 'yes',
        emailLanguage: 'de',
        lockSettings: 'true',
        other: 1,
      }),
    ).toEqual(NOT_MANAGED);
    expect(parseManaged({ keyTtlMinutes: 15, clearClipboard: false, lockSettings: true })).toEqual({
      values: { keyTtlMinutes: 15, clearClipboard: false },
      locked: true,
    });
  });
  it("takes a custom tenant host under Skyhigh's domains, written as an admin would", () => {
    expect(parseManaged({ consoleHost: 'https://Acme.MyShn.net/' }).values).toEqual({
      consoleHost: 'acme.myshn.net',
    });
    for (const host of ['success.myshn.net', 'myshn.net.evil.example', 'http://acme.myshn.net:8443'])
      expect(parseManaged({ consoleHost: host }).values, host).toEqual({});
  });
});

describe('the settings in force', () => {
  it("are the admin's own when nothing is managed", () => {
    expect(effectiveSettings(local, NOT_MANAGED)).toEqual(local);
    expect(managedFields(NOT_MANAGED)).toEqual([]);
  });
  it("put the policy's values over the admin's, and only those are fixed", () => {
    const m = parseManaged({ consoleHost: 'www.myshn.eu', keyTtlMinutes: 5 });
    expect(effectiveSettings(local, m)).toEqual({ ...local, consoleHost: 'www.myshn.eu', keyTtlMinutes: 5 });
    expect(managedFields(m).sort()).toEqual(['consoleHost', 'keyTtlMinutes']);
  });
  it("when locked: the policy's values over the defaults, and every setting is fixed", () => {
    const m = parseManaged({ instanceName: 'Corp', lockSettings: true });
    expect(effectiveSettings(local, m)).toEqual({ ...DEFAULT_SETTINGS, instanceName: 'Corp' });
    expect(managedFields(m).sort()).toEqual([...SETTING_NAMES].sort());
  });
});

describe('the examples of docs/deploy.md', () => {
  const chromium = JSON.parse(deployExample('chromium-policy'));
  const firefox = JSON.parse(deployExample('firefox-policies'));
  const chromiumSettings = chromium['3rdparty'].extensions.EXTENSION_ID;
  const firefoxSettings = firefox.policies['3rdparty'].Extensions[GECKO_ID];

  it('give every setting a valid value, the same in Chrome/Edge and Firefox', () => {
    expect(firefoxSettings).toEqual(chromiumSettings);
    const { lockSettings, ...settings } = chromiumSettings;
    expect(parseManaged(chromiumSettings)).toEqual({ values: settings, locked: lockSettings });
    expect(Object.keys(settings).sort()).toEqual([...SETTING_NAMES].sort());
  });
  it('install the extension the policy configures', () => {
    expect(chromium.ExtensionSettings.EXTENSION_ID.installation_mode).toBe('force_installed');
    expect(firefox.policies.ExtensionSettings[GECKO_ID].installation_mode).toBe('force_installed');
  });
});
