/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { planApplySuggestions } from "../../src/core";
import { CheckView } from "../../src/taskpane/CheckView";

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

// Fluent's focus management and jsdom's role queries are slow over a 38-action plan.
jest.setTimeout(30000);

async function checked(outcome = checkOutcome()) {
  const host = fakeHost();
  const commands = fakeCommands(outcome);
  renderPane(<CheckView />, host, commands);
  fireEvent.click(screen.getByRole("button", { name: "Check plan" }));
  await screen.findByRole("heading", { name: "Findings" });
  return { host, commands, result: outcome.result };
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

    const statusList = screen.getByLabelText("Whole plan: counts by status");
    expect(countOf(statusList, "Overdue")).toBe(String(result.summary.status.overdue));
    expect(countOf(statusList, "Actions")).toBe(String(result.summary.actions));
    const ratingList = screen.getByLabelText("Whole plan: counts by rating");
    expect(countOf(ratingList, "Green")).toBe(String(result.summary.rag.green));
    expect(countOf(ratingList, "Not rated")).toBe(String(result.summary.rag.none));

    const first = result.sheets[0].findings[0];
    expect(screen.getAllByText(first.message, { exact: false }).length).toBeGreaterThan(0);
    expect(screen.getByTestId("announcer")).toHaveTextContent(
      `${result.summary.status.overdue} overdue, ${result.summary.findings.error} errors`,
    );
  });

  it("selects a finding's cell when it is activated, through a real button (keyboard operable)", async () => {
    const { host, result } = await checked();
    const finding = result.sheets.flatMap((s) => s.findings).find((f) => f.rule === "missing-owner")!;
    const link = screen.getByRole("button", { name: `Go to ${finding.cell}: ${finding.message}` });
    expect(link.tagName).toBe("BUTTON");
    fireEvent.click(link);
    expect(host.select).toHaveBeenCalledWith(finding.cell);
  });

  it("shows a MessageBar when the cell cannot be selected", async () => {
    const { host, result } = await checked();
    host.select.mockRejectedValueOnce(new Error("That tab is very hidden."));
    const finding = result.sheets[0].findings[0];
    fireEvent.click(screen.getAllByRole("button", { name: `Go to ${finding.cell}: ${finding.message}` })[0]);
    expect(await screen.findByText("That tab is very hidden.")).toBeInTheDocument();
  });

  it("filters findings by severity and by tab", async () => {
    const { result } = await checked();
    const all = result.sheets.flatMap((s) => s.findings);
    const errors = all.filter((f) => f.severity === "error");
    const findings = screen.getByRole("heading", { name: "Findings" }).closest("section")!;
    fireEvent.change(within(findings).getByLabelText("Show"), { target: { value: "error" } });
    const shown = within(findings).getAllByRole("button", { name: /^Go to / });
    expect(shown).toHaveLength(errors.length);
    expect(within(findings).getByText(`${errors.length} findings shown.`)).toBeInTheDocument();
    const warning = all.find((f) => f.severity === "warning")!;
    expect(
      within(findings).queryByRole("button", { name: `Go to ${warning.cell}: ${warning.message}` }),
    ).toBeNull();

    fireEvent.change(within(findings).getByLabelText("Show"), { target: { value: "all" } });
    const tab = result.sheets[1];
    fireEvent.change(within(findings).getByLabelText("Tab"), { target: { value: tab.name } });
    expect(within(findings).getAllByRole("button", { name: /^Go to / })).toHaveLength(tab.findings.length);
    expect(within(findings).getByRole("heading", { name: tab.name })).toBeInTheDocument();
  });

  it("groups overdue and due-soon actions by owner (who owes what)", async () => {
    const { result } = await checked();
    const section = screen.getByRole("heading", { name: "Overdue and due soon" }).closest("section")!;
    expect(
      within(section).getByRole("heading", { name: `Overdue (${result.summary.status.overdue})` }),
    ).toBeInTheDocument();
    fireEvent.click(within(section).getByRole("switch", { name: "Group by owner" }));
    const groups = ownerGroups(dueActions(result));
    expect(groups.length).toBeGreaterThan(1);
    for (const [owner, list] of groups) {
      const heading = within(section).getByRole("heading", {
        name: `${owner}: ${list.length} ${list.length === 1 ? "action" : "actions"}`,
      });
      expect(heading).toBeInTheDocument();
    }
    expect(within(section).queryByRole("heading", { name: /^Overdue \(/ })).toBeNull();
  });

  it("asks before applying all suggestions, states how many cells change, and only then applies them; Restore undoes", async () => {
    const { commands, result } = await checked();
    const writes = planApplySuggestions(result, "all");
    expect(writes.length).toBeGreaterThan(1);
    fireEvent.click(screen.getByRole("button", { name: "Apply all suggestions" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent(`This will change ${writes.length} rating cells`);
    expect(commands.applyTextChangesCommand).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
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
      }),
    );
    await waitFor(() => expect(commands.applyTextChangesCommand).toHaveBeenCalledTimes(1));
    expect(commands.applyTextChangesCommand).toHaveBeenCalledWith(expect.anything(), writes);
    expect(
      await screen.findByText(
        `Suggested ratings applied: ${writes.length} cells changed. Use Restore to put them back.`,
      ),
    ).toBeInTheDocument();
    expect(commands.recheckCommand).toHaveBeenCalled();

    fireEvent.click(await screen.findByRole("button", { name: "Restore" }));
    await waitFor(() => expect(commands.applyTextChangesCommand).toHaveBeenCalledTimes(2));
    expect(commands.applyTextChangesCommand).toHaveBeenLastCalledWith(expect.anything(), inverse(writes));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Restore" })).toBeNull());
  });

  it("applies one suggestion for one action", async () => {
    const { commands, result } = await checked();
    const action = result.sheets
      .flatMap((s) => s.actions)
      .find((a) => a.suggestedRag !== null && a.suggestedRag !== a.rag)!;
    fireEvent.click(
      screen.getByRole("button", { name: `Apply the suggested rating to ${action.sheet} row ${action.row}` }),
    );
    await waitFor(() => expect(commands.applyTextChangesCommand).toHaveBeenCalledTimes(1));
    expect(commands.applyTextChangesCommand).toHaveBeenCalledWith(
      expect.anything(),
      planApplySuggestions(result, [{ sheet: action.sheet, row: action.row }]),
    );
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
    fireEvent.click(await screen.findByRole("button", { name: "Remove formatting added by SDP Assistant" }));
    await waitFor(() => expect(commands.removeFormattingCommand).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Formatting removed")).toBeInTheDocument();
  });

  it("shows every error in a MessageBar", async () => {
    const host = fakeHost();
    const commands = fakeCommands();
    commands.checkPlanCommand.mockRejectedValueOnce(
      new Error("The workbook is being edited by someone else."),
    );
    renderPane(<CheckView />, host, commands);
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
    renderPane(<CheckView />, fakeHost(), commands);
    await act(async () => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(commands.refreshCommand).not.toHaveBeenCalled();
  });
});
