/**
 * Settings an organisation sets by policy (`storage.managed`: Chrome and Edge through
 * `3rdparty.extensions.<id>`, Firefox through `3rdparty.Extensions.<id>` in policies.json). The
 * schema is public/managed_schema.json; this module reads what the browser hands over, keeps only
 * valid values, and merges them over the admin's own settings.
 */
import { DEFAULT_SETTINGS, SETTING_NAMES, type Settings, validSettings } from './state';

/** The policy's keys: every setting, plus `lockSettings`. */
export const MANAGED_KEYS = [...SETTING_NAMES, 'lockSettings'] as const;

export interface Managed {
  /** The valid values the policy sets (an invalid value is ignored, as if it were not set). */
  values: Partial<Settings>;
  /** "Lock these settings": every setting is the policy's value or the default; none can be changed. */
  locked: boolean;
}

export const NOT_MANAGED: Managed = { values: {}, locked: false };

/** What `storage.managed.get()` returned (anything at all) as a Managed. */
export function parseManaged(raw: unknown): Managed {
  if (!raw || typeof raw !== 'object') return NOT_MANAGED;
  const r = raw as Record<string, unknown>;
  const values = validSettings(r);
  // a policy's host is written as the admin would type it: tolerate case and a trailing dot or slash
  if (values.consoleHost === undefined && typeof r.consoleHost === 'string') {
    const host = r.consoleHost
      .trim()
      .toLowerCase()
      .replace(/^https:\/\//, '')
      .replace(/[/.]+$/, '');
    Object.assign(values, validSettings({ consoleHost: host }));
  }
  return { values, locked: r.lockSettings === true };
}

/** The settings in force: the policy's values over the admin's (over the defaults, when locked). */
export function effectiveSettings(local: Settings, managed: Managed): Settings {
  return { ...(managed.locked ? DEFAULT_SETTINGS : local), ...managed.values };
}

/** The settings the admin cannot change here. */
export function managedFields(managed: Managed): (keyof Settings)[] {
  return managed.locked ? [...SETTING_NAMES] : SETTING_NAMES.filter((n) => n in managed.values);
}
