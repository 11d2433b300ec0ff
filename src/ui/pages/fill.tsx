import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { AnswerValue, Assessment, Organisation, Question, Questionnaires } from '../api-types.js';
import { Autosaver, sessionPendingStore, type Part } from '../autosave.js';
import { AnswerOrigins, CarriedSummary, originNote } from '../components/carried-answers.js';
import { FillBar, IndicatorContents, type Jump } from '../components/fill-bar.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { QuestionField } from '../components/question-field.js';
import { ReopenAssessment } from '../components/reopen-assessment.js';
import { SubmitDialog, type Unanswered } from '../components/submit-dialog.js';
import { colon, formatNumber, listed, quoted, t, tn } from '../i18n.js';
import { formatAnswer, questionnaires } from '../questionnaires.js';
import { href, navigate } from '../router.js';
import { useLoad } from '../use-load.js';

export function FillPage({ id, section }: { id: number; section: string }) {
  const state = useLoad(async () => {
    const [content, assessment] = await Promise.all([questionnaires(), api<Assessment>('GET', `/assessments/${id}`)]);
    const organisation = await api<Organisation>('GET', `/organisations/${assessment.organisationId}`);
    return { content, assessment, organisation };
  }, [id]);
  return (
    <Loadable state={state}>
      {({ content, assessment, organisation }) => <Form key={`${assessment.id}/${assessment.status}`} content={content} initial={assessment} organisation={organisation} section={section}
        onReopened={(reopened) => state.setData({ content, assessment: reopened, organisation })} />}
    </Loadable>
  );
}

function Form({ content, initial, organisation, section, onReopened }: {
  content: Questionnaires; initial: Assessment; organisation: Organisation; section: string; onReopened: (reopened: Assessment) => void;
}) {
  const [, setTick] = useState(0);
  const saver = useMemo(() => new Autosaver(
    initial,
    (version, changes) => api<Assessment>('PATCH', `/assessments/${initial.id}`, {
      version,
      ...(Object.keys(changes.profile).length ? { profile: changes.profile } : {}),
      ...(Object.keys(changes.answers).length ? { answers: changes.answers } : {}),
    }),
    () => setTick((n) => n + 1),
    { store: sessionPendingStore(initial.id) },
  ), [initial]);
  const [submitError, setSubmitError] = useState<ApiError | undefined>(undefined);
  const [stopped, setStopped] = useState<string | undefined>(undefined);
  /** What the last submission refused, by field; a field's entry goes when it is changed. */
  const [serverIssues, setServerIssues] = useState(new Map<string, string>());
  const [submitting, setSubmitting] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reopenError, setReopenError] = useState<ApiError | undefined>(undefined);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.unsavedCount > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      void saver.flush();
      saver.dispose();
    };
  }, [saver]);
  useEffect(() => {
    if (saver.state === 'conflict') conflictRef.current?.focus();
  }, [saver.state]);
  // A new section starts at its top, with the focus on its heading.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById(`section-${section}`)?.focus();
  }, [section]);

  const assessment = saver.assessment;
  const readOnly = assessment.status !== 'draft' || organisation.access !== 'edit';
  const sections = [{ id: 'profile', title: t('sectionProfile') }, ...content.pillars.map((p) => ({ id: p.id, title: p.title }))];
  const current = sections.findIndex((s) => s.id === section);
  const index = current < 0 ? 0 : current;
  const questionsById = new Map<string, Question>([
    ...content.profile.questions.map((q) => [`profile/${q.id}`, q] as const),
    ...content.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions.map((q) => [`answers/${q.id}`, q] as const))),
  ]);
  const missing = new Set(assessment.missing ?? []);
  const answerChanged = (part: Part, qid: string, v: AnswerValue | null) => {
    const path = `/${part}/${qid}`;
    // The submission's complaint about this field is answered by the change.
    if (serverIssues.has(path)) setServerIssues(new Map([...serverIssues].filter(([p]) => p !== path)));
    setStopped(undefined);
    saver.change(part, qid, v);
  };
  const errorOf = (part: Part, qid: string) => {
    const path = `/${part}/${qid}`;
    const known = saver.errors.get(path) ?? serverIssues.get(path);
    if (known) return known;
    const key = part === 'profile' ? `profile.${qid}` : qid;
    return showMissing && missing.has(key) && saver.value(part, qid) === undefined ? t('missingHere') : undefined;
  };
  const origins = new AnswerOrigins(saver);
  const confirm = (part: Part, ids: string[]) => {
    for (const qid of ids) saver.change(part, qid, saver.value(part, qid) ?? null);
  };
  const field = (part: Part, q: Question) => (
    <QuestionField key={q.id} question={q} idPrefix={part} value={saver.value(part, q.id)} error={errorOf(part, q.id)} readOnly={readOnly}
      origin={originNote(origins, part, q, readOnly, () => confirm(part, [q.id]))}
      onChange={(v) => answerChanged(part, q.id, v)} />
  );

  /** Saves what is pending, then asks before submitting (and says what is still unanswered). */
  const askSubmit = async () => {
    setSubmitting(true);
    try {
      await saver.flush();
    } finally {
      setSubmitting(false);
    }
    if (saver.state !== 'saved') {
      setStopped(t('submitAfterSave'));
      return;
    }
    setStopped(undefined);
    setShowMissing(true);
    setConfirming(true);
  };
  const submit = async (countInComparisons?: boolean) => {
    setConfirming(false);
    setSubmitting(true);
    try {
      await api<Assessment>('POST', `/assessments/${assessment.id}/submit`, { version: saver.assessment.version, ...(countInComparisons !== undefined && { countInComparisons }) });
      navigate(href.result(assessment.id));
    } catch (e) {
      setSubmitError(e as ApiError);
      // Next to its question, "an answer is expected" says enough; the server's text names the question id.
      const issues = (e as ApiError).issues ?? [];
      setServerIssues(new Map(issues.map((i) => [i.path, i.code === 'missing-answer' ? t('missingHere') : i.message])));
    } finally {
      setSubmitting(false);
    }
  };

  const progressOf = (pillar: string) => assessment.progress?.find((p) => p.pillar === pillar);
  const profileRequired = content.profile.questions.filter((q) => !q.optional);
  const profileAnswered = profileRequired.filter((q) => saver.value('profile', q.id) !== undefined).length;
  const sectionMeta = (sid: string) => {
    if (sid === 'profile') return { answered: profileAnswered, required: profileRequired.length, percent: Math.round((100 * profileAnswered) / Math.max(1, profileRequired.length)) };
    return progressOf(sid) ?? { answered: 0, required: 0, percent: 0 };
  };
  const pillar = content.pillars.find((p) => p.id === sections[index]!.id);
  const visible = (qid: string) => (assessment.visibility?.[qid] ?? 'asked') === 'asked';
  const asked = [
    ...content.profile.questions.map((question) => ({ part: 'profile' as const, question, section: 'profile', sectionTitle: t('sectionProfile') })),
    ...content.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions.filter((q) => visible(q.id)).map((question) => ({ part: 'answers' as const, question, section: p.id, sectionTitle: p.title })))),
  ];
  const unanswered = asked.filter((a) => saver.value(a.part, a.question.id) === undefined);
  const missingNow: Unanswered[] = unanswered.filter((a) => missing.has(a.part === 'profile' ? `profile.${a.question.id}` : a.question.id));
  const carried = asked.filter((a) => origins.isCarried(a.part, a.question.id));
  const link = href.fill(assessment.id, sections[index]!.id);
  const jumps: Jump[] = (pillar?.indicators ?? []).filter((i) => i.questions.some((q) => visible(q.id))).map((i) => {
    const required = i.questions.filter((q) => visible(q.id) && !q.optional);
    const answered = required.filter((q) => saver.value('answers', q.id) !== undefined).length;
    return { id: i.id, title: i.title, progress: `${answered} / ${required.length}`, complete: answered === required.length };
  });
  const carriedHere = carried.filter((a) => a.section === sections[index]!.id).map((a) => a.question.id);

  return (
    <Page title={`${t('fillTitle', { number: assessment.number })} — ${organisation.name}`}>
      {readOnly ? (
        <div class="alert" role="status">
          <p>{t('readOnlyAssessment')} <a href={href.result(assessment.id)}>{t('seeResult')}</a></p>
          {assessment.status === 'submitted' && organisation.access === 'edit'
            ? <ReopenAssessment assessment={assessment} onReopened={onReopened} onError={setReopenError} />
            : null}
        </div>
      ) : null}
      {reopenError ? <ErrorBox error={reopenError} /> : null}
      {!readOnly ? <CarriedSummary origins={origins} assessmentId={assessment.id} carried={carried.length} changes={asked.filter((a) => origins.isChanged(a.part, a.question.id))} /> : null}
      {saver.state === 'conflict' && saver.conflict && saver.conflict.status !== 'draft' ? (
        <div class="alert alert-warning" role="alert" tabIndex={-1} ref={conflictRef}>
          <h2>{t('submittedElsewhereTitle')}</h2>
          <p>{tn('submittedElsewhereText', saver.unsavedCount)}</p>
          <div class="button-row">
            <button type="button" onClick={() => saver.discardMine()}>{t('conflictDiscard')}</button>
          </div>
        </div>
      ) : saver.state === 'conflict' && saver.conflict ? (
        <div class="alert alert-warning" role="alert" tabIndex={-1} ref={conflictRef}>
          <h2>{t('conflictTitle')}</h2>
          <p>{t('conflictText')}</p>
          <h3>{t('conflictYours')}</h3>
          <ul>
            {(['profile', 'answers'] as const).flatMap((part) => Object.entries(saver.pending[part]).map(([qid, value]) => {
              const q = questionsById.get(`${part}/${qid}`);
              return (
                <li key={`${part}/${qid}`}>
                  <strong>{q?.label ?? qid}</strong>{colon()}{formatAnswer(q, value)}{' '}
                  <span class="muted">({t('conflictTheirs', { value: formatAnswer(q, saver.conflict![part][qid]) })})</span>
                </li>
              );
            }))}
          </ul>
          <div class="button-row">
            <button type="button" onClick={() => void saver.keepMine()}>{t('conflictKeepMine')}</button>
            <button type="button" class="button-secondary" onClick={() => saver.discardMine()}>{t('conflictDiscard')}</button>
          </div>
        </div>
      ) : null}
      {Object.keys(saver.removed).length > 0 ? (
        <p class="alert" role="status">
          {tn('answersRemoved', Object.keys(saver.removed).length, { questions: listed(Object.keys(saver.removed).map((qid) => quoted(questionsById.get(`answers/${qid}`)?.label ?? qid))) })}
        </p>
      ) : null}
      {stopped ? <p class="alert alert-error" role="alert">{stopped}</p> : null}
      <nav class="sections" aria-label={t('sectionsLabel')}>
        <ol>
          {sections.map((s, i) => {
            const meta = sectionMeta(s.id);
            return (
              <li key={s.id}>
                <a href={href.fill(assessment.id, s.id)} aria-current={i === index ? 'step' : undefined}>
                  <span class="section-title">{s.title}</span>
                  <span class="section-progress">
                    <progress max={100} value={meta.percent} aria-label={`${s.title}${colon()}${progressText(meta)}`} />
                    <span>{progressText(meta)}</span>
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
      </nav>
      <FillBar saver={saver} readOnly={readOnly} jumps={jumps} link={link} />
      <form class="questions" onSubmit={(e) => { e.preventDefault(); void askSubmit(); }} noValidate>
        {index === 0 ? (
          <section aria-labelledby="section-profile">
            <h2 id="section-profile" tabIndex={-1}>{content.profile.title}</h2>
            {content.profile.description ? <p>{content.profile.description}</p> : null}
            {content.profile.questions.map((q) => field('profile', q))}
          </section>
        ) : pillar ? (
          <section aria-labelledby={`section-${pillar.id}`}>
            <h2 id={`section-${pillar.id}`} tabIndex={-1}>{pillar.title}</h2>
            {pillar.description ? <p>{pillar.description}</p> : null}
            <IndicatorContents jumps={jumps} link={link} />
            {!readOnly && carriedHere.length > 0 ? (
              <p><button type="button" class="button-secondary" onClick={() => confirm('answers', carriedHere)}>{tn('confirmSection', carriedHere.length)}</button></p>
            ) : null}
            {pillar.indicators.map((indicator) => {
              const asked = indicator.questions.filter((q) => visible(q.id));
              if (asked.length === 0) return null;
              return (
                <section key={indicator.id} class="indicator" aria-labelledby={`indicator-${indicator.id}`}>
                  <h3 id={`indicator-${indicator.id}`} tabIndex={-1}>{indicator.title}</h3>
                  {indicator.description ? <p class="muted">{indicator.description}</p> : null}
                  {asked.map((q) => field('answers', q))}
                </section>
              );
            })}
          </section>
        ) : null}
        {submitError && submitError.issues.length > 0 && serverIssues.size > 0 ? (
          <div class="alert alert-error" role="alert">
            <p>{submitError.code === 'incomplete-assessment' ? tn('submitBlocked', serverIssues.size) : submitError.message}</p>
            <SectionsWithIssues content={content} issues={[...serverIssues.keys()]} assessmentId={assessment.id} />
          </div>
        ) : submitError && submitError.issues.length === 0 ? <ErrorBox error={submitError} /> : null}
        <div class="button-row">
          {index > 0 ? <a class="button button-secondary" href={href.fill(assessment.id, sections[index - 1]!.id)}>{t('previousSection')}</a> : null}
          {index < sections.length - 1 ? <a class="button button-secondary" href={href.fill(assessment.id, sections[index + 1]!.id)}>{t('nextSection')}</a> : null}
          {!readOnly ? <button type="submit" disabled={submitting}>{submitting ? t('submitting') : t('submitAssessment')}</button> : null}
        </div>
      </form>
      <SubmitDialog open={confirming} assessmentId={assessment.id} number={assessment.number} missing={missingNow}
        optionalLeft={unanswered.filter((a) => a.question.optional).length} unconfirmed={carried.length} source={assessment.source}
        askComparisons={organisation.comparisonsAskedAt === null && organisation.access === 'edit'}
        onSubmit={(consent) => void submit(consent)} onClose={() => setConfirming(false)} />
    </Page>
  );
}

/** Links to the sections holding the answers a submission is missing. */
function SectionsWithIssues({ content, issues, assessmentId }: { content: Questionnaires; issues: string[]; assessmentId: number }) {
  const pillarOf = new Map(content.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions.map((q) => [q.id, p] as const))));
  const counts = new Map<string, { title: string; count: number }>();
  for (const path of issues) {
    const [, part, qid] = path.split('/');
    const pillar = part === 'answers' && qid ? pillarOf.get(qid) : undefined;
    const key = pillar?.id ?? 'profile';
    const entry = counts.get(key) ?? { title: pillar?.title ?? t('sectionProfile'), count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return <ul>{[...counts].map(([sid, c]) => <li key={sid}><a href={href.fill(assessmentId, sid)}>{c.title}</a>{colon()}{c.count}</li>)}</ul>;
}

/** "12 / 27 réponses": the plural follows the number asked. */
const progressText = (meta: { answered: number; required: number }) => tn('progressOf', meta.required, { answered: formatNumber(meta.answered) });
