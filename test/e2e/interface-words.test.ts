import { describe, expect, it } from 'vitest';
import { frenchFaults } from '../support/french-faults.js';
import { MESSAGES, setLang, t, tn } from '../../src/ui/i18n.js';

/**
 * The web interface's own words, every message of both tables: French typography, plurals that
 * agree, numbers in the reader's writing. Run in Node: the tables need no page.
 */

// The language switch also sets the page's lang attribute: a stand-in element is all it needs here.
Object.assign(globalThis, { document: { documentElement: {} } });

describe('the words of the web interface', () => {
  it('when the web interface speaks French, then each of its messages follows French typography and no plural is written "(s)"', () => {
    expect(Object.entries(MESSAGES.fr).flatMap(([key, text]) => frenchFaults(text).map((f) => `${key}: ${f}`))).toEqual([]);
    expect(Object.keys(MESSAGES.fr).length).toBeGreaterThan(250);
  });

  it('when it speaks English, then quotes are typographic and plurals are pairs, never "(s)"', () => {
    expect(Object.entries(MESSAGES.en).filter(([, text]) => /"|\(s\)/.test(text))).toEqual([]);
  });

  it('when a count is shown, then it agrees in number and its thousands are spaced (4 999 lignes, 1 ligne)', () => {
    setLang('fr');
    expect(tn('batchRows', 4999)).toBe('4\u202f999\u00a0lignes lues');
    expect(tn('batchRows', 1)).toBe('1\u00a0ligne lue');
    expect(tn('organisationsCount', 1)).toBe('1\u00a0organisation notée');
    expect(tn('gainPoints', 1)).toBe('+1\u00a0point au global');
    expect(tn('rulePoints', 1)).toBe('1\u00a0pt');
    expect(t('before', { number: 5 })).toBe('Avant (n°\u00a05)');
    setLang('en');
    expect(tn('batchRows', 4999)).toBe('4,999\u00a0rows read');
    expect(tn('durationMonths', 1)).toBe('about 1\u00a0month');
    setLang('fr');
  });

});
