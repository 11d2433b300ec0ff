import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { indexContent } from '../../src/core/content-index.js';
import { checkEventAgainstContent, eventInput } from '../../src/core/event-input.js';
import { parseWith } from '../../src/core/zod-issues.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const pillar = index.pillars[0]!.id;
const indicator = [...index.indicators.keys()][0]!;
const testimony = loaded.value.content.testimonies[0]!.id;

const base = { title: 'De l’Impact Score à l’action', date: '2027-03-12', followUp: '2027-09-12', place: 'Montpellier' };
const messages = (data: unknown) => {
  const parsed = parseWith(eventInput, data);
  return parsed.ok ? [] : parsed.issues.map((i) => [i.path, i.code, i.message.fr, i.message.en]);
};

describe('an event as an organiser writes it', () => {
  it('when the event is complete, then it is read with its defaults, experts’ addresses in lower case', () => {
    const parsed = parseWith(eventInput, {
      ...base, partners: ['Montpellier Méditerranée Métropole'],
      intentions: [{ kind: 'participants', target: 20 }, { kind: 'plans-approved', target: 10, withinWeeks: 6 }, { kind: 'words', text: 'Créer des liens' }],
      workshops: [{ title: 'Externalités', pillar, experts: ['Expert@Exemple.FR'], testimonies: [testimony] }, { title: 'Mix', indicators: [indicator] }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.workshops[0]!.experts).toEqual(['expert@exemple.fr']);
    expect(parsed.value.workshops[1]).toMatchObject({ pillar: null, experts: [], testimonies: [], recordedTestimonies: [] });
    expect(checkEventAgainstContent(parsed.value, index)).toEqual([]);
  });

  it('when the follow-up is before the event, a date does not exist, or an intention is of no known kind, then each is said in our words at its place', () => {
    expect(messages({ ...base, followUp: '2027-03-01' })).toEqual([['/followUp', expect.any(String), 'Le suivi vient après l’événement.', 'The follow-up comes after the event.']]);
    expect(messages({ ...base, date: '2027-02-30' })[0]).toEqual(['/date', expect.any(String), 'Cette date n’existe pas.', 'This date does not exist.']);
    const unknown = messages({ ...base, intentions: [{ kind: 'visitors', target: 3 }] });
    expect(unknown[0]![0]).toBe('/intentions/0/kind');
    expect(unknown[0]![2]).toMatch(/^Type d’intention inconnu\u00a0: participants/);
  });

  it('when a testimony told at the event has no public https source, then it is refused with the rule in words', () => {
    const told = { organisation: { name: 'Scop du Lez', sector: 'C' }, title: 'Un bilan carbone', action: 'Mesuré', outcome: 'Réduit', source: { url: 'http://exemple.fr', publisher: 'Midi Libre' }, date: '2025' };
    const found = messages({ ...base, workshops: [{ title: 'A', pillar, recordedTestimonies: [told] }] });
    expect(found).toEqual([['/workshops/0/recordedTestimonies/0/source/url', expect.any(String), 'Une adresse publique en https:// où le témoignage peut être lu.', expect.any(String)]]);
  });

  it('when a workshop covers both or neither, or names what the content does not have, then each problem is listed with its place', () => {
    const parsed = parseWith(eventInput, { ...base, workshops: [
      { title: 'Both', pillar, indicators: [indicator] },
      { title: 'Neither' },
      { title: 'Unknown', pillar: 'pillar-9', testimonies: ['nobody'] },
    ] });
    if (!parsed.ok) throw new Error('expected to parse');
    expect(checkEventAgainstContent(parsed.value, index).map((i) => [i.code, i.path])).toEqual([
      ['workshop-scope', '/workshops/0'],
      ['workshop-scope', '/workshops/1'],
      ['unknown-pillar', '/workshops/2/pillar'],
      ['unknown-testimony', '/workshops/2/testimonies/0'],
    ]);
  });
});
