/**
 * SQL for what a finance award (alias `a`, a `finance_awards` row) is called on finance's lists, payment purposes and
 * spreadsheets: the decision's snapshot (`decision_items.policy_label`, `standard_no`, `achievement_label`, fixed when
 * the program office decided), read the way the workflow's `publishedItemLabel` reads it: the policy label with the
 * standard number (主导制定国家标准（GB/T 40001-2023）), else the applicant's reference as it read at the decision
 * (standard number, title or name). Never the achievement's internal id: an item with no reference at all is called
 * 标准化成果. (Finance reads the tables itself: it may not depend on the workflow module, which depends on it.)
 */
export const AWARD_ITEM_LABEL_SQL = `(
  select case
           when di.policy_label is not null
             then di.policy_label || coalesce('（' || coalesce(di.standard_no, nullif(btrim(aa.payload->>'standardNo'), '')) || '）', '')
           else coalesce(nullif(di.achievement_label, di.achievement_id), nullif(btrim(aa.payload->>'standardNo'), ''), nullif(btrim(aa.payload->>'title'), ''),
                         nullif(btrim(aa.payload->>'name'), ''), '标准化成果')
         end
    from decision_items di
    join application_achievements aa on aa.application_id = di.application_id and aa.achievement_id = di.achievement_id
   where di.application_id = a.application_id and di.achievement_id = a.achievement_id)`;
