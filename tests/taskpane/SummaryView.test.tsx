/** @jest-environment jsdom */
import { formatDay } from "../../src/core/dates";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { SummaryView } from "../../src/taskpane/SummaryView";
import { fakeCommands, fakeHost, renderPane, summaryOutcome, TODAY } from "./pane-helpers";

jest.setTimeout(30000);

async function summarised(outcome = summaryOutcome()) {
  const commands = fakeCommands();
  commands.summariseCommand.mockResolvedValue(outcome);
  renderPane(<SummaryView />, fakeHost(), commands);
  fireEvent.click(screen.getByRole("button", { name: "Summarise progress" }));
  await screen.findByTestId("committee-text");
  return { commands, outcome };
}

function setClipboard(value: unknown) {
  Object.defineProperty(window.navigator, "clipboard", { value, configurable: true });
}

describe("SummaryView", () => {
  afterEach(() => setClipboard(undefined));

  it("shows the committee sentence, each tab's sentence and the movement since the last review", async () => {
    const movement = {
      since: "2022-07-04",
      ratingChanges: [
        {
          key: "k1",
          sheet: "Early Help",
          row: 9,
          action: "Runs Strengthening Families",
          from: "green" as const,
          to: "amber" as const,
        },
      ],
      newlyOverdue: [
        { key: "k2", sheet: "Early Help", row: 16, action: "Recruits and inducts new Early Help Lead" },
      ],
      completed: [],
      added: [],
      removed: [],
    };
    const { commands, outcome } = await summarised(
      summaryOutcome({ movement, previousReview: "2022-07-04" }),
    );
    expect(commands.summariseCommand).toHaveBeenCalledWith(expect.anything(), { today: TODAY });
    expect(screen.getByTestId("committee-text")).toHaveTextContent(outcome.committeeText);
    expect(screen.getByTestId("summary-as-of")).toHaveTextContent(
      `Position as of ${formatDay(outcome.result.asOf)}.`,
    );
    for (const sheet of outcome.result.sheets)
      expect(screen.getByText(sheet.summary.sentence)).toBeInTheDocument();
    expect(
      screen.getByRole("heading", { name: "Movement since the last review (4 July 2022)" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Early Help row 9: Runs Strengthening Families", { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Newly overdue (1 action)" })).toBeInTheDocument();
  });

  it("says when there is no earlier review to compare with", async () => {
    await summarised();
    expect(screen.getByText(/This is the first summary of this workbook/)).toBeInTheDocument();
  });

  it("copies the committee text to the clipboard and says so", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    const { outcome } = await summarised();
    fireEvent.click(screen.getByRole("button", { name: "Copy committee text" }));
    expect(await screen.findByText("Copied to the clipboard.")).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(outcome.committeeText);
  });

  it("falls back to a hidden text area when the Clipboard API is refused", async () => {
    setClipboard({ writeText: jest.fn().mockRejectedValue(new Error("denied")) });
    let copied = "";
    const execCommand = jest.fn(() => {
      copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? "";
      return true;
    });
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    const { outcome } = await summarised();
    fireEvent.click(screen.getByRole("button", { name: "Copy committee text" }));
    expect(await screen.findByText("Copied to the clipboard.")).toBeInTheDocument();
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(copied).toBe(outcome.committeeText);
    expect(document.querySelector("textarea")).toBeNull();
  });

  it("shows a MessageBar when nothing could be copied", async () => {
    Object.defineProperty(document, "execCommand", { value: () => false, configurable: true });
    await summarised();
    fireEvent.click(screen.getByRole("button", { name: "Copy committee text" }));
    expect(await screen.findByText("The text was not copied")).toBeInTheDocument();
    expect(screen.queryByText("Copied to the clipboard.")).toBeNull();
  });

  it("shows the error in a MessageBar when the summary fails", async () => {
    const commands = fakeCommands();
    commands.summariseCommand.mockRejectedValue(new Error("The Progress Summary tab is protected."));
    renderPane(<SummaryView />, fakeHost(), commands);
    fireEvent.click(screen.getByRole("button", { name: "Summarise progress" }));
    await waitFor(() =>
      expect(screen.getByText("The Progress Summary tab is protected.")).toBeInTheDocument(),
    );
    expect(screen.getByText("Summarise progress did not finish")).toBeInTheDocument();
  });
});
