-- The expert's decision travels with the comment that gave it, so the plan shows which comment
-- was the decision; a removed item is kept aside (removed_at) so that removing it can be undone.
ALTER TABLE plan_comments ADD COLUMN decision text CHECK (decision IS NULL OR decision IN ('approve', 'request-changes'));
ALTER TABLE plan_items ADD COLUMN removed_at text;

-- Reviews given before: their comment is the one written with the decision, same plan, time and text.
UPDATE plan_comments SET decision = (
  SELECT h.action FROM plan_history h
  WHERE h.plan_id = plan_comments.plan_id AND h.action IN ('approve', 'request-changes')
    AND h.at = plan_comments.created_at AND (h.detail::json ->> 'comment') = plan_comments.body
  ORDER BY h.id DESC LIMIT 1
) WHERE item_id IS NULL;
