import type { ContentIndex } from '../core/content-index.js';
import type { IssueView } from '../core/issue.js';
import { localize, type Lang } from '../core/text.js';
import { typeset } from '../core/typography.js';
import { ID_COLUMN, NAME_COLUMN, ORGANISATION_COLUMN, SIREN_COLUMN } from './columns.js';
import { factQuestion, shortLabel } from './condition-words.js';
import { columnOf } from './row-problems.js';

/** What a results file shows a reader instead of ids: pillars, indicators and actions by their titles, problems by their questions' labels. */
export interface ResultWords {
  lang: Lang;
  pillar(id: string): string;
  indicator(id: string): string;
  action(id: string): string;
  /** A row's problem as the reader says it: the question it is about by its label, never its id. */
  problem(problem: IssueView): string;
}

const COLUMNS = {
  fr: { [ID_COLUMN]: 'votre référence', [NAME_COLUMN]: 'nom de l’organisation', [ORGANISATION_COLUMN]: 'n° de l’organisation', [SIREN_COLUMN]: 'SIREN', row: 'la ligne' },
  en: { [ID_COLUMN]: 'your reference', [NAME_COLUMN]: 'organisation name', [ORGANISATION_COLUMN]: 'organisation number', [SIREN_COLUMN]: 'SIREN', row: 'the row' },
} as const;

export function resultWords(index: ContentIndex, lang: Lang): ResultWords {
  const titles = new Map<string, string>();
  for (const p of index.pillars) titles.set(`pillar:${p.id}`, localize(p.title, lang));
  for (const [id, entry] of index.indicators) titles.set(`indicator:${id}`, localize(entry.indicator.title, lang));
  for (const a of index.content.actions) titles.set(`action:${a.id}`, localize(a.title, lang));
  const quote = (text: string) => (lang === 'fr' ? `« ${text} »` : `"${text}"`);
  return {
    lang,
    pillar: (id) => titles.get(`pillar:${id}`) ?? id,
    indicator: (id) => titles.get(`indicator:${id}`) ?? id,
    action: (id) => titles.get(`action:${id}`) ?? id,
    problem(problem) {
      const column = columnOf(problem.path);
      const question = factQuestion(index, column);
      const words = COLUMNS[lang];
      const name = question ? shortLabel(question, lang) : column === '—' ? words.row : (words as Record<string, string>)[column] ?? column;
      // Messages name a question by its id, quoted: the reader knows it by its label.
      const message = question ? problem.message.replace(new RegExp(`(«\\s?|")${escaped(column)}(\\s?»|")`, 'g'), quote(name)) : problem.message;
      return typeset(message.includes(quote(name)) || column === '—' ? message : `${quote(name)}${lang === 'fr' ? ' :' : ':'} ${message}`, lang);
    },
  };
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
