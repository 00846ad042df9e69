/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { planApplySuggestions } from "../../src/core";
import { isOffered, planOfferedSuggestions } from "../../src/app/suggestions";
import { CheckPlanButton } from "../../src/taskpane/App";
import { CheckView } from "../../src/taskpane/CheckView";
import { placeName } from "../../src/taskpane/wording";

// jest's CommonJS runtime has no import(): hand the lazily loaded results over directly.
jest.mock("../../src/taskpane/lazyViews", () => ({
  CheckResults: jest.requireActual<typeof import("../../src/taskpane/CheckResults")>(
    "../../src/taskpane/CheckResults",
  ).CheckResults,
}));
import { ownerGroups, dueActions } from "../../src/taskpane/DueList";
import {
  checkOutcome,
  fakeCommands,
  fakeHost,
  fixtureResult,
  inverse,
  renderPane,
  TODAY,
} from "./pane-helpers";

const PANE = (
  <>
    <CheckPlanButton />
    <CheckView />
  </>
);

async function checked(outcome = checkOutcome()) {
  const host = fakeHost();
  const commands = fakeCommands(outcome);
  renderPane(PANE, host, commands);
  fireEvent.click(screen.getByRole("button", { name: "Check plan" }));
  await screen.findByRole("heading", { name: "Check results" });
  return { host, commands, result: outcome.result };
}

/** Opens a collapsed section by its header button ("Findings: 3 errors, …"). */
async function openSection(name: string): Promise<HTMLElement> {
  const button = await screen.findByRole("button", { name: new RegExp(`^${name}:`) });
  if (button.getAttribute("aria-expanded") !== "true") fireEvent.click(button);
  return button.closest(".fui-AccordionItem") as HTMLElement;
}

function findingLabel(
  result: ReturnType<typeof fixtureResult>,
  f: { sheet: string; row: number; col: number },
) {
  return `Go to ${placeName(result, f.sheet, f.row, f.col)}`;
}

function countOf(list: HTMLElement, term: string): string {
  const dt = within(list).getAllByText(term)[0].closest("dt")!;
  return dt.nextElementSibling!.textContent ?? "";
}

describe("CheckView", () => {
  it("runs Check plan for today and shows the counts, findings and the announcement", async () => {
    const { commands, result } = await checked();
    expect(commands.checkPlanCommand).toHaveBeenCalledWith(expect.anything(), {
      today: TODAY,
      replaceUserRules: undefined,
    });

    expect(document.activeElement).toHaveTextContent("Check results");
    await openSection("Counts");
    const statusList = screen.getByLabelText("Whole plan: counts by status");
    expect(countOf(statusList, "Overdue")).toBe(String(result.summary.status.overdue));
    expect(countOf(statusList, "Actions")).toBe(String(result.summary.actions));
    const ratingList = screen.getByLabelText("Whole plan: counts by rating");
    expect(countOf(ratingList, "Green")).toBe(String(result.summary.rag.green));
    expect(countOf(ratingList, "Not rated")).toBe(String(result.summary.rag.none));

    await openSection("Findings");
    const first = result.sheets.flatMap((x) => x.findings).find((f) => f.severity === "error")!;
    expect(screen.getAllByText(first.message, { exact: false }).length).toBeGreaterThan(0);
    expect(screen.getByTestId("announcer")).toHaveTextContent(
      `${result.summary.status.overdue} overdue, ${result.summary.findings.error} errors`,
    );
  });

  it("selects a finding's cell when it is activated, through a real button (keyboard operable)", async () => {
    const { host, result } = await checked();
    await openSection("Findings");
    const finding = result.sheets.flatMap((s) => s.findings).find((f) => f.severity === "error")!;
    const link = screen.getAllByRole("button", { name: findingLabel(result, finding) })[0];
    expect(link.tagName).toBe("BUTTON");
    expect(link.textContent).not.toContain("!");
    fireEvent.click(link);
    expect(host.select).toHaveBeenCalledWith(finding.cell);
  });

  it("shows a MessageBar beside the findings when the cell cannot be selected", async () => {
    const { host, result } = await checked();
    host.select.mockRejectedValueOnce(new Error("That tab is very hidden."));
    const section = await openSection("Findings");
    const finding = result.sheets.flatMap((s) => s.findings).find((f) => f.severity === "error")!;
    fireEvent.click(screen.getAllByRole("button", { name: findingLabel(result, finding) })[0]);
    expect(await within(section).findByText("That tab is very hidden.")).toBeInTheDocument();
  });

  it("filters findings by severity and by tab, ten at a time with Show more", async () => {
    const { result } = await checked();
    const all = result.sheets.flatMap((s) => s.findings);
    const warnings = all.filter((f) => f.severity === "warning");
    const section = await openSection("Findings");
    fireEvent.change(within(section).getByLabelText("Show"), { target: { value: "severity:warning" } });
    const page = within(section).getAllByRole("button", { name: /^Go to / });
    expect(page).toHaveLength(Math.min(10, warnings.length));
    while (within(section).queryByRole("button", { name: /^Show \d+ more/ }))
      fireEvent.click(within(section).getByRole("button", { name: /^Show \d+ more/ }));
    expect(within(section).getAllByRole("button", { name: /^Go to / })).toHaveLength(warnings.length);
    expect(within(section).queryByText(/^Error$/)).toBeNull();

    const tab = result.sheets.find((t) => t.findings.length > 0 && t.findings.length <= 10)!;
    fireEvent.change(within(section).getByLabelText("Show"), { target: { value: `tab:${tab.name}` } });
    expect(within(section).getAllByRole("button", { name: /^Go to / })).toHaveLength(tab.findings.length);
  });

  it("groups overdue and due-soon actions by owner (who owes what)", async () => {
    const { result } = await checked();
    const section = await openSection("Due and overdue");
    expect(screen.getByRole("button", { name: /^Due and overdue:/ })).toHaveTextContent(
      `${result.summary.status.overdue} overdue`,
    );
    fireEvent.click(within(section).getByRole("switch", { name: "Group by owner" }));
    const groups = ownerGroups(dueActions(result));
    expect(groups.length).toBeGreaterThan(1);
    for (const [owner, list] of groups) {
      const heading = within(section).getByRole("heading", {
        name: `${owner} (${list.length} ${list.length === 1 ? "action" : "actions"})`,
      });
      expect(heading).toBeInTheDocument();
    }
  });

  it("asks before applying all suggestions, states how many cells change, and only then applies them; Restore undoes", async () => {
    const { commands, result } = await checked();
    const writes = planOfferedSuggestions(result, "all");
    expect(writes.length).toBeGreaterThan(1);
    // Never a softer rating: fewer writes than actions whose dates suggest another rating.
    const differing = result.sheets
      .flatMap((s) => s.actions)
      .filter((a) => a.suggestedRag !== null && a.suggestedRag !== a.rag);
    expect(writes.length).toBeLessThan(differing.length);
    await openSection("Suggestions");
    fireEvent.click(screen.getByRole("button", { name: "Apply all suggestions" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent(`This will change ${writes.length} rating cells`);
    expect(commands.applyTextChangesCommand).not.toHaveBeenCalled();

    // jsdom: Fluent's focus trap (tabster) marks the surface aria-hidden while it moves focus, which a real
    // browser settles at once; the browser tests (pane-fit, a11y) check this dialog with axe.
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(commands.applyTextChangesCommand).not.toHaveBeenCalled();

    // Escape is a way out too.
    fireEvent.click(await screen.findByRole("button", { name: "Apply all suggestions" }));
    fireEvent.keyDown(await screen.findByRole("dialog"), { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(commands.applyTextChangesCommand).not.toHaveBeenCalled();

    fireEvent.click(await screen.findByRole("button", { name: "Apply all suggestions" }));
    fireEvent.click(
      within(await screen.findByRole("dialog")).getByRole("button", {
        name: `Change ${writes.length} cells`,
        hidden: true, // see Cancel above
      }),
    );
    await waitFor(() => expect(commands.applyTextChangesCommand).toHaveBeenCalledTimes(1));
    expect(commands.applyTextChangesCommand).toHaveBeenCalledWith(expect.anything(), writes);
    expect(
      await screen.findByText(
        `Suggested ratings applied: ${writes.length} cells changed. To undo, press “Restore the last change” under Formatting.`,
      ),
    ).toBeInTheDocument();
    expect(commands.recheckCommand).toHaveBeenCalled();

    await openSection("Formatting");
    fireEvent.click(await screen.findByRole("button", { name: "Restore the last change" }));
    await waitFor(() => expect(commands.applyTextChangesCommand).toHaveBeenCalledTimes(2));
    expect(commands.applyTextChangesCommand).toHaveBeenLastCalledWith(expect.anything(), inverse(writes));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Restore the last change" })).toBeNull());
  });

  it("applies one suggestion for one action, reports beside it and selects the changed cell", async () => {
    const { commands, host, result } = await checked();
    const action = result.sheets.flatMap((s) => s.actions).find(isOffered)!;
    const section = await openSection("Suggestions");
    fireEvent.click(
      screen.getByRole("button", {
        name: `Apply the suggested rating to ${action.sheet}, row ${action.row}`,
      }),
    );
    await waitFor(() => expect(commands.applyTextChangesCommand).toHaveBeenCalledTimes(1));
    const writes = planApplySuggestions(result, [{ sheet: action.sheet, row: action.row }]);
    expect(commands.applyTextChangesCommand).toHaveBeenCalledWith(expect.anything(), writes);
    expect(await within(section).findByText("Cells changed")).toBeInTheDocument();
    await waitFor(() => expect(host.select).toHaveBeenCalledWith(`'${action.sheet}'!${writes[0].cell}`));
  });

  it("offers no Apply for a suggestion that would soften the owner's rating", async () => {
    const { result } = await checked();
    const softer = result.sheets
      .flatMap((s) => s.actions)
      .find((a) => a.suggestedRag !== null && a.suggestedRag !== a.rag && !isOffered(a))!;
    expect(softer).toBeDefined();
    await openSection("Suggestions");
    expect(
      screen.queryByRole("button", {
        name: `Apply the suggested rating to ${softer.sheet}, row ${softer.row}`,
      }),
    ).toBeNull();
  });

  it("asks before replacing the user's own rules, honest about Ctrl+Z, and re-runs with replaceUserRules", async () => {
    const outcome = checkOutcome(fixtureResult(), {
      formatting: "needs-confirmation",
      conflicts: [{ sheet: "Early Help", column: 7, userValidation: true, userConditionalFormats: 2 }],
    });
    const { commands } = await checked(outcome);
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent(
      "Early Help, column G: a dropdown or input rule (data validation) and 2 colour rules",
    );
    expect(dialog).toHaveTextContent("may not be undoable with Ctrl+Z");
    fireEvent.click(within(dialog).getByRole("button", { name: "Replace them" }));
    await waitFor(() => expect(commands.checkPlanCommand).toHaveBeenCalledTimes(2));
    expect(commands.checkPlanCommand).toHaveBeenLastCalledWith(expect.anything(), {
      today: TODAY,
      replaceUserRules: true,
    });
  });

  it("keeps the user's rules when they say so, and offers to remove the add-in's formatting", async () => {
    const outcome = checkOutcome(fixtureResult(), {
      formatting: "needs-confirmation",
      conflicts: [{ sheet: "Early Help", column: 7, userValidation: false, userConditionalFormats: 1 }],
    });
    const { commands } = await checked(outcome);
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Keep mine" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(commands.checkPlanCommand).toHaveBeenCalledTimes(1);
    await openSection("Formatting");
    fireEvent.click(await screen.findByRole("button", { name: "Remove formatting added by SDP Assistant" }));
    await waitFor(() => expect(commands.removeFormattingCommand).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Formatting removed")).toBeInTheDocument();
  });

  it("an empty workbook shows “No plan table found” and the way to name columns, never a clean bill", async () => {
    const result = fixtureResult();
    const empty = {
      ...result,
      sheets: [],
      skippedSheets: ["Sheet1"],
      summary: { ...result.summary, actions: 0, findings: { error: 0, warning: 0, info: 0 } },
    };
    await checked(checkOutcome(empty));
    expect(screen.getByRole("heading", { name: "No plan table found" })).toBeInTheDocument();
    expect(screen.getByText(/under Column headers, say which header is which column/)).toBeInTheDocument();
    expect(screen.queryByText(/No findings|Every rating agrees/)).toBeNull();
  });

  it("shows every error in a MessageBar", async () => {
    const host = fakeHost();
    const commands = fakeCommands();
    commands.checkPlanCommand.mockRejectedValueOnce(
      new Error("The workbook is being edited by someone else."),
    );
    renderPane(PANE, host, commands);
    fireEvent.click(screen.getByRole("button", { name: "Check plan" }));
    expect(await screen.findByText("Check plan did not finish")).toBeInTheDocument();
    expect(screen.getByText("The workbook is being edited by someone else.")).toBeInTheDocument();
  });

  it("re-checks the edited rows once after a burst of edits", async () => {
    jest.useFakeTimers();
    try {
      const { host, commands } = await checked();
      await waitFor(() => expect(host.onEdited).toHaveBeenCalledTimes(1));
      await act(async () => {
        await Promise.resolve();
      });
      act(() => {
        host.edit({ sheet: "Early Help", rows: [9] });
        host.edit({ sheet: "Early Help", rows: [11, 9] });
      });
      expect(commands.recheckCommand).not.toHaveBeenCalled();
      await act(async () => {
        jest.advanceTimersByTime(300);
      });
      expect(commands.recheckCommand).toHaveBeenCalledTimes(1);
      expect(commands.recheckCommand).toHaveBeenCalledWith(
        expect.anything(),
        expect.anything(),
        { sheet: "Early Help", rows: [9, 11] },
        TODAY,
      );
    } finally {
      jest.useRealTimers();
    }
  });
  it("reads the plan again when the pane regains focus (a dropdown pick may fire no event)", async () => {
    const { commands } = await checked();
    expect(commands.refreshCommand).not.toHaveBeenCalled();
    await act(async () => {
      window.dispatchEvent(new Event("focus"));
    });
    await waitFor(() => expect(commands.refreshCommand).toHaveBeenCalledTimes(1));
    expect(commands.refreshCommand).toHaveBeenCalledWith(expect.anything(), expect.anything(), TODAY);
  });

  it("does not read the plan on focus before the first check", async () => {
    const commands = fakeCommands();
    renderPane(PANE, fakeHost(), commands);
    await act(async () => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(commands.refreshCommand).not.toHaveBeenCalled();
  });
});
