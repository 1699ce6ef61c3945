import { describe, expect, it } from 'vitest';
import { LyncdrError } from '@lyncdr/errors';
import { child, findElement, parseXml } from './parse-xml';

function errorOf(fn: () => unknown): LyncdrError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LyncdrError) return e;
    throw e;
  }
  throw new Error('expected a LyncdrError');
}

describe('parseXml', () => {
  it('resolves default and prefixed namespaces, decodes entities and CDATA, and records lines', () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<!-- comment -->',
      '<a:Root xmlns:a="urn:a" xmlns="urn:d" x="1 &amp; 2">',
      "  <Child y='&lt;q&gt;'>t &#x41;&#66;</Child>",
      '  <Other xmlns="urn:o"><![CDATA[<raw & text>]]></Other>',
      '</a:Root>',
    ].join('\n');
    const root = parseXml(xml, 'f.xml');
    expect(root).toMatchObject({ name: 'Root', ns: 'urn:a', attrs: { x: '1 & 2' }, line: 3 });
    expect(child(root, 'Child')).toMatchObject({ ns: 'urn:d', attrs: { y: '<q>' }, text: 't AB', line: 4 });
    expect(child(root, 'Other')).toMatchObject({ ns: 'urn:o', text: '<raw & text>', line: 5 });
    expect(findElement(root, (e) => e.name === 'Other')?.line).toBe(5);
  });

  it.each([
    ['not XML', '# Markdown\n', /not XML/, 1],
    ['empty', '   ', /empty/, 1],
    ['truncated element', '<a>\n  <b>\n', /<b> opened at line 2 is never closed.*truncated/, 3],
    ['truncated tag', '<a>\n<b x="1"', /truncated/, 2],
    ['mismatched end tag', '<a>\n<b></c>\n</a>', /<\/c> does not match <b> opened at line 2/, 2],
    ['DOCTYPE', '<!DOCTYPE x [<!ENTITY e "boom">]>\n<a/>', /DOCTYPE/, 1],
    ['unquoted attribute', '<a\n  x=1/>', /quoted/, 2],
    ['two roots', '<a/>\n<b/>', /second root/, 2],
  ])('refuses %s with E_TOPOLOGY_PARSE and the line', (_name, xml, message, line) => {
    const e = errorOf(() => parseXml(xml, 'bad.xml'));
    expect(e.code).toBe('E_TOPOLOGY_PARSE');
    expect(e.message).toMatch(message);
    expect(e.location).toMatchObject({ file: 'bad.xml', line });
  });

  it('refuses nesting deeper than 256 levels', () => {
    const xml = '<a>'.repeat(300) + '</a>'.repeat(300);
    expect(errorOf(() => parseXml(xml, 'deep.xml')).message).toMatch(/nested more than 256/);
  });
});
