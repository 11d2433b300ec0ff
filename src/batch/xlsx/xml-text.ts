const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The text an XML text or attribute value stands for: its five named entities and character
 * references (&#233; &#xE9;) decoded, then Excel's own escapes of characters XML cannot hold
 * (_x000D_ for a carriage return; _x005F_ escapes an underscore), as ECMA-376 says of text in a cell.
 */
export function xmlText(raw: string): string {
  const text = raw.includes('&') ? raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, entity) : raw;
  return text.includes('_x') ? text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** An attribute's value with its entities decoded (no Excel escapes: those belong to cell text). */
export function attributeText(raw: string): string {
  return raw.includes('&') ? raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, entity) : raw;
}

function entity(whole: string, name: string): string {
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? whole;
}

/** The value of attribute `name` in a tag's text (`<c r="B3" s="2">`), undefined if it has none. */
export function attributeOf(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? attributeText(match[1] ?? match[2]!) : undefined;
}

/** Each element `name` of an XML text, as its opening tag and its content (empty for `<name/>`). */
export function* elementsOf(xml: string, name: string): Generator<{ tag: string; content: string }> {
  const open = new RegExp(`<${name}(?=[\\s>/])[^>]*>`, 'g');
  const close = `</${name}>`;
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    const tag = match[0];
    if (tag.endsWith('/>')) {
      yield { tag, content: '' };
      continue;
    }
    const end = xml.indexOf(close, open.lastIndex);
    if (end < 0) return;
    yield { tag, content: xml.slice(open.lastIndex, end) };
    open.lastIndex = end + close.length;
  }
}
