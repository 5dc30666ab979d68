/**
 * Page captures: test/fixtures/pages/<kind>/<case>.html with <case>.json beside it, plus the same
 * layout under $EXTRA_FIXTURES. Shared by the DOM-level suite and the real-browser suite.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { emptyState, type State, withIds, withKey } from '../../src/core/state';

export const KINDS = [
  'chatgpt-settings',
  'platform-org',
  'key-dialog',
  'skyhigh-form',
  'skyhigh-status',
] as const;
export type Kind = (typeof KINDS)[number];

export interface SettingsExpect {
  workspaceId: string | null;
  organizationId: string | null;
}
export interface KeyDialogExpect {
  secretShown: boolean;
  keyLast4: string | null;
  keyName: string | null;
}
/**
 * Optional, for a key page: what the record keeps of the key besides its name and last 4 (an
 * Admin key's expiry as `YYYY-MM-DD` or `never`, its permissions, its workspace, and CREATED BY from
 * the keys list). Only the fields given are checked; null means "nothing kept".
 */
export const KEY_FACT_FIELDS = ['expires', 'permissions', 'workspaceName', 'createdBy'] as const;
export type KeyFactsExpect = Partial<Record<(typeof KEY_FACT_FIELDS)[number], string | null>>;
/**
 * Optional, for a create-key form: the workspace whose IDs were read (and the name the record knows
 * it by), and the guide's flags (their _locales keys) the form must raise.
 */
export interface GuideExpect {
  workspaceId: string;
  workspaceName?: string;
  flags: string[];
  /** The key's name as the form shows it (what the support e-mail will name), when given; null: none read. */
  keyName?: string | null;
}
export interface SkyhighValues {
  instanceName: string;
  workspaceId: string;
  organizationId: string;
  apiKey: string;
}

interface Base {
  /** `<kind>/<case>`, plus the tree it came from when it is not ours. */
  id: string;
  kind: Kind;
  url: string;
  html: string;
  browserOnly: boolean;
  file: string;
}
export type PageCase =
  | (Base & { kind: 'chatgpt-settings'; expect: SettingsExpect })
  | (Base & { kind: 'platform-org'; expect: { organizationId: string | null } })
  | (Base & {
      kind: 'key-dialog';
      expect: KeyDialogExpect;
      key?: KeyFactsExpect;
      guide?: GuideExpect;
      /** A selector of the one-time view the browser suite removes once the key is noted (the admin closed it). */
      closeView?: string;
    })
  | (Base & {
      kind: 'skyhigh-form';
      values: SkyhighValues;
      consoleHost: string;
      refuse: boolean;
      expect: Record<string, string>;
    })
  | (Base & {
      kind: 'skyhigh-status';
      /** The instance handed over before the page was opened (never a key). */
      handedOver: { workspaceId: string; instanceName: string };
      consoleHost: string;
      /** What step 6 takes from the page: its status and words, or null (nothing sure). */
      expect: StatusExpect;
    });
export interface StatusExpect {
  status: 'ok' | 'error' | 'pending' | null;
  words?: string;
}

export const OWN_FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');

function fail(file: string, why: string): never {
  throw new Error(`${file}: ${why}`);
}

const isStrOrNull = (v: unknown) => v === null || typeof v === 'string';

/** Parse and check one capture's JSON against the schema of its kind. */
export function parseCase(kind: Kind, file: string, json: unknown, html: string, id: string): PageCase {
  if (!json || typeof json !== 'object') fail(file, 'not a JSON object');
  const j = json as Record<string, unknown>;
  if (typeof j.url !== 'string') fail(file, '"url" is required');
  let url: URL;
  try {
    url = new URL(j.url);
  } catch {
    fail(file, `"url" is not a URL: ${j.url}`);
  }
  if (j.browserOnly !== undefined && typeof j.browserOnly !== 'boolean')
    fail(file, '"browserOnly" must be a boolean');
  const base = { id, url: j.url, html, browserOnly: j.browserOnly === true, file };
  const e = j.expect as Record<string, unknown> | undefined;
  if (!e || typeof e !== 'object') fail(file, '"expect" is required');
  switch (kind) {
    case 'chatgpt-settings':
      if (!isStrOrNull(e.workspaceId) || !isStrOrNull(e.organizationId)) {
        fail(file, '"expect" needs "workspaceId" and "organizationId" (string or null)');
      }
      return {
        ...base,
        kind,
        expect: {
          workspaceId: e.workspaceId as string | null,
          organizationId: e.organizationId as string | null,
        },
      };
    case 'platform-org':
      if (!isStrOrNull(e.organizationId)) fail(file, '"expect" needs "organizationId" (string or null)');
      return { ...base, kind, expect: { organizationId: e.organizationId as string | null } };
    case 'key-dialog': {
      if (typeof e.secretShown !== 'boolean' || !isStrOrNull(e.keyLast4) || !isStrOrNull(e.keyName)) {
        fail(file, '"expect" needs "secretShown" (boolean), "keyLast4" and "keyName" (string or null)');
      }
      const key = j.key as Record<string, unknown> | undefined;
      if (
        key !== undefined &&
        (typeof key !== 'object' ||
          Object.entries(key).some(
            ([k, v]) => !(KEY_FACT_FIELDS as readonly string[]).includes(k) || !isStrOrNull(v),
          ))
      )
        fail(file, `"key" maps ${KEY_FACT_FIELDS.join(', ')} to a string or null`);
      const guide = j.guide as Record<string, unknown> | undefined;
      if (
        guide !== undefined &&
        (typeof guide.workspaceId !== 'string' ||
          !Array.isArray(guide.flags) ||
          guide.flags.some((f) => typeof f !== 'string') ||
          (guide.workspaceName !== undefined && typeof guide.workspaceName !== 'string') ||
          (guide.keyName !== undefined && !isStrOrNull(guide.keyName)))
      )
        fail(
          file,
          '"guide" needs "workspaceId" (string), "flags" (strings), optional "workspaceName" and "keyName"',
        );
      if (j.closeView !== undefined && typeof j.closeView !== 'string')
        fail(file, '"closeView" must be a selector');
      return {
        ...base,
        kind,
        expect: {
          secretShown: e.secretShown as boolean,
          keyLast4: e.keyLast4 as string | null,
          keyName: e.keyName as string | null,
        },
        ...(key ? { key: key as KeyFactsExpect } : {}),
        ...(guide ? { guide: guide as unknown as GuideExpect } : {}),
        ...(typeof j.closeView === 'string' ? { closeView: j.closeView } : {}),
      };
    }
    case 'skyhigh-form': {
      const v = j.values as Record<string, unknown> | undefined;
      const names = ['instanceName', 'workspaceId', 'organizationId', 'apiKey'];
      if (!v || names.some((n) => typeof v[n] !== 'string')) fail(file, `"values" needs ${names.join(', ')}`);
      if (j.consoleHost !== undefined && typeof j.consoleHost !== 'string')
        fail(file, '"consoleHost" must be a string');
      if (j.refuse !== undefined && typeof j.refuse !== 'boolean') fail(file, '"refuse" must be a boolean');
      if (Object.values(e).some((x) => typeof x !== 'string'))
        fail(file, '"expect" maps CSS selectors to strings');
      return {
        ...base,
        kind,
        values: v as unknown as SkyhighValues,
        consoleHost: (j.consoleHost as string | undefined) ?? url.hostname,
        refuse: j.refuse === true,
        expect: e as Record<string, string>,
      };
    }
    case 'skyhigh-status': {
      const h = j.handedOver as Record<string, unknown> | undefined;
      if (!h || typeof h.workspaceId !== 'string' || typeof h.instanceName !== 'string')
        fail(file, '"handedOver" needs "workspaceId" and "instanceName"');
      if (![null, 'ok', 'error', 'pending'].includes(e.status as string | null))
        fail(file, '"expect.status" is "ok", "error", "pending" or null');
      if (e.status !== null && typeof e.words !== 'string')
        fail(file, '"expect.words" is required with a status');
      return {
        ...base,
        kind,
        handedOver: { workspaceId: h.workspaceId as string, instanceName: h.instanceName as string },
        consoleHost: (j.consoleHost as string | undefined) ?? url.hostname,
        expect: {
          status: e.status as StatusExpect['status'],
          ...(e.status !== null ? { words: e.words as string } : {}),
        },
      };
    }
  }
}

export function loadCases(dir: string, label = ''): PageCase[] {
  const cases: PageCase[] = [];
  for (const kind of KINDS) {
    const kindDir = join(dir, kind);
    if (!existsSync(kindDir)) continue;
    for (const name of readdirSync(kindDir).sort()) {
      if (!name.endsWith('.html')) continue;
      const base = name.slice(0, -'.html'.length);
      const jsonFile = join(kindDir, `${base}.json`);
      if (!existsSync(jsonFile)) fail(join(kindDir, name), `no ${base}.json beside it`);
      const json = JSON.parse(readFileSync(jsonFile, 'utf8'));
      const html = readFileSync(join(kindDir, name), 'utf8');
      cases.push(parseCase(kind, jsonFile, json, html, `${label}${kind}/${base}`));
    }
  }
  return cases;
}

/** Our captures, and those under $EXTRA_FIXTURES (named `extra:<kind>/<case>`). */
export function allCases(env: NodeJS.ProcessEnv = process.env): PageCase[] {
  const cases = loadCases(OWN_FIXTURES);
  const extra = env.EXTRA_FIXTURES;
  if (extra) {
    if (!existsSync(extra)) throw new Error(`EXTRA_FIXTURES=${extra}: no such folder`);
    const more = loadCases(resolve(extra), 'extra:');
    if (more.length === 0)
      throw new Error(`EXTRA_FIXTURES=${extra}: no captures found (expected <kind>/<case>.html + .json)`);
    cases.push(...more);
  }
  return cases;
}

/** The state a guide capture is judged against: the workspace whose IDs were read (and its known name). */
export function guideState(g: GuideExpect): State {
  const s = withIds(emptyState(), { workspaceId: g.workspaceId }, { at: 1, from: 'pasted' });
  return g.workspaceName
    ? withKey(s, { last4: 'abcd', site: 'admin-console', workspaceName: g.workspaceName, at: 1, from: 'x' })
    : s;
}
