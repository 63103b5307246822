/**
 * A small, strict XML reader for bank statements (CAMT): elements, attributes, text, CDATA, comments, processing
 * instructions and the five predefined entities plus character references. Namespace prefixes are dropped (CAMT
 * files use either a default namespace or a prefix). No DTDs: a statement never needs one, and refusing them keeps
 * entity expansion out. Runs anywhere (the service worker has no DOMParser).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

export class XmlError extends Error {
  override name = 'XmlError';
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const known = ENTITIES[entity];
    if (known === undefined) throw new XmlError(`Unknown entity ${whole}`);
    return known;
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const TAG = /<([^\s/>!?]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > i) stack[stack.length - 1]!.text += decodeEntities(source.slice(i, textEnd));
    if (lt < 0) break;
    if (source.startsWith('<!--', lt)) {
      i = source.indexOf('-->', lt);
      if (i < 0) throw new XmlError('Unclosed comment');
      i += 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt);
      if (end < 0) throw new XmlError('Unclosed CDATA section');
      stack[stack.length - 1]!.text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source.startsWith('<?', lt)) {
      i = source.indexOf('?>', lt);
      if (i < 0) throw new XmlError('Unclosed processing instruction');
      i += 2;
    } else if (source.startsWith('<!', lt)) {
      throw new XmlError('Document type declarations are not accepted');
    } else if (source.startsWith('</', lt)) {
      const end = source.indexOf('>', lt);
      const name = localName(source.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (!open || open === root || open.name !== name) throw new XmlError(`Unexpected </${name}> at ${lt}`);
      i = end + 1;
    } else {
      TAG.lastIndex = lt;
      const match = TAG.exec(source);
      if (!match) throw new XmlError(`Malformed tag at ${lt}`);
      const element: XmlElement = { name: localName(match[1]!), attributes: {}, children: [], text: '' };
      for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
        element.attributes[localName(attribute[1]!)] = decodeEntities(attribute[2] ?? attribute[3] ?? '');
      }
      stack[stack.length - 1]!.children.push(element);
      if (!match[3]) stack.push(element);
      i = TAG.lastIndex;
    }
  }
  if (stack.length !== 1) throw new XmlError(`Unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new XmlError('A document has exactly one root element');
  return root.children[0]!;
}

/** The first descendant along a path of local names (`Refs/EndToEndId`). */
export function child(element: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = element;
  for (const name of path.split('/')) current = current?.children.find((c) => c.name === name);
  return current;
}

export function children(element: XmlElement | undefined, path: string): XmlElement[] {
  const parts = path.split('/');
  const last = parts.pop()!;
  const parent = parts.length ? child(element, parts.join('/')) : element;
  return parent?.children.filter((c) => c.name === last) ?? [];
}

export const textAt = (element: XmlElement | undefined, path: string): string =>
  child(element, path)?.text.trim() ?? '';
