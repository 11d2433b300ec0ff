import type { Question } from '../api-types.js';
import { useState } from 'preact/hooks';
import { colon, formatDate, t, tn } from '../i18n.js';
import { href } from '../router.js';
import { ConfirmDialog } from './confirm-dialog.js';

export interface Unanswered {
  /** The section holding it: "profile" or a pillar id. */
  section: string;
  sectionTitle: string;
  question: Question;
}

/**
 * The question before a submission: what is still unanswered, in words (required answers block
 * it, with a link to each section), what was carried over and not confirmed, and what submitting
 * means (scored, then fixed unless reopened). At the organisation's first submission it also asks
 * whether the organisation counts in comparisons with organisations like it (off unless ticked).
 */
export function SubmitDialog({ open, assessmentId, number, missing, optionalLeft, unconfirmed, source, askComparisons, onSubmit, onClose }: {
  open: boolean;
  assessmentId: number;
  number: number;
  missing: Unanswered[];
  optionalLeft: number;
  unconfirmed: number;
  source: { number: number; submittedAt: string | null } | null | undefined;
  /** True when the organisation was never asked whether it counts in comparisons. */
  askComparisons: boolean;
  /** `countInComparisons` only when it was asked. */
  onSubmit: (countInComparisons?: boolean) => void;
  onClose: () => void;
}) {
  const [consent, setConsent] = useState(false);
  const blocked = missing.length > 0;
  const sections = [...new Map(missing.map((m) => [m.section, m.sectionTitle])).entries()];
  return (
    <ConfirmDialog id="submit-dialog" open={open} title={blocked ? tn('submitMissingTitle', missing.length) : t('submitTitle', { number })} onClose={onClose}
      actions={blocked
        ? <button type="button" onClick={onClose}>{t('backToQuestions')}</button>
        : <>
            <button type="button" onClick={() => onSubmit(askComparisons ? consent : undefined)}>{t('submitConfirm')}</button>
            <button type="button" class="button-secondary" onClick={onClose}>{t('cancel')}</button>
          </>}>
      {blocked ? (
        <>
          <p>{t('submitMissingText')}</p>
          {sections.map(([section, title]) => (
            <div key={section} class="missing-group">
              <p><a href={href.fill(assessmentId, section)} onClick={onClose}>{title}</a>{colon()}</p>
              <ul>{missing.filter((m) => m.section === section).map((m) => <li key={m.question.id}>{m.question.label}</li>)}</ul>
            </div>
          ))}
        </>
      ) : (
        <>
          <p>{t('submitText')}</p>
          {unconfirmed > 0 && source ? <p>{tn('submitUnconfirmed', unconfirmed, { number: source.number, date: source.submittedAt ? formatDate(source.submittedAt) : '' })}</p> : null}
          {optionalLeft > 0 ? <p>{tn('submitOptionalLeft', optionalLeft)}</p> : <p>{t('submitAllAnswered')}</p>}
          {askComparisons ? (
            <p class="consent">
              <label><input type="checkbox" name="countInComparisons" checked={consent} onChange={(e) => setConsent((e.target as HTMLInputElement).checked)} /> {t('countInComparisons')}</label>
              <br /><small>{t('countInComparisonsHelp')}</small>
            </p>
          ) : null}
        </>
      )}
    </ConfirmDialog>
  );
}
