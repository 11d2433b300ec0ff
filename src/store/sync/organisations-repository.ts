import type { Db } from './database.js';
import type { Answers, Organisation } from '../records.js';

interface Row {
  id: number;
  name: string;
  siren: string | null;
  profile: string;
  created_at: string;
}

const toOrganisation = (r: Row): Organisation => ({
  id: r.id,
  name: r.name,
  siren: r.siren,
  profile: JSON.parse(r.profile) as Answers,
  createdAt: r.created_at,
});

export class OrganisationsRepository {
  constructor(private readonly db: Db) {}

  create(input: { name: string; siren: string | null; profile: Answers }, now: string): Organisation {
    const id = this.db
      .prepare('INSERT INTO organisations (name, siren, profile, created_at) VALUES (?, ?, ?, ?)')
      .run(input.name, input.siren, JSON.stringify(input.profile), now).lastInsertRowid;
    return this.get(Number(id))!;
  }

  get(id: number): Organisation | undefined {
    const row = this.db.prepare('SELECT * FROM organisations WHERE id = ?').get(id) as Row | undefined;
    return row && toOrganisation(row);
  }

  /** All organisations, or those with the given ids, by name. */
  list(ids?: readonly number[]): Organisation[] {
    if (ids && ids.length === 0) return [];
    const rows = ids
      ? (this.db.prepare(`SELECT * FROM organisations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name, id`).all(JSON.stringify(ids)) as Row[])
      : (this.db.prepare('SELECT * FROM organisations ORDER BY name, id').all() as Row[]);
    return rows.map(toOrganisation);
  }

  update(id: number, changes: { name?: string; siren?: string | null; profile?: Answers }): Organisation | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...current, ...changes };
    this.db.prepare('UPDATE organisations SET name = ?, siren = ?, profile = ? WHERE id = ?').run(next.name, next.siren, JSON.stringify(next.profile), id);
    return this.get(id);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM organisations').pluck().get() as number;
  }
}
