import type { ItemStatus, PlanItem } from '../api-types.js';
import { t } from '../i18n.js';

export const ITEM_STATUSES = ['todo', 'in-progress', 'done', 'dropped'] as const;

/**
 * An item's progress in one click: four toggle buttons, the current one pressed. Progress never
 * touches the plan's approval, so this is the control to use once a plan is approved.
 */
export function ItemStatusControl({ item, onPick }: { item: PlanItem; onPick: (status: ItemStatus) => void }) {
  return (
    <div class="status-control" role="group" aria-label={t('itemProgress', { title: item.displayTitle })}>
      <span class="status-label" aria-hidden="true">{t('statusLabel')}</span>
      {ITEM_STATUSES.map((s) => (
        <button key={s} type="button" class={`status-option status-option-${s}`} aria-pressed={item.status === s} data-status={s}
          onClick={() => { if (item.status !== s) onPick(s); }}>
          {t(`itemStatus_${s}`)}
        </button>
      ))}
    </div>
  );
}
