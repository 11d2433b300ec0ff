import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { t } from '../i18n.js';

/**
 * A page's frame: its heading takes the focus when the page opens, so keyboard and screen-reader
 * users land on the new content rather than on the link they followed.
 */
export function Page({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
    heading.current?.focus();
  }, [title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1} ref={heading}>{title}</h1>
        {actions ? <div class="page-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function Loading() {
  return <p class="loading" role="status">{t('loading')}</p>;
}

/** An API error with what to do about it, and a retry when the page can load again. */
export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div class="alert alert-error" role="alert">
      <p><strong>{t('errorTitle')}</strong> — {error.message}</p>
      {(error.issues ?? []).length > 0 ? <ul>{error.issues.map((i) => <li key={i.path + i.message}>{i.message}</li>)}</ul> : null}
      {retry ? <button type="button" class="button-secondary" onClick={retry}>{t('retry')}</button> : null}
    </div>
  );
}

/** A page that is loading, failed, or ready. */
export function Loadable<T>({ state, children }: { state: { data: T | undefined; error: ApiError | undefined; reload: () => void }; children: (data: T) => ComponentChildren }) {
  if (state.error) return state.error.status === 404 ? <p class="alert" role="alert">{t('notFoundText')}</p> : <ErrorBox error={state.error} retry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}
