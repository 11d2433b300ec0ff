type GrowableArray = Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A typed array's copy with room for at least `least` entries, twice the length at least (amortised growth), the rest zero. */
export function grown<T extends GrowableArray>(array: T, least: number): T {
  const more = new (array.constructor as new (length: number) => T)(Math.max(least, array.length * 2));
  more.set(array);
  return more;
}
