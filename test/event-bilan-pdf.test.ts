import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import { eventBilan } from '../src/core/event-bilan.js';
import { buildEventBilanDocument } from '../src/core/event-bilan-document.js';
import type { Participant, ScoreSummary } from '../src/core/event-model.js';
import type { Lang } from '../src/core/text.js';
import { renderPdf } from '../src/pdf/render-pdf.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const pillars = index.pillars.map((p) => p.id);
const shape = { pillars, indicators: [...index.indicators.values()].map((e) => ({ id: e.indicator.id, pillar: e.pillar })) };
const dir = mkdtempSync(join(tmpdir(), 'impact-event-pdf-'));

const scores = (at: string, values: number[]): ScoreSummary => ({ submittedAt: at, global: values[0]!, pillars: Object.fromEntries(pillars.map((p, i) => [p, values[i + 1]!])), indicators: {} });

function people(reassessed: number): Participant[] {
  return Array.from({ length: 6 }, (_, i) => ({
    organisationId: i + 1, name: `Coopérative ${i + 1}`, named: i === 0, joinedAt: `2027-02-0${i + 1}T09:00:00Z`, workshopId: 1 + (i % 2),
    before: scores('2027-03-01T10:00:00Z', [50 + i, 40, 50, 60]),
    after: i < reassessed ? scores('2027-09-01T10:00:00Z', [58 + i, 52, 50, 66]) : null,
    plans: [{ createdAt: '2027-03-12T15:00:00Z', submittedAt: '2027-03-20T10:00:00Z', approvedAt: i < 4 ? '2027-04-01T10:00:00Z' : null, items: [{ status: 'done', doneAt: '2027-06-01T10:00:00Z' }, { status: 'todo', doneAt: null }] }],
  }));
}

async function pdfOf(reassessed: number, lang: Lang): Promise<string> {
  const intentions = [
    { id: 'a', kind: 'participants' as const, target: 8 },
    { id: 'b', kind: 'plans-approved' as const, target: 4, withinWeeks: 6 },
    { id: 'c', kind: 'words' as const, text: 'Des liens durables entre participants' },
  ];
  const facts = { date: '2027-03-12', followUp: '2027-09-12', participants: people(reassessed) };
  const document = buildEventBilanDocument(index, {
    lang, today: '2027-09-20',
    event: { title: 'De l’Impact Score à l’action', date: '2027-03-12', followUp: '2027-09-12', place: 'Montpellier', partners: ['Montpellier Méditerranée Métropole'], organiser: 'Mouvement Impact France Occitanie' },
    bilan: eventBilan(intentions, facts, shape, '2027-09-20'),
    workshops: [{ id: 1, title: 'Externalités', notes: 'Trois bilans carbone lancés.' }, { id: 2, title: 'Partage', notes: null }],
    improvements: 'Inviter les experts plus tôt.',
  });
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderPdf(document, out);
  const file = join(dir, `event-${reassessed}-${lang}.pdf`);
  writeFileSync(file, Buffer.concat(chunks));
  expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/DejaVu.*yes\s+yes/);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
}

describe('the event bilan as a PDF for partners', () => {
  it('when six took part and two re-assessed, then each intention stands beside its figure, no mean is published, and only the participant who agreed is named', async () => {
    const text = await pdfOf(2, 'fr');
    // The cover's heading is the event; its organiser is named under it.
    expect(text.slice(0, 300)).toMatch(/\n\s*De l’Impact Score à l’action\n\s*Organisé par Mouvement Impact France Occitanie\n/);
    expect(text).toMatch(/Participants le jour J \(au 12 mars 2027\)\s+8\s+6\s+non atteint/);
    expect(text).toMatch(/Plans approuvés dans les 6 semaines \(au 23 avril 2027\)\s+4\s+4\s+atteint/);
    expect(text).toMatch(/Des liens durables entre participants\s+—\s+—\s+à apprécier/);
    expect(text).toContain('Moins de cinq participants ont refait l’évaluation');
    expect(text).toContain('Coopérative 1');
    for (const n of [2, 3, 4, 5, 6]) expect(text).not.toContain(`Coopérative ${n}`);
    expect(text).toMatch(/Participant 2\s+Partage\s+approuvé\s+1\s*\/\s*2/);
    expect(text).toContain('6 participants, dont 6 avec une évaluation soumise avant l’événement.');
    expect(text).toContain('Trois bilans carbone lancés.');
    expect(text).toContain('Pas de compte rendu.');
  });

  it('when five or more re-assessed, then the mean change of each score is given, in English too', async () => {
    const text = await pdfOf(5, 'en');
    expect(text).toContain('Organised by Mouvement Impact France Occitanie');
    expect(text).toMatch(/Global score\s+5\s+52\s+60\s+\+8/);
    expect(text).not.toContain('Fewer than five');
    expect(text).toMatch(/Participant 6\s+Partage\s+submitted\s+1\s*\/\s*2\s+—/);
  });
});
