/**
 * What a row says of the organisation it is about, for a batch that stores rows as assessments:
 * only explicit columns — `organisation` (the organisation's number in impact-score) and `siren`
 * — and a JSON line's `organisation.siren`; never the free-text `id`, which is the advisor's own
 * reference (« 3 » there once stored a row into organisation 3). Each is a key of the advisor's
 * portfolio (see app/batches.ts); a row is stored only when all it gives name the same one.
 */

export function organisationRef(id: number): string {
  return `organisation:${id}`;
}

export function sirenRef(siren: string): string {
  return `siren:${siren}`;
}

/**
 * The keys a row's cells give. What is not written as the portfolio writes it (an organisation
 * number with a leading zero or a decimal point, a SIREN of other than 9 digits, spaces aside)
 * names none of its organisations, and so keeps the row from being stored.
 */
export function rowRefs(organisation: unknown, siren: unknown): string[] {
  const refs: string[] = [];
  const number = String(organisation ?? '').trim();
  if (number !== '') refs.push(`organisation:${number}`);
  const digits = String(siren ?? '').replace(/\s/g, '');
  if (digits !== '') refs.push(sirenRef(digits));
  return refs;
}
