/** @jest-environment jsdom */
/**
 * Pane and ribbon share one state in the shared runtime: a ribbon button runs through the pane's
 * own session (src/taskpane/ribbon-runner.ts), so what the pane shows is that run, on the same
 * workbook, with the same use-cases (src/app/commands.ts over the Office.js adapter on the
 * in-memory Excel). The Office stubs behave as Learn documents (see ribbon-commands.test.ts).
 */
import "../helpers/jsdom-text-encoder";
import "@testing-library/jest-dom";
import { act, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as useCases from "../../src/app/commands";
import { takePaneMessage } from "../../src/commands/pane-message";
import { createRibbonBridge, registerRibbonCommands, type RibbonOffice } from "../../src/commands/ribbon";
import { a1 } from "../../src/core/address";
import { formatDay } from "../../src/core/day-text";
import { MemoryRequestContext } from "../../src/memory-excel";
import { App } from "../../src/taskpane/App";
import { findingsLine } from "../../src/taskpane/FindingsList";
import { ServicesProvider } from "../../src/taskpane/services";
import { fixtureGrid } from "../helpers/fixture-grid";
import { memoryHost } from "../excel/memory-host";

jest.mock("../../src/taskpane/lazyViews", () => ({
  CheckResults: jest.requireActual<typeof import("../../src/taskpane/CheckResults")>(
    "../../src/taskpane/CheckResults",
  ).CheckResults,
  SummaryView: jest.requireActual<typeof import("../../src/taskpane/SummaryView")>(
    "../../src/taskpane/SummaryView",
  ).SummaryView,
  SettingsView: jest.requireActual<typeof import("../../src/taskpane/SettingsView")>(
    "../../src/taskpane/SettingsView",
  ).SettingsView,
}));

jest.mock("../../src/taskpane/summaryLazy", () => ({
  SummaryCharts: jest.requireActual<typeof import("../../src/taskpane/SummaryCharts")>(
    "../../src/taskpane/SummaryCharts",
  ).SummaryCharts,
}));

jest.setTimeout(60_000);

const TODAY = "2022-07-15";

function setUp() {
  const { workbook, host } = memoryHost(fixtureGrid());
  const associated = new Map<string, (event: Office.AddinCommands.Event) => void>();
  let shown = 0;
  const office: RibbonOffice = {
    associate: (name, handler) => void associated.set(name, handler),
    showAsTaskpane: () => {
      shown += 1;
      return Promise.resolve();
    },
    sharedRuntime: () => true,
  };
  const standalone = jest.fn();
  const bridge = createRibbonBridge(standalone);
  registerRibbonCommands(office, bridge);
  const spies = {
    check: jest.spyOn(useCases, "checkPlanCommand"),
    summarise: jest.spyOn(useCases, "summariseCommand"),
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={{ host, commands: useCases, today: () => TODAY }}>
        <App ribbon={bridge} />
      </ServicesProvider>
    </FluentProvider>,
  );
  /** Presses a ribbon button as Office does; resolves once the button is released (event.completed()). */
  async function press(name: "checkPlan" | "summariseProgress") {
    const completed = jest.fn();
    await act(async () => {
      associated.get(name)!({ completed } as unknown as Office.AddinCommands.Event);
      await waitFor(() => expect(completed).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    });
  }
  return { workbook, press, shown: () => shown, standalone, spies };
}

afterEach(() => {
  jest.restoreAllMocks();
  window.localStorage.clear();
});

describe("ribbon buttons in the pane's shared runtime", () => {
  it("Check plan from the ribbon shows its findings in the pane, without opening it when nothing needs the user", async () => {
    const { press, shown, standalone, spies, workbook } = setUp();
    expect(screen.getByTestId("as-of")).toHaveTextContent("Not checked yet");
    await press("checkPlan");
    expect(spies.check).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("as-of")).toHaveTextContent(`Judged on ${formatDay(TODAY)}`);
    // The pane shows the ribbon's run: the rating dropdown it added is on the workbook, and the
    // pane's findings are the ones that run found.
    const outcome: useCases.CheckOutcome = await spies.check.mock.results[0].value;
    expect(outcome.formatting).toBe("applied");
    expect(workbook.sheet("Early Help").validations.length).toBeGreaterThan(0);
    expect(
      screen.getAllByText(new RegExp(`${outcome.result.summary.actions} actions`)).length,
    ).toBeGreaterThan(0);
    expect(shown()).toBe(0);
    expect(standalone).not.toHaveBeenCalled();
    expect(takePaneMessage()).toBeNull();
  });

  it("Summarise progress from the ribbon switches the pane to its summary", async () => {
    const { press, spies, workbook } = setUp();
    await press("summariseProgress");
    expect(spies.summarise).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("tab", { name: "Summary" })).toHaveAttribute("aria-selected", "true");
    const summary: useCases.SummaryOutcome = await spies.summarise.mock.results[0].value;
    expect(workbook.findSheet("Progress Summary")).not.toBeNull();
    expect((await screen.findAllByText(summary.committeeText, { exact: false })).length).toBeGreaterThan(0);
  });

  it("a check that needs the user's go-ahead opens the pane on its question, nothing left in storage", async () => {
    const { press, shown, workbook } = setUp();
    const context = new MemoryRequestContext(workbook);
    context.workbook.worksheets.getItem("Early Help").getRange("G8:G17").dataValidation.rule = {
      list: { inCellDropDown: true, source: "Yes,No" },
    };
    await context.sync();
    await press("checkPlan");
    expect(shown()).toBe(1);
    expect(await screen.findByRole("dialog")).toHaveTextContent("Early Help, column G");
    expect(takePaneMessage()).toBeNull();
  });

  it("the pane's view after a ribbon run is not an older cached read: a second run reads the workbook again", async () => {
    const { press, spies, workbook } = setUp();
    await press("checkPlan");
    const first: useCases.CheckOutcome = await spies.check.mock.results[0].value;
    // The user clears an action's owner in the grid; the next ribbon run is what the pane shows.
    const action = first.result.sheets
      .flatMap((s) => s.actions)
      .find((a) => a.sheet === "Early Help" && a.owner !== "" && a.columns.owner !== undefined)!;
    const col = action.columns.owner!;
    const ownerFinding = (o: useCases.CheckOutcome) =>
      o.result.sheets
        .flatMap((s) => s.findings)
        .find((f) => f.sheet === action.sheet && f.row === action.row && f.col === col);
    expect(ownerFinding(first)).toBeUndefined();
    const context = new MemoryRequestContext(workbook);
    context.workbook.worksheets.getItem(action.sheet).getRange(a1(action.row, col)).values = [[""]];
    await context.sync();
    await press("checkPlan");
    const second: useCases.CheckOutcome = await spies.check.mock.results[1].value;
    const finding = ownerFinding(second);
    expect(finding).toBeDefined();
    // The pane's findings heading counts the second run's findings, not the first run's read.
    expect(findingsLine(second.result)).not.toBe(findingsLine(first.result));
    expect(await screen.findByText(findingsLine(second.result))).toBeInTheDocument();
    expect(screen.queryByText(findingsLine(first.result))).toBeNull();
  });

  it("a button pressed while the pane is busy says so in the pane and opens it", async () => {
    const { press, shown } = setUp();
    await act(async () => {
      const first = press("checkPlan");
      const second = press("summariseProgress");
      await Promise.all([first, second]);
    });
    expect(shown()).toBe(1);
    expect(await screen.findByText("SDP Assistant was still busy")).toBeInTheDocument();
  });
});
