import { describe, expect, it } from 'vitest';
import { readWorkspaceIds } from '../../src/core/readers/workspace-ids';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('readWorkspaceIds', () => {
  it('reads a dl/dt/dd pair', () => {
    const r = readWorkspaceIds(
      page(`<dl><dt>Organization ID</dt><dd>${ORG}</dd><dt>Workspace ID</dt><dd>${WS}</dd></dl>`),
    );
    expect(r.workspaceId).toEqual({ status: 'found', value: WS });
    expect(r.organizationId).toEqual({ status: 'found', value: ORG });
  });

  it('reads table rows in German', () => {
    const r = readWorkspaceIds(
      page(
        `<table><tr><th>Organisations-ID</th><td>${ORG}</td></tr><tr><th>Arbeitsbereichs-ID</th><td><code>${WS.toUpperCase()}</code></td></tr></table>`,
      ),
    );
    expect(r.workspaceId).toEqual({ status: 'found', value: WS });
    expect(r.organizationId).toEqual({ status: 'found', value: ORG });
  });

  it('takes nothing when two workspaces show different IDs', () => {
    const other = '0a1b2c3d-1111-4222-8333-444455556666';
    const r = readWorkspaceIds(
      page(
        `<ul><li><span>Workspace ID</span> <span>${WS}</span></li><li><span>Workspace ID</span> <span>${other}</span></li></ul>`,
      ),
    );
    expect(r.workspaceId.status).toBe('ambiguous');
  });

  it('ignores a UUID that no label names', () => {
    const r = readWorkspaceIds(page(`<a href="/c/${WS}">${WS}</a><p>Workspace ID</p>`));
    expect(r.workspaceId.status).toBe('missing');
  });

  it('takes a truncated value only from a consistent attribute', () => {
    const shown = `${WS.slice(0, 8)}…${WS.slice(-4)}`;
    const ok = readWorkspaceIds(
      page(`<div><span>Workspace ID</span><span title="${WS}">${shown}</span></div>`),
    );
    expect(ok.workspaceId).toEqual({ status: 'found', value: WS });
    const other = '0a1b2c3d-1111-4222-8333-444455556666';
    const bad = readWorkspaceIds(
      page(`<div><span>Workspace ID</span><span title="${other}">${shown}</span></div>`),
    );
    expect(bad.workspaceId).toEqual({ status: 'missing', reason: 'truncated' });
  });

  it('reads a read-only input named by <label for>', () => {
    const r = readWorkspaceIds(
      page(`<label for="w">ワークスペース ID</label><input id="w" readonly value="${WS}">`),
    );
    expect(r.workspaceId).toEqual({ status: 'found', value: WS });
  });
});
