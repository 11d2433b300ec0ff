/**
 * Where and why a line is not JSON, found by reading it again (only lines JSON.parse refused):
 * the engine's own message is English and worded for developers, and changes between versions.
 */
export type JsonFaultKind =
  | 'ends-early' // the line stops inside the document: a brace, bracket or quote not closed
  | 'name-unquoted' // a field's name without double quotes (or in single ones)
  | 'single-quotes' // a text in single quotes
  | 'bad-word' // a value that is no JSON value (oui, NaN, undefined…)
  | 'bad-number'
  | 'trailing-comma' // a comma right before } or ]
  | 'missing-comma' // something else where a comma or the closing brace/bracket goes
  | 'missing-colon'
  | 'control-character' // a line break or tab typed inside a text
  | 'bad-escape' // a backslash not followed by what JSON allows
  | 'after-end'; // text after the document's end

export interface JsonFault {
  kind: JsonFaultKind;
  /** The position of the fault in the line, from 1 (as an editor counts columns). */
  column: number;
}

class Fault extends Error {
  constructor(readonly kind: JsonFaultKind, readonly at: number) {
    super(kind);
  }
}

/** The first fault of a text that is not JSON; undefined if it is. */
export function jsonFault(text: string): JsonFault | undefined {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const fail = (kind: JsonFaultKind, where = at): never => {
    throw new Fault(at >= text.length && kind !== 'after-end' ? 'ends-early' : kind, where);
  };
  const string = () => {
    for (at++; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 0x22) return void at++;
      if (c < 0x20) fail('control-character');
      if (c === 0x5c) {
        const next = text[++at];
        if (next === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5)) : !'"\\/bfnrt'.includes(next ?? '"')) fail('bad-escape', at - 1);
        if (next === 'u') at += 4;
      }
    }
    fail('ends-early');
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === undefined) return fail('ends-early');
    if (c === '{') return members('}', true);
    if (c === '[') return members(']', false);
    if (c === '"') return string();
    if (c === "'") return fail('single-quotes');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (/[-\d]/.test(c)) {
      if (!number || /^[\d.eE+-]/.test(text.slice(at + number[0].length))) fail('bad-number');
      return void (at += number![0].length);
    }
    const word = /^[A-Za-z_\u00c0-\uffff]+/.exec(text.slice(at))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') return void (at += word.length);
    fail('bad-word');
  };
  const members = (close: string, object: boolean) => {
    at++;
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      if (object) {
        space();
        if (text[at] !== '"') fail('name-unquoted');
        string();
        space();
        if (text[at] !== ':') fail('missing-colon');
        at++;
      }
      value();
      space();
      if (text[at] === close) return void at++;
      if (text[at] !== ',') fail('missing-comma');
      const comma = at++;
      space();
      if (text[at] === close) fail('trailing-comma', comma);
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail('after-end');
    return undefined;
  } catch (error) {
    if (!(error instanceof Fault)) throw error;
    return { kind: error.kind, column: Math.min(error.at, text.length) + 1 };
  }
}
