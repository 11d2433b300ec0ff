import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A question put before something that cannot be undone lightly (submit, delete, reopen): the
 * browser's modal dialog, so the keyboard focus stays inside it, Escape closes it and the focus
 * goes back where it was.
 */
export function ConfirmDialog({ id, open, title, children, actions, onClose }: {
  id: string;
  open: boolean;
  title: string;
  children: ComponentChildren;
  /** The buttons; the one marked `data-autofocus` (else the first) gets the focus. */
  actions: ComponentChildren;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      (dialog.querySelector<HTMLElement>('.dialog-actions [data-autofocus]') ?? dialog.querySelector<HTMLElement>('.dialog-actions button, .dialog-actions a'))?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} id={id} class="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onClose}>
      {open ? (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          <div id={`${id}-body`}>{children}</div>
          <div class="button-row dialog-actions">{actions}</div>
        </>
      ) : null}
    </dialog>
  );
}
