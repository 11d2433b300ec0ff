/** Where a French text breaks its typography, as readable excerpts ([] when it is right). */
export function frenchFaults(text: string): string[] {
  const faults = [
    ...text.matchAll(/.{0,20}[ \t][:;!?»%].{0,10}/g),
    ...text.matchAll(/.{0,10}«[ \t].{0,20}/g),
    ...text.matchAll(/.{0,10}\p{L}'\p{L}.{0,10}/gu),
    ...text.matchAll(/.{0,20}\(s\).{0,10}/g),
  ];
  return faults.map((m) => m[0]);
}
