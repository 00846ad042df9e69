/**
 * Which suggested ratings the add-in offers to apply (src/core/SEMANTICS.md, "Suggestions respect
 * the owner"): only a suggestion more severe than the owner's rating, or one where the owner gave
 * none; complete -> Blue is always offered. A suggestion never softens a rating (Red -> Amber,
 * Amber -> Green): the owner may know what the dates don't show. The pane lists and the writes
 * (planApplySuggestions) both go through the engine's mayOfferSuggestion, so what is shown is what is written.
 */
import {
  DEFAULT_LEGEND,
  mayOfferSuggestion,
  planApplySuggestions,
  type Action,
  type Legend,
  type PlanResult,
  type SetTextWrite,
} from "../core";

/** True when the add-in may offer to write this action's suggested rating over the owner's (the engine's rule). */
export function isOffered(action: Pick<Action, "rag" | "suggestedRag">): boolean {
  return mayOfferSuggestion(action.rag, action.suggestedRag);
}

/** The actions whose suggestion is offered, on one tab or on all (null). */
export function offeredSuggestions(result: PlanResult, tab: string | null = null): Action[] {
  return result.sheets
    .filter((s) => tab === null || s.name === tab)
    .flatMap((s) => s.actions)
    .filter(isOffered);
}

/** Offered suggestions counted per tab, in the plan's tab order (tabs with none left out). */
export function offeredByTab(result: PlanResult): { sheet: string; count: number }[] {
  return result.sheets
    .map((s) => ({ sheet: s.name, count: s.actions.filter(isOffered).length }))
    .filter((t) => t.count > 0);
}

/** The writes for the offered suggestions: all, one tab's, or chosen rows. */
export function planOfferedSuggestions(
  result: PlanResult,
  scope: "all" | { tab: string } | { sheet: string; row: number }[],
  legend: Legend = DEFAULT_LEGEND,
): SetTextWrite[] {
  if (scope === "all" || Array.isArray(scope)) return planApplySuggestions(result, scope, legend);
  const targets = offeredSuggestions(result, scope.tab).map((a) => ({ sheet: a.sheet, row: a.row }));
  return targets.length === 0 ? [] : planApplySuggestions(result, targets, legend);
}
