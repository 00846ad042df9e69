/** @jest-environment jsdom */
import { formatDay } from "../../src/core/day-text";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { SummaryView } from "../../src/taskpane/SummaryView";
import { fakeCommands, fakeHost, renderPane, summaryOutcome, TODAY } from "./pane-helpers";

jest.mock("../../src/taskpane/summaryLazy", () => ({
  SummaryCharts: jest.requireActual<typeof import("../../src/taskpane/SummaryCharts")>(
    "../../src/taskpane/SummaryCharts",
  ).SummaryCharts,
}));

jest.setTimeout(30000);

async function summarised(outcome = summaryOutcome()) {
  const commands = fakeCommands();
  commands.summariseCommand.mockResolvedValue(outcome);
  renderPane(<SummaryView />, fakeHost(), commands);
  fireEvent.click(screen.getByRole("button", { name: "Summarise progress" }));
  await screen.findByTestId("committee-text");
  return { commands, outcome };
}

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("the blob could not be read"));
    reader.readAsText(blob);
  });
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
    expect(screen.getByTestId("committee-text")).toHaveTextContent(outcome.report.paragraph);
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
    expect(screen.getAllByText(/This is the first review recorded in this workbook/).length).toBeGreaterThan(
      0,
    );
  });

  it("copies the committee text to the clipboard and says so", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    const { outcome } = await summarised();
    fireEvent.click(screen.getByRole("button", { name: "Copy committee text" }));
    expect(await screen.findByText("Copied to the clipboard.")).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(outcome.report.paragraph);
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
    expect(copied).toBe(outcome.report.paragraph);
    expect(document.querySelector("textarea")).toBeNull();
  });

  it("shows a MessageBar when nothing could be copied", async () => {
    Object.defineProperty(document, "execCommand", { value: () => false, configurable: true });
    await summarised();
    fireEvent.click(screen.getByRole("button", { name: "Copy committee text" }));
    expect(await screen.findByText("The text was not copied")).toBeInTheDocument();
    expect(screen.queryByText("Copied to the clipboard.")).toBeNull();
  });

  it("Copy for report puts HTML tables and plain text on the clipboard in one ClipboardItem", async () => {
    const items: Record<string, Blob>[] = [];
    class FakeClipboardItem {
      constructor(readonly data: Record<string, Blob>) {
        items.push(data);
      }
    }
    Object.defineProperty(window, "ClipboardItem", { value: FakeClipboardItem, configurable: true });
    const write = jest.fn().mockResolvedValue(undefined);
    setClipboard({ write, writeText: jest.fn() });
    const { outcome } = await summarised();
    fireEvent.click(screen.getByRole("button", { name: "Copy for report" }));
    expect(await screen.findByText(/Copied the paragraph and tables/)).toBeInTheDocument();
    expect(write).toHaveBeenCalledTimes(1);
    expect(Object.keys(items[0]).sort()).toEqual(["text/html", "text/plain"]);
    const html = await blobText(items[0]["text/html"]);
    const text = await blobText(items[0]["text/plain"]);
    expect(html).toContain("<table");
    expect(html).toContain("Needs attention");
    expect(text).toContain(outcome.report.paragraph);
    expect(text).toContain("Whole plan\t");
    Object.defineProperty(window, "ClipboardItem", { value: undefined, configurable: true });
  });

  it("shows the pictures with their figures in words and tables", async () => {
    const { outcome } = await summarised();
    expect(screen.getByRole("heading", { name: "Ratings by tab" })).toBeInTheDocument();
    expect(screen.getByText("Blue 7, Green 9, Amber 6, Red 4, Not rated 12")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Overdue by owner" })).toBeInTheDocument();
    const owners = new Set(outcome.result.summary.overdue.map((o) => o.owner.trim() || "(no owner)"));
    expect(screen.getAllByText(/^\d+ overdue$/).length).toBe(Math.min(8, owners.size));
    expect(screen.getByRole("heading", { name: "Trend across reviews" })).toBeInTheDocument();
    expect(screen.getByText("Ratings by tab as a table")).toBeInTheDocument();
    expect(screen.getAllByRole("table").length).toBe(2);
  });

  it("offers the plan's review date, and compares with the review the manager chooses", async () => {
    const base = summaryOutcome();
    const outcome = summaryOutcome({
      result: { ...base.result, reviewDate: "2022-07-31" },
      earlierReviews: [
        { asOf: "2022-07-01", takenOn: "2022-07-01" },
        { asOf: "2022-06-01", takenOn: "2022-06-01" },
      ],
      previous: { asOf: "2022-07-01", takenOn: "2022-07-01" },
    });
    const { commands } = await summarised(outcome);
    expect(screen.getByText(/Summarise as at the review date, 31 July 2022\?/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Summarise as at 31 July 2022" }));
    await waitFor(() =>
      expect(commands.summariseCommand).toHaveBeenLastCalledWith(expect.anything(), {
        today: TODAY,
        asOf: "2022-07-31",
      }),
    );
    const select = await screen.findByLabelText("Compare with the review as at");
    fireEvent.change(select, { target: { value: "2022-06-01" } });
    await waitFor(() =>
      expect(commands.summariseCommand).toHaveBeenLastCalledWith(expect.anything(), {
        // compared at the as-of date of the summary shown (the fake command returns the same outcome)
        today: TODAY,
        asOf: outcome.result.asOf,
        compareWith: "2022-06-01",
      }),
    );
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
