import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Assessment } from '../api-types.js';
import { t } from '../i18n.js';
import { ConfirmDialog } from './confirm-dialog.js';

/**
 * "Reopen to correct" on a submitted assessment, after a confirmation saying what it does. The
 * server refuses in words when a plan drawn from it went to the expert, or a later one was
 * submitted: the page shows that refusal (`onError`).
 */
export function ReopenAssessment({ assessment, onReopened, onError }: {
  assessment: Pick<Assessment, 'id' | 'number' | 'version'>;
  onReopened: (reopened: Assessment) => void;
  onError: (error: ApiError | undefined) => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const reopen = async () => {
    setOpen(false);
    setBusy(true);
    try {
      onReopened(await api<Assessment>('POST', `/assessments/${assessment.id}/reopen`, { version: assessment.version }));
    } catch (e) {
      onError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="button-secondary" disabled={busy} onClick={() => { onError(undefined); setOpen(true); }}>{t('reopen')}</button>
      <ConfirmDialog id="reopen-assessment" open={open} title={t('reopenTitle', { number: assessment.number })} onClose={() => setOpen(false)}
        actions={<>
          <button type="button" onClick={() => void reopen()}>{t('reopenConfirm')}</button>
          <button type="button" class="button-secondary" onClick={() => setOpen(false)}>{t('cancel')}</button>
        </>}>
        <p>{t('reopenText')}</p>
      </ConfirmDialog>
    </>
  );
}
