/**
 * Where JSON tokens end on a line's bytes (bytes[…, end)), for the usual documents' values only
 * (see JsonLineReader): each function tells where its token ends, or NOT_FOUND for anything it
 * does not take, which sends the line to JSON.parse.
 */

export const NOT_FOUND = -1;
export const [QUOTE, BACKSLASH, COMMA, COLON, OPEN_OBJECT, CLOSE_OBJECT, SPACE] = [0x22, 0x5c, 0x2c, 0x3a, 0x7b, 0x7d, 0x20] as const;
const [OPEN_ARRAY, CLOSE_ARRAY, TAB, CR, MINUS, POINT, ZERO, NINE] = [0x5b, 0x5d, 0x09, 0x0d, 0x2d, 0x2e, 0x30, 0x39] as const;
const [SMALL_E, CAPITAL_E, PLUS, SMALL_T, SMALL_F] = [0x65, 0x45, 0x2b, 0x74, 0x66] as const;
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');

/** Where the value starting at `i` ends: a string, a list of strings, a boolean or a number. */
export function valueEnd(bytes: Uint8Array, i: number, end: number): number {
  if (i >= end) return NOT_FOUND;
  const c = bytes[i]!;
  if (c === QUOTE) return stringEnd(bytes, i, end);
  if (c === OPEN_ARRAY) return listEnd(bytes, i, end);
  if (c === SMALL_T) return literalEnd(bytes, i, end, TRUE);
  if (c === SMALL_F) return literalEnd(bytes, i, end, FALSE);
  return numberEnd(bytes, i, end);
}

/** A string from its quote at `i`, without escapes or control characters: where it ends, after its closing quote. */
export function stringEnd(bytes: Uint8Array, i: number, end: number): number {
  if (i >= end || bytes[i] !== QUOTE) return NOT_FOUND;
  for (let k = i + 1; k < end; k++) {
    const c = bytes[k]!;
    if (c === QUOTE) return k + 1;
    if (c === BACKSLASH || c < SPACE) return NOT_FOUND;
  }
  return NOT_FOUND;
}

function listEnd(bytes: Uint8Array, i: number, end: number): number {
  i = spaceEnd(bytes, i + 1, end);
  if (i < end && bytes[i] === CLOSE_ARRAY) return i + 1;
  for (;;) {
    i = stringEnd(bytes, i, end);
    if (i < 0) return NOT_FOUND;
    i = spaceEnd(bytes, i, end);
    if (i < end && bytes[i] === COMMA) i = spaceEnd(bytes, i + 1, end);
    else if (i < end && bytes[i] === CLOSE_ARRAY) return i + 1;
    else return NOT_FOUND;
  }
}

function literalEnd(bytes: Uint8Array, i: number, end: number, literal: Buffer): number {
  if (i + literal.length > end) return NOT_FOUND;
  for (let k = 0; k < literal.length; k++) if (bytes[i + k] !== literal[k]) return NOT_FOUND;
  return i + literal.length;
}

/** A number as JSON writes it (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`): its value is then read as JSON.parse reads it. */
function numberEnd(bytes: Uint8Array, i: number, end: number): number {
  if (i < end && bytes[i] === MINUS) i++;
  if (i < end && bytes[i] === ZERO) i++;
  else if (isDigit(bytes, i, end)) while (isDigit(bytes, i, end)) i++;
  else return NOT_FOUND;
  if (i < end && bytes[i] === POINT) {
    if (!isDigit(bytes, ++i, end)) return NOT_FOUND;
    while (isDigit(bytes, i, end)) i++;
  }
  if (i < end && (bytes[i] === SMALL_E || bytes[i] === CAPITAL_E)) {
    if (i + 1 < end && (bytes[i + 1] === PLUS || bytes[i + 1] === MINUS)) i++;
    if (!isDigit(bytes, ++i, end)) return NOT_FOUND;
    while (isDigit(bytes, i, end)) i++;
  }
  return i;
}

/** Past JSON's spaces other than a line feed (a line has none). */
export function spaceEnd(bytes: Uint8Array, i: number, end: number): number {
  while (i < end && (bytes[i] === SPACE || bytes[i] === TAB || bytes[i] === CR)) i++;
  return i;
}

export function isDigit(bytes: Uint8Array, i: number, end: number): boolean {
  return i < end && bytes[i]! >= ZERO && bytes[i]! <= NINE;
}
