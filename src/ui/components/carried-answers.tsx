import type { AnswerValue, Assessment, Question } from '../api-types.js';
import type { Autosaver, Part } from '../autosave.js';
import { colon, formatDate, t, tn } from '../i18n.js';
import { formatAnswer } from '../questionnaires.js';
import { href } from '../router.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Where each answer of a re-assessment stands against the assessment it started from: carried
 * over and not yet confirmed, or changed since (with the answer it had). Pending edits count at
 * once, before the server has them.
 */
export class AnswerOrigins {
  private readonly before = new Map<string, AnswerValue | null>();

  constructor(private readonly saver: Autosaver) {
    for (const c of saver.assessment.changes ?? []) this.before.set(`${c.part}/${c.question}`, c.before);
  }

  get source(): Assessment['source'] {
    return this.saver.assessment.source;
  }

  /** The answer the source assessment had. */
  sourceValue(part: Part, id: string): AnswerValue | null {
    const key = `${part}/${id}`;
    return this.before.has(key) ? this.before.get(key)! : this.saver.assessment[part][id] ?? null;
  }

  /** The answer as the user has it now, pending edits included. */
  current(part: Part, id: string): AnswerValue | undefined {
    return this.saver.value(part, id);
  }

  isCarried(part: Part, id: string): boolean {
    return part === 'answers' && (this.saver.assessment.carried ?? []).includes(id) && !(id in this.saver.pending.answers);
  }

  isChanged(part: Part, id: string): boolean {
    return Boolean(this.source) && !same(this.current(part, id), this.sourceValue(part, id));
  }
}

/** The note under a question of a re-assessment, with "confirm" on a carried answer. */
export function originNote(origins: AnswerOrigins, part: Part, question: Question, readOnly: boolean, confirm: () => void) {
  const source = origins.source;
  if (!source) return undefined;
  const date = source.submittedAt ? formatDate(source.submittedAt) : '';
  if (!readOnly && origins.isCarried(part, question.id)) {
    return {
      kind: 'carried' as const,
      text: t('carriedFrom', { date, number: source.number }),
      action: <button type="button" class="button-link" onClick={confirm} aria-label={t('confirmAnswerLabel', { question: question.label })}>{t('confirmAnswer')}</button>,
    };
  }
  if (origins.isChanged(part, question.id)) {
    return { kind: 'changed' as const, text: t('changedSince', { date, before: formatAnswer(question, origins.sourceValue(part, question.id)) }) };
  }
  return undefined;
}

/** The banner of a re-assessment: where it started from, what is left to confirm, what changed. */
export function CarriedSummary({ origins, assessmentId, carried, changes }: {
  origins: AnswerOrigins;
  assessmentId: number;
  carried: number;
  changes: { part: Part; question: Question; section: string; sectionTitle: string }[];
}) {
  const source = origins.source;
  if (!source) return null;
  return (
    <div class="alert carried-summary">
      <p>{t('startedFrom', { number: source.number, date: source.submittedAt ? formatDate(source.submittedAt) : '' })}</p>
      <p><strong>{tn('toConfirm', carried)}</strong> · <strong>{tn('changedCount', changes.length)}</strong></p>
      {changes.length > 0 ? (
        <details>
          <summary>{t('seeChanges')}</summary>
          <ul>
            {changes.map((c) => (
              <li key={`${c.part}/${c.question.id}`}>
                <a href={href.fill(assessmentId, c.section)}>{c.question.label}</a>{colon()}
                {formatAnswer(c.question, origins.sourceValue(c.part, c.question.id))} → {formatAnswer(c.question, origins.current(c.part, c.question.id))}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
