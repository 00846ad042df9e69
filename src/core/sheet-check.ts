/** Checks one plan tab: its actions, findings, sections and summary. */
import { assignKeys, evaluateAction, type EvaluateContext } from "./evaluate";
import { compareFindings, findingsFor } from "./findings";
import type { Action, Finding, OverdueItem, PlanTable, SectionResult, SheetResult } from "./model";
import type { PlanSheet } from "./plan";
import { overdueItem, summarise } from "./summary";
import { lastIndexAtOrBefore } from "./sorted";

export function checkSheet(sheet: PlanSheet, ctx: EvaluateContext): SheetResult {
  const { cells, layout } = sheet;
  const actions: Action[] = [];
  for (const row of layout.actionRows) {
    const table = layout.tables[row.table];
    if (table) actions.push(evaluateAction(cells, row, table, ctx));
  }
  return finishSheet(layout.name, layout.tables, assignKeys(actions, true), ctx);
}

/** The findings of one action (sorted), given its table. */
export function actionFindings(
  action: Action,
  table: PlanTable | undefined,
  ctx: EvaluateContext,
): Finding[] {
  return findingsFor(action, {
    asOf: ctx.asOf,
    planYear: ctx.planYear,
    headers: table?.headers,
    legend: ctx.legend,
    caches: ctx.caches,
  }).sort(compareFindings);
}

/** Builds a tab's result from its actions (in row order, keys assigned). */
export function finishSheet(
  name: string,
  tables: PlanTable[],
  actions: Action[],
  ctx: EvaluateContext,
  findings?: Finding[],
): SheetResult {
  const all = findings ?? actions.flatMap((a) => actionFindings(a, tableOf(tables, a.row), ctx));
  // each overdue action's item is made once, for the tab's summary and its section's
  const items = new Map<Action, OverdueItem>();
  for (const a of actions) {
    const item = overdueItem(a, ctx.caches.sheetRefs);
    if (item) items.set(a, item);
  }
  return {
    name,
    tables,
    actions,
    findings: all,
    sections: sectionsOf(name, actions, all, items),
    summary: summarise(actions, all, name, items),
  };
}

/** The table a row belongs to (tables are in row order). */
export function tableOf(tables: PlanTable[], row: number): PlanTable | undefined {
  const found = tables[lastIndexAtOrBefore(tables, row, (t) => t.headerRow)];
  return found && row <= found.lastRow ? found : undefined;
}

/** Sections in the order they first hold an action; sections with no actions are not listed. */
function sectionsOf(
  sheet: string,
  actions: Action[],
  findings: Finding[],
  items: ReadonlyMap<Action, OverdueItem>,
): SectionResult[] {
  const groups = new Map<string | null, Action[]>();
  const sectionOfRow = new Map<number, string | null>();
  for (const a of actions) {
    const list = groups.get(a.section);
    if (list) list.push(a);
    else groups.set(a.section, [a]);
    sectionOfRow.set(a.row, a.section);
  }
  const findingsBySection = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const section = sectionOfRow.get(f.row) ?? null;
    const list = findingsBySection.get(section);
    if (list) list.push(f);
    else findingsBySection.set(section, [f]);
  }
  const named = [...groups.keys()].some((k) => k !== null);
  return [...groups.entries()].map(([name, list]) => {
    const own = findingsBySection.get(name) ?? [];
    const label = name ?? (named ? `${sheet} (before the first heading)` : sheet);
    return { name, summary: summarise(list, own, label, items) };
  });
}
