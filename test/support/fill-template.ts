import type ExcelJS from 'exceljs';
import { NONE_WORDS } from '../../src/batch/none-answer.js';
import type { ContentIndex } from '../../src/core/content-index.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { localize, type Lang } from '../../src/core/text.js';

/**
 * Types a document into row `r` of the template's first sheet as an advisor picks from its lists
 * and Excel stores it: options by their labels, yes and no in words, several answers joined by |, none as « aucun »,
 * percentages as percent cells (7 % stored as 0.07), numbers as numbers.
 */
export function typeIn(index: ContentIndex, sheet: ExcelJS.Worksheet, r: number, id: string, doc: AnswersDocument, lang: Lang): void {
  const ids = (sheet.getRow(1).values as string[]).slice(1);
  ids.forEach((column, i) => {
    const question = index.profileFields.get(column) ?? index.questions.get(column)?.question;
    const answer = column === 'id' ? id : column === 'name' ? doc.organisation?.name : index.profileFields.has(column) ? doc.profile[column] : doc.answers[column];
    if (answer === undefined) return;
    const label = (v: unknown) => localize(question!.options!.find((o) => o.value === v)!.label, lang);
    const cell = sheet.getRow(r).getCell(i + 1);
    if (typeof answer === 'boolean') cell.value = answer ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
    else if (question?.type === 'percentage' && typeof answer === 'number') cell.value = answer / 100;
    else if (Array.isArray(answer)) cell.value = answer.length === 0 ? NONE_WORDS[lang] : answer.map(label).join(' | ');
    else if (question?.options && answer !== 'n/a') cell.value = label(answer);
    else cell.value = answer as string | number;
  });
}
