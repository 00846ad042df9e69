/**
 * Renders pane views over fakes of the host and the use-cases, with real engine results
 * (the fixture workbook checked by checkPlan) inside the outcomes the fakes return.
 */
import "@testing-library/jest-dom";
import type { ReactNode } from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CheckOutcome, SummaryOutcome } from "../../src/app/commands";
import { DEFAULT_SETTINGS, checkPlan, type PlanResult, type SetTextWrite } from "../../src/core";
import type { CellEdit, WorkbookHost, WorkbookRead } from "../../src/host/WorkbookHost";
import { committeeReport } from "../../src/core/report";
import { resultPoint } from "../../src/core/reviews";
import { NoticeBars } from "../../src/taskpane/NoticeBars";
import { NoticesProvider } from "../../src/taskpane/notices";
import { ServicesProvider, type AppServices, type PlanCommands } from "../../src/taskpane/services";
import { PlanSessionProvider } from "../../src/taskpane/session";
import { fixtureData, fixtureGrid } from "../helpers/fixture-grid";

export const TODAY = fixtureData().asOf;

export function fixtureResult(): PlanResult {
  const data = fixtureData();
  return checkPlan(fixtureGrid(), { asOf: data.asOf, dueSoonDays: data.dueSoonDays });
}

export function workbookRead(over: Partial<WorkbookRead> = {}): WorkbookRead {
  return {
    grid: fixtureGrid(),
    settings: null,
    snapshot: null,
    protectedSheets: [],
    readOnly: false,
    existingRules: [],
    notes: [],
    ...over,
  };
}

export function checkOutcome(
  result: PlanResult = fixtureResult(),
  over: Partial<CheckOutcome> = {},
): CheckOutcome {
  return {
    read: workbookRead(),
    settings: DEFAULT_SETTINGS,
    settingsProblem: null,
    result,
    formatting: "applied",
    conflicts: [],
    message: null,
    ...over,
  };
}

export function summaryOutcome(over: Partial<SummaryOutcome> = {}): SummaryOutcome {
  const check = checkOutcome();
  return {
    ...check,
    movement: null,
    previousReview: null,
    previous: null,
    replaces: null,
    earlierReviews: [],
    trend: [resultPoint(check.result, check.result.asOf)],
    report: committeeReport({
      result: check.result,
      planName: "Service Development Plan 2022-23",
      movement: over.movement ?? null,
      previous: over.previous ?? null,
      replaces: over.replaces ?? null,
    }),
    sheet: {
      kind: "summary-sheet",
      sheet: "Progress Summary",
      rows: [],
      boldRows: [],
      headerRows: [],
      links: [],
      columnWidths: [],
      chart: null,
    },
    committeeText:
      "All but 3 actions are green or blue; 3 have moved from green to amber since the last review (4 July 2022).",
    ...over,
  };
}

export type FakeHost = {
  [K in keyof WorkbookHost]: jest.Mock<ReturnType<WorkbookHost[K]>, Parameters<WorkbookHost[K]>>;
};

export function fakeHost(): FakeHost & { edit(edit: CellEdit): void } {
  let handler: ((edit: CellEdit) => void) | null = null;
  return {
    read: jest.fn().mockResolvedValue(workbookRead()),
    readRows: jest.fn(),
    apply: jest.fn().mockResolvedValue({ changedCells: 0 }),
    removeAddedFormatting: jest.fn().mockResolvedValue(undefined),
    select: jest.fn().mockResolvedValue(undefined),
    saveSettings: jest.fn().mockResolvedValue(undefined),
    onEdited: jest.fn(async (h: (edit: CellEdit) => void) => {
      handler = h;
      return async () => {
        handler = null;
      };
    }),
    edit(edit: CellEdit) {
      if (!handler) throw new Error("The pane has not subscribed to edits.");
      handler(edit);
    },
  };
}

export type FakeCommands = { [K in keyof PlanCommands]: jest.Mock };

/** Inverse writes as the real use-case returns them: each cell back to its text before. */
export function inverse(writes: SetTextWrite[]): SetTextWrite[] {
  return writes.map((w) => ({ ...w, before: w.text, text: w.before, why: "Restore" }));
}

export function fakeCommands(outcome: CheckOutcome = checkOutcome()): FakeCommands {
  return {
    checkPlanCommand: jest.fn().mockResolvedValue(outcome),
    summariseCommand: jest.fn().mockResolvedValue(summaryOutcome()),
    applyTextChangesCommand: jest.fn(async (_host: WorkbookHost, writes: SetTextWrite[]) => ({
      changed: writes.length,
      restore: inverse(writes),
    })),
    removeFormattingCommand: jest.fn().mockResolvedValue(undefined),
    recheckCommand: jest.fn(async (_host: WorkbookHost, previous: CheckOutcome) => previous),
    refreshCommand: jest.fn(async (_host: WorkbookHost, previous: CheckOutcome) => previous),
  };
}

export function renderPane(
  ui: ReactNode,
  host: FakeHost = fakeHost(),
  commands: FakeCommands = fakeCommands(),
) {
  const services: AppServices = {
    host: host,
    commands: commands,
    today: () => TODAY,
  };
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <NoticesProvider>
          <PlanSessionProvider>
            <NoticeBars />
            {ui}
          </PlanSessionProvider>
        </NoticesProvider>
      </ServicesProvider>
    </FluentProvider>,
  );
  return { ...view, host, commands };
}
