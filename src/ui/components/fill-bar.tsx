import { useRef } from 'preact/hooks';
import type { Autosaver } from '../autosave.js';
import { t } from '../i18n.js';

export interface Jump {
  id: string;
  title: string;
  /** "3 / 4": answered of the required questions asked. */
  progress: string;
  complete: boolean;
}

/** Scrolls to an indicator of the section and puts the focus on its heading. */
export function jumpTo(indicator: string): void {
  const heading = document.getElementById(`indicator-${indicator}`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** The indicators of a pillar as an in-page table of contents, each with its progress. */
export function IndicatorContents({ jumps, link }: { jumps: Jump[]; link: string }) {
  return (
    <nav class="toc" aria-label={t('tocLabel')}>
      <ol>
        {jumps.map((j) => (
          <li key={j.id}>
            <a href={link} onClick={(e) => { e.preventDefault(); jumpTo(j.id); }}>{j.title}</a>{' '}
            <span class={j.complete ? 'toc-progress toc-complete' : 'toc-progress'}>{j.progress}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * What stays in view while a long section is filled in: the save state (announced politely) and
 * a menu to jump to any indicator of the section. One slim line, so it hides little on a phone.
 */
export function FillBar({ saver, readOnly, jumps, link }: { saver: Autosaver; readOnly: boolean; jumps: Jump[]; link: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  if (readOnly && jumps.length === 0) return null;
  return (
    <div class="fill-bar">
      {readOnly ? <span /> : <SaveStatus saver={saver} />}
      {jumps.length > 0 ? (
        <details class="jump-menu" ref={menu}>
          <summary>{t('jumpToIndicator')}</summary>
          <ul>
            {jumps.map((j) => (
              <li key={j.id}>
                <a href={link} onClick={(e) => { e.preventDefault(); menu.current?.removeAttribute('open'); jumpTo(j.id); }}>{j.title}</a>{' '}
                <span class="toc-progress">{j.progress}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function SaveStatus({ saver }: { saver: Autosaver }) {
  const text = saver.state === 'saved' ? t('saved')
    : saver.state === 'saving' ? t('saving')
    : saver.state === 'pending' ? t('unsaved')
    : saver.state === 'conflict' ? t('conflictTitle')
    : saver.state === 'invalid' ? t('savedExceptFlagged')
    : saver.state === 'retrying' ? t('retrying')
    : t('saveFailed', { message: saver.lastError?.message ?? '' });
  return <p class={`save-status save-${saver.state}`} role="status" aria-live="polite" data-save-state={saver.state}>{text}</p>;
}
