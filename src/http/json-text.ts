/**
 * An answer, or a part of one, already written as JSON text (the report, by the engine's
 * `reportJson`): the route sends it as it is rather than stringifying an object again.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * The JSON text of an object whose members may be JsonText, spliced as they are: the same text as
 * `JSON.stringify` gives for the object with those members as values (keys in the order given,
 * undefined members left out).
 */
export function jsonObject(members: Record<string, unknown>): JsonText {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(members)) {
    const text = value instanceof JsonText ? value.text : JSON.stringify(value);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return new JsonText(`{${parts.join(',')}}`);
}
