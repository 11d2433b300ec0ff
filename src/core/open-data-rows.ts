import type { PublicationSnapshot } from './publication-snapshot.js';

/** One published result as a row of the open data (CSV and JSON alike): flat, with its content version. */
export type OpenDataRow = Record<string, string | number | null>;

/**
 * The open data of the published results: one row each, the same columns in the same order for
 * every row (the organisation, its region and sector, the dates, the content version, the global,
 * each pillar, then each indicator in content order), a score that does not apply left empty.
 */
export function openDataRows(published: readonly { publishedAt: string; snapshot: PublicationSnapshot }[], layout: { pillars: readonly string[]; indicators: readonly string[] }): { columns: string[]; rows: OpenDataRow[] } {
  const columns = ['organisation', 'region', 'sector', 'submitted_at', 'published_at', 'content_version', 'global', ...layout.pillars, ...layout.indicators];
  const rows = published.map(({ publishedAt, snapshot }) => {
    const scores = new Map<string, number | null>();
    for (const p of snapshot.pillars) {
      scores.set(p.id, p.score);
      for (const i of p.indicators) scores.set(i.id, i.score);
    }
    const row: OpenDataRow = {
      organisation: snapshot.organisation.name,
      region: snapshot.organisation.region,
      sector: snapshot.organisation.sector,
      submitted_at: snapshot.assessment.submittedAt,
      published_at: publishedAt,
      content_version: snapshot.contentVersion,
      global: snapshot.global,
    };
    for (const id of [...layout.pillars, ...layout.indicators]) row[id] = scores.get(id) ?? null;
    return row;
  });
  return { columns, rows };
}
