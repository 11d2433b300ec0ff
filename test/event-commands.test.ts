import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/service.js';

const event = {
  title: 'Rencontre Nîmes',
  date: '2027-03-12',
  followUp: '2027-09-12',
  place: 'Nîmes',
  partners: ['Nîmes Métropole'],
  intentions: [{ kind: 'participants', target: 12 }, { kind: 'words', text: 'Des liens entre voisins' }],
  workshops: [{ title: 'Partage', pillar: 'sharing' }],
};

describe('the event commands', () => {
  it('when an organiser’s event file is created, listed and its bilan exported, then each step says what it did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-events-cli-'));
    await cli(dir, 'users', 'create', '--email', 'orga@x.fr', '--role', 'leader', '--password', 'un mot de passe long');
    expect((await cli(dir, 'users', 'make-organiser', '--email', 'orga@x.fr')).out).toBe('orga@x.fr est organisateur.\n');
    const file = join(dir, 'event.json');
    writeFileSync(file, JSON.stringify(event));
    const created = await cli(dir, 'events', 'create', file, '--organiser', 'orga@x.fr');
    expect(created).toMatchObject({ code: 0, out: 'Événement créé\u00a0: Rencontre Nîmes (n°\u00a01)\n' });
    expect((await cli(dir, 'events', 'list')).out).toBe('1\t2027-03-12\t2027-09-12\tRencontre Nîmes\tNîmes\n');
    const pdf = join(dir, 'bilan.pdf');
    expect((await cli(dir, 'events', 'bilan', '--event', '1', '-o', pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const json = join(dir, 'bilan.json');
    expect((await cli(dir, 'events', 'bilan', '--event', '1', '-o', json, '--lang', 'en')).code).toBe(0);
    const bilan = JSON.parse(readFileSync(json, 'utf8'));
    expect(bilan.intentions.map((i: { label: string; achieved: number | null }) => [i.label, i.achieved])).toEqual([['Participants on the day (by 12 March 2027)', 0], ['Des liens entre voisins', null]]);
  });

  it('when the file has mistakes, then each is said in words at its place, the exit code is 1 and nothing is created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-events-cli-'));
    const file = join(dir, 'event.json');
    writeFileSync(file, JSON.stringify({ ...event, date: '2027-02-30', intentions: [{ kind: 'guests', target: 3 }], workshops: [{ title: 'X', pillar: 'nope' }] }));
    const refused = await cli(dir, 'events', 'create', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Cette date n’existe pas.');
    expect(refused.err).toContain('Type d’intention inconnu');
    expect(refused.err).not.toMatch(/invalid_|ZodError|at .*\.js/);
    const unknownPillar = join(dir, 'pillar.json');
    writeFileSync(unknownPillar, JSON.stringify({ ...event, workshops: [{ title: 'X', pillar: 'nope' }] }));
    const second = await cli(dir, 'events', 'create', unknownPillar);
    expect(second.code).toBe(1);
    expect(second.err).toContain('/workshops/0/pillar');
    expect((await cli(dir, 'events', 'list')).out).toBe('');
    expect((await cli(dir, 'events', 'bilan', '--event', '9', '-o', join(dir, 'x.pdf'))).err).toBe('impact-score: Événement introuvable.\n');
  });
});
