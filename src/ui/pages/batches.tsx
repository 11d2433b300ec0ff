import { useEffect, useRef, useState } from 'preact/hooks';
import { api, API, ApiError, upload } from '../api.js';
import type { Batch } from '../api-types.js';
import { describedBy, Field } from '../components/field.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { colon, currentLang, formatDate, formatNumber, t, tn } from '../i18n.js';
import { useLoad } from '../use-load.js';

const TYPES: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/csv',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const POLL_MS = 700;

export function BatchesPage() {
  const state = useLoad(() => api<Batch[]>('GET', '/batches'), []);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [output, setOutput] = useState('');
  const [excel, setExcel] = useState('');
  const [store, setStore] = useState(false);
  const [partial, setPartial] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [current, setCurrent] = useState<Batch | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const live = useRef(true);
  useEffect(() => () => {
    live.current = false;
    clearTimeout(timer.current);
  }, []);
  /** Polls one batch until it ends; following a new one stops following the previous. */
  const follow = (id: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      try {
        const batch = await api<Batch>('GET', `/batches/${id}`);
        if (!live.current) return;
        setCurrent((shown) => (shown && shown.id !== id ? shown : batch));
        if (batch.status === 'queued' || batch.status === 'running') follow(id);
        else state.reload();
      } catch (e) {
        if (live.current) setError(e as ApiError);
      }
    }, POLL_MS);
  };
  const send = async (e: Event) => {
    e.preventDefault();
    if (!file) {
      setFieldError(t('chooseFile'));
      return;
    }
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    setBusy(true);
    try {
      const batch = await upload<Batch>(`/batches?${output ? `output=${output}&` : ''}${excel ? `excel=${excel}&` : ''}store=${store}&partial=${partial}`, file, TYPES[extension] ?? (file.type || 'application/octet-stream'));
      setCurrent(batch);
      state.reload();
      setFieldError(undefined);
      setError(undefined);
      follow(batch.id);
    } catch (err) {
      const apiError = err as ApiError;
      // A refused file (type, empty) is about the file field; anything else goes above the form.
      if (apiError.status === 415 || apiError.status === 422 || apiError.status === 413) setFieldError(apiError.issues[0]?.message ?? apiError.message);
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('batchesTitle')}>
      <p>{t('batchesIntro')}</p>
      <p>
        {t('templateHint')}{' '}
        <a href={`${API}/batches/template?format=csv&lang=${currentLang()}`} download>{t('downloadTemplateCsv')}</a>{' · '}
        <a href={`${API}/batches/template?format=xlsx&lang=${currentLang()}`} download>{t('downloadTemplateXlsx')}</a>
      </p>
      {error ? <ErrorBox error={error} /> : null}
      <form class="card form-narrow" onSubmit={(e) => void send(e)} noValidate>
        <Field id="batch-file" label={t('portfolioFile')} error={fieldError}>
          <input id="batch-file" type="file" accept=".csv,.txt,.jsonl,.ndjson,.xlsx" aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy('batch-file', { error: fieldError })} onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </Field>
        <Field id="batch-output" label={t('outputFormat')}>
          <select id="batch-output" value={output} onChange={(e) => setOutput(e.currentTarget.value)}>
            <option value="">{t('sameAsFile')}</option>
            <option value="csv">CSV</option>
            <option value="xlsx">XLSX</option>
            <option value="jsonl">JSON Lines</option>
          </select>
        </Field>
        {/* The dialect only shapes CSV results: asked where they may be CSV. */}
        {output === 'xlsx' || output === 'jsonl' ? null : (
          <Field id="batch-excel" label={t('excelFor')} hint={t('excelHint')}>
            <select id="batch-excel" value={excel} aria-describedby={describedBy('batch-excel', { hint: true })} onChange={(e) => setExcel(e.currentTarget.value)}>
              <option value="">{t('sameAsFile')}</option>
              <option value="fr">{t('excelFr')}</option>
              <option value="en">{t('excelEn')}</option>
            </select>
          </Field>
        )}
        <label class="check">
          <input type="checkbox" checked={store} onChange={(e) => setStore(e.currentTarget.checked)} />
          {t('storeRows')}
        </label>
        <label class="check">
          <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.currentTarget.checked)} />
          {t('partialRows')}
        </label>
        <button type="submit" disabled={busy}>{busy ? t('sending') : t('send')}</button>
      </form>
      {current ? <BatchCard batch={current} live /> : null}
      <Loadable state={state}>
        {(batches) => {
          const others = batches.filter((b) => b.id !== current?.id);
          // The batch followed above is one sent: « none sent » would contradict it.
          if (others.length === 0 && current) return null;
          return (
            <>
              <h2>{t('previousBatches')}</h2>
              {others.length === 0 ? <p>{t('noBatches')}</p> : <ul class="list">{others.map((b) => <li key={b.id}><BatchCard batch={b} /></li>)}</ul>}
            </>
          );
        }}
      </Loadable>
    </Page>
  );
}

/**
 * How far a batch has read its file (for a workbook, its sheet's compressed bytes). A total of 0 is
 * unknown, so the bar then only shows activity and the rows read stand alone.
 */
function BatchProgress({ batch }: { batch: Batch }) {
  const label = t('batchLine', { id: batch.id, status: t(`batchStatus_${batch.status}`) });
  const rows = tn('batchRows', batch.rows);
  if (batch.totalBytes <= 0) return <p><progress aria-label={label} /> {rows}</p>;
  const percent = Math.round((100 * batch.bytesRead) / batch.totalBytes);
  return <p><progress max={100} value={percent} aria-label={label} /> {t('percent', { value: percent })} · {rows}</p>;
}

/** A batch; the one being followed is a section of its own (h2), earlier ones sit under "previous" (h3). */
function BatchCard({ batch, live = false }: { batch: Batch; live?: boolean }) {
  const Heading = live ? 'h2' : 'h3';
  const s = batch.summary;
  return (
    <div class="card batch" data-batch={batch.id} data-batch-status={batch.status}>
      <Heading>{t('batchLine', { id: batch.id, status: t(`batchStatus_${batch.status}`) })} <span class="muted">· {formatDate(batch.createdAt)}</span></Heading>
      {live ? <p class="sr-only" role="status">{t(`batchStatus_${batch.status}`)}</p> : null}
      <div>
        {batch.status === 'running' || batch.status === 'queued' ? <BatchProgress batch={batch} /> : null}
        {s ? (
          <p>
            {t('batchSummary', { scored: formatNumber(s.scored), rejected: formatNumber(s.rejected), stored: formatNumber(batch.stored) })}
            {s.warned ? ` · ${tn('batchWarned', s.warned)}` : ''}
            {s.global.mean !== null ? ` · ${t('global')}${colon()}${t('meanScore', { mean: formatNumber(s.global.mean) })}` : ''}
          </p>
        ) : null}
        {batch.error ? <p class="field-error">{batch.error.message}</p> : null}
        {s?.problems && s.problems.length > 0 ? <RowsToReview problems={s.problems} total={s.rejected + (s.warned ?? 0)} open={live} /> : null}
      </div>
      {batch.status === 'done' ? <a class="button" href={`${API}/batches/${batch.id}/result`} download>{t('downloadResults')}</a> : null}
    </div>
  );
}

type RowProblems = NonNullable<NonNullable<Batch['summary']>['problems']>[number];

/** The rows a batch rejected or scored with a warning, each problem in words, as the results file gives them. */
function RowsToReview({ problems, total, open }: { problems: RowProblems[]; total: number; open: boolean }) {
  return (
    <details class="rows-to-review" open={open}>
      <summary>{t('rowsToReview')} ({formatNumber(total)})</summary>
      <ul>
        {problems.map((p) => (
          <li key={p.row} data-row={p.row}>
            <strong>{t(p.rejected ? 'rowRejected' : 'rowWarned', { row: p.row, who: p.name || p.id || t('unnamedRow') })}</strong>
            <ul>{p.messages.map((m, k) => <li key={k}>{m}</li>)}</ul>
          </li>
        ))}
      </ul>
      {total > problems.length ? <p class="muted">{t('firstRowsOnly', { count: problems.length })}</p> : null}
    </details>
  );
}
