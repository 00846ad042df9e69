/**
 * The ribbon's commands on their own, for a runtime where no pane session can take them (the pane
 * could not start there): each runs its use-case on a fresh Office.js host and says what the user
 * must see. Loaded on first use only (ribbon.ts), so the pane's first chunk stays small.
 */
import { checkPlanCommand, summariseCommand } from "../app/commands";
import { todayIso } from "../core/dates";
import type { IsoDate } from "../core/model";
import { OfficeWorkbookHost } from "../excel/OfficeWorkbookHost";
import { ribbonMessage, type RibbonRunner } from "./ribbon";

export function standaloneRunner(today: () => IsoDate = () => todayIso()): RibbonRunner {
  return async (command) => {
    const host = new OfficeWorkbookHost();
    const outcome =
      command === "checkPlan"
        ? await checkPlanCommand(host, { today: today() })
        : await summariseCommand(host, { today: today() });
    return ribbonMessage(command, outcome);
  };
}
