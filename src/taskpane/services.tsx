/**
 * What the pane needs from the world, injected so that Excel, the browser preview and the
 * tests can each supply their own: a WorkbookHost, the use-cases of src/app, and the clock.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { CheckOutcome, SummaryOutcome } from "../app/commands";
import type { IsoDate, SetTextWrite } from "../core";
import type { CellEdit, WorkbookHost } from "../host/WorkbookHost";

/** The use-cases the pane calls (src/app/commands.ts), by their own names. */
export interface PlanCommands {
  checkPlanCommand(
    host: WorkbookHost,
    opts: { today: IsoDate; replaceUserRules?: boolean },
  ): Promise<CheckOutcome>;
  summariseCommand(host: WorkbookHost, opts: { today: IsoDate }): Promise<SummaryOutcome>;
  applyTextChangesCommand(
    host: WorkbookHost,
    writes: SetTextWrite[],
  ): Promise<{ changed: number; restore: SetTextWrite[] }>;
  removeFormattingCommand(host: WorkbookHost): Promise<void>;
  recheckCommand(
    host: WorkbookHost,
    previous: CheckOutcome,
    edit: CellEdit,
    today: IsoDate,
  ): Promise<CheckOutcome>;
  refreshCommand(host: WorkbookHost, previous: CheckOutcome, today: IsoDate): Promise<CheckOutcome>;
}

export interface AppServices {
  host: WorkbookHost;
  commands: PlanCommands;
  today: () => IsoDate;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services)
    throw new Error("SDP Assistant: the pane was rendered without its services (ServicesProvider).");
  return services;
}
