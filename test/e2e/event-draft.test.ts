import { describe, expect, it } from 'vitest';
import { eventInput } from '../../src/core/event-input.js';
import { emptyEvent, emptyIntention, emptyTestimony, toBody, toDraft, type EventDraft } from '../../src/ui/event-draft.js';

/**
 * The event form's state and the body it sends: run in Node, checked against the schema the API
 * parses the body with, so the form and the API cannot drift apart unseen.
 */
function filled(): EventDraft {
  const draft = emptyEvent();
  return {
    ...draft,
    title: 'De l’Impact Score à l’action', date: '2027-03-12', followUp: '2027-09-12', place: 'Montpellier', partners: 'Région Occitanie\n\n  Métropole  \n',
    intentions: [{ ...emptyIntention('participants'), target: '30' }, { ...emptyIntention('plans-approved'), target: ' 20 ', withinWeeks: '6' }, { ...emptyIntention('words'), text: 'Chacun repart avec une action datée.' }],
    workshops: [
      { ...draft.workshops[0]!, title: 'Stratégie', scope: 'pillar', pillar: 'strategy', indicators: ['ignored-while-a-pillar'], experts: 'expert@test.org\n' },
      {
        ...draft.workshops[0]!, key: 99, title: 'Carbone', scope: 'indicators', pillar: 'strategy', indicators: ['core-impact'],
        recorded: [{ ...emptyTestimony(), name: 'Scop du Lez', sector: 'F', title: 'Bilan carbone', action: 'Mesuré', outcome: '−12 %', url: ' https://exemple.fr/lez ', publisher: 'Le Lez', date: '2025' }],
      },
    ],
  };
}

describe('the event form’s body', () => {
  it('when the form is filled in, then its body is one the API’s schema accepts, lines and blanks tidied, one scope per workshop', () => {
    const { body, problems } = toBody(filled());
    expect(problems).toEqual([]);
    expect(eventInput.safeParse(body).success).toBe(true);
    expect(body.partners).toEqual(['Région Occitanie', 'Métropole']);
    expect(body.intentions[1]).toEqual({ kind: 'plans-approved', target: 20, withinWeeks: 6 });
    expect(body.workshops.map((w) => [w.pillar, w.indicators])).toEqual([['strategy', []], [null, ['core-impact']]]);
    expect(body.workshops[0]!.experts).toEqual(['expert@test.org']);
    expect(body.workshops[1]!.recordedTestimonies[0]!.source.url).toBe('https://exemple.fr/lez');
    expect(body.workshops[1]!.recordedTestimonies[0]!.organisation).toEqual({ name: 'Scop du Lez', sector: 'F' });
  });

  it('when a target is not a whole number, then the form says where, at the path the API would use, before sending', () => {
    const draft = filled();
    draft.intentions[0]!.target = '3,5';
    draft.intentions[1]!.withinWeeks = '';
    expect(toBody(draft).problems).toEqual(['/intentions/0/target', '/intentions/1/withinWeeks']);
  });

  it('when an event is read back into the form, then sending it again gives the same body', () => {
    const { body } = toBody(filled());
    expect(toBody(toDraft(body)).body).toEqual(body);
  });
});
