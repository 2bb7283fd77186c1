import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml.js';
import { html } from './html.js';

describe('escapeHtml and html', () => {
  it('escapes the five characters that can break out of text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes every interpolated value but keeps nested html fragments as markup', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<p title="${name}">${name}${html`<b>${'&'}</b>`}${[html`<i>1</i>`, '<2>']}${null}${undefined}${false}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;<b>&amp;</b><i>1</i>&lt;2&gt;</p>',
    );
  });
});
