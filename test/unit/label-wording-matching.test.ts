/**
 * How a page's wording is matched to a label the extension knows, and what counts as shown to a
 * person: the loose parts (case, width, spacing, hyphens, apostrophes, a trailing colon) and the
 * strict ones (another word, a longer text, a hidden element).
 */
import { describe, expect, it } from 'vitest';
import { isHidden, isHiddenElement, labelledByText, TextJoiner, textNodes } from '../../src/core/dom';
import { compactLabel, labelMatcher, normalizeLabel } from '../../src/core/text';

describe('a label’s wording', () => {
  const isWs = labelMatcher(['Workspace ID', "ID de l'espace de travail", 'ワークスペース ID']);

  it.each([
    'Workspace ID',
    'workspace id',
    'WORKSPACE ID',
    'Workspace-ID',
    'Workspace_ID',
    'Workspace–ID',
    'Workspace.ID',
    'Workspace/ID',
    'WorkspaceID',
    '  Workspace   ID  ',
    'Workspace ID:',
    'Workspace ID :',
    'Workspace ID*',
    'Workspace ID：',
    'Ｗｏｒｋｓｐａｃｅ ＩＤ',
    'ID de l’espace de travail',
    'ID de l‘espace de travail',
    'ID de lʼespace de travail',
    'ID de l`espace de travail',
    'ワークスペースID',
  ])('%j matches', (text) => {
    expect(isWs(text)).toBe(true);
  });

  it.each([
    'Workspace',
    'Workspace IDs',
    'Former Workspace ID',
    'Workspace ID (old)',
    'Workspace: ID',
    ':Workspace ID',
    `Workspace ID${' '.repeat(80)}`,
    '',
  ])('%j does not match', (text) => {
    expect(isWs(text)).toBe(false);
  });

  it('a part of a label split across elements is recognised as one', () => {
    expect(isWs.part('Workspace')).toBe(true);
    expect(isWs.part('ID')).toBe(true);
    expect(isWs.part('espace de')).toBe(true);
    expect(isWs.part('Members')).toBe(false);
    expect(isWs.part('   ')).toBe(false);
    expect(isWs.part('W'.repeat(81))).toBe(false);
  });

  const isName = labelMatcher(['Name', 'Nom', 'Nombre', 'Nome', '名前', '이름', '名称']);
  it.each([
    'Name (optional)',
    'Name(optional)',
    'Name ( optional )',
    'Name optional',
    'Name (optional) *',
    'Name (optional) :',
    'Name (optional)::',
    'Name (optional): ',
    'Name (Optional):',
    'Name *',
    'Name: (optional)',
    'Nom (facultatif)',
    'Nom optionnel',
    'Nombre (opcional)',
    'Nome (facoltativo)',
    'Nome opzionale',
    '名前（任意）',
    '이름 (선택 사항)',
    '이름 (선택)',
    '名称（可选）',
    '名称（选填）',
  ])('%j matches with its "optional" note', (text) => {
    expect(isName(text)).toBe(true);
  });

  it.each([
    'Optional',
    '(optional)',
    'Name (old)',
    'Name (optional) Name',
    'Optional name',
    '(optional) Name',
    'Names optional',
    '이름 선택',
  ])('%j does not match', (text) => {
    expect(isName(text)).toBe(false);
  });

  it('is folded the same way everywhere', () => {
    expect(normalizeLabel('  Ｗorkspace—ID:  ')).toBe('workspace id');
    expect(normalizeLabel('Key\n\tname')).toBe('key name');
    expect(normalizeLabel('A: b')).toBe('a: b');
    expect(compactLabel('ワークスペース ID')).toBe(compactLabel('ワークスペースID'));
    expect(compactLabel('Workspace  ID')).toBe('workspaceid');
  });
});

describe('shown to a person', () => {
  const make = (html: string) => {
    document.body.innerHTML = html;
    return document.getElementById('t') as Element;
  };

  it.each([
    ['hidden', '<span id="t" hidden>x</span>'],
    ['aria-hidden', '<span id="t" aria-hidden="true">x</span>'],
    ['display:none', '<span id="t" style="color: red; DISPLAY : none">x</span>'],
    ['visibility:hidden', '<span id="t" style="visibility:hidden">x</span>'],
    ['a hidden input', '<input id="t" type="hidden">'],
    ['a script', '<script id="t">x</script>'],
    ['a style', '<style id="t">p{}</style>'],
    ['a template', '<template id="t">x</template>'],
    ['a noscript', '<noscript id="t">x</noscript>'],
  ])('not: %s', (_, html) => {
    expect(isHiddenElement(make(html))).toBe(true);
  });

  it.each([
    ['plain', '<span id="t">x</span>'],
    ['aria-hidden false', '<span id="t" aria-hidden="false">x</span>'],
    ['another style', '<span id="t" style="display: block">x</span>'],
    ['a text input', '<input id="t">'],
  ])('yes: %s', (_, html) => {
    expect(isHiddenElement(make(html))).toBe(false);
  });

  it('an element in a hidden box is hidden, up to where the caller looks', () => {
    const t = make('<div id="outer" hidden><div id="inner"><span id="t">x</span></div></div>');
    expect(isHidden(t)).toBe(true);
    expect(isHidden(t.firstChild as Node)).toBe(true);
    expect(isHidden(t, document.getElementById('inner'))).toBe(false);
    expect(isHidden(t, document.getElementById('outer'))).toBe(true);
  });

  it('a closed <details> shows its summary only', () => {
    make('<details id="d"><summary id="s">More <b id="sb">x</b></summary>loose<p id="t">in</p></details>');
    const el = (id: string) => document.getElementById(id) as Element;
    expect(isHidden(el('t'))).toBe(true);
    expect(isHidden(el('t').firstChild as Node)).toBe(true);
    expect(isHidden(el('d').childNodes[1] as Node), 'text right in the details').toBe(true);
    expect(isHidden(el('s'))).toBe(false);
    expect(isHidden(el('sb').firstChild as Node)).toBe(false);
    expect(isHidden(el('d')), 'the details itself').toBe(false);
    expect(isHidden(el('t'), el('t')), 'the caller looks inside it only').toBe(false);
    el('d').setAttribute('open', '');
    expect(isHidden(el('t'))).toBe(false);
  });

  it('text in scripts, styles and templates is never page text', () => {
    document.body.innerHTML = '<p>a</p><script>b</script><style>c</style><p>d<b>e</b></p>';
    expect([...textNodes(document.body)].map((t) => t.textContent)).toEqual(['a', 'd', 'e']);
  });

  it('the text of the elements an aria-labelledby list names', () => {
    const t = make(
      '<span id="a">Workspace</span><span id="b"> ID </span><input id="t" aria-labelledby="a  b missing">',
    );
    expect(labelledByText(t)).toBe('Workspace  ID');
    expect(labelledByText(make('<input id="t">'))).toBe('');
  });

  it('texts of different elements never run into each other', () => {
    document.body.innerHTML = '<p id="p">org-abc</p><b>Copy</b>';
    const j = new TextJoiner();
    for (const t of textNodes(document.body)) j.add(t);
    expect(j.text).toBe('org-abc\u0000Copy');
    const split = document.getElementById('p') as Element;
    split.append(document.createTextNode('def'));
    const k = new TextJoiner();
    for (const t of textNodes(split)) k.add(t);
    k.cut();
    expect(k.text).toBe('org-abcdef\u0000');
  });
});
