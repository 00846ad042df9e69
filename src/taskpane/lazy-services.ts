/**
 * Services whose code is downloaded on first use: the use-cases (with the whole engine) and
 * the Office.js host are not needed to draw the pane, only to check or summarise, so they
 * stay out of the first chunk the pane loads.
 */
import type { WorkbookHost } from "../host/WorkbookHost";
import type { PlanCommands } from "./services";

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null; // let the next click try again (e.g. after a dropped connection)
      throw error;
    });
    return loading;
  };
}

export function lazyCommands(load: () => Promise<PlanCommands>): PlanCommands {
  const get = once(load);
  return {
    checkPlanCommand: async (...args) => (await get()).checkPlanCommand(...args),
    summariseCommand: async (...args) => (await get()).summariseCommand(...args),
    applyTextChangesCommand: async (...args) => (await get()).applyTextChangesCommand(...args),
    removeFormattingCommand: async (...args) => (await get()).removeFormattingCommand(...args),
    recheckCommand: async (...args) => (await get()).recheckCommand(...args),
    refreshCommand: async (...args) => (await get()).refreshCommand(...args),
  };
}

export function lazyHost(load: () => Promise<WorkbookHost>): WorkbookHost {
  const get = once(load);
  return {
    read: async (...args) => (await get()).read(...args),
    readRows: async (...args) => (await get()).readRows(...args),
    apply: async (...args) => (await get()).apply(...args),
    removeAddedFormatting: async () => (await get()).removeAddedFormatting(),
    select: async (...args) => (await get()).select(...args),
    saveSettings: async (...args) => (await get()).saveSettings(...args),
    onEdited: async (...args) => (await get()).onEdited(...args),
  };
}
