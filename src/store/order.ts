/**
 * Sorted by name then id, comparing code units as SQLite's default collation does. Sorting here
 * rather than in SQL keeps one order whatever collation a PostgreSQL database was created with.
 */
export function byName<T extends { name: string; id: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}
