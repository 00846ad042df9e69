/** @jest-environment jsdom */
/** The Check view over the real use-cases (src/app/commands) and engine, on the fixture workbook. */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import * as commands from "../../src/app/commands";
import { CheckPlanButton } from "../../src/taskpane/App";
import { CheckView } from "../../src/taskpane/CheckView";
import type { FakeCommands } from "./pane-helpers";
import { fakeHost, fixtureResult, renderPane } from "./pane-helpers";

jest.mock("../../src/taskpane/lazyViews", () => ({
  CheckResults: jest.requireActual<typeof import("../../src/taskpane/CheckResults")>(
    "../../src/taskpane/CheckResults",
  ).CheckResults,
}));
jest.setTimeout(30000);

it("checks the fixture plan end to end and applies its formatting through the host", async () => {
  const host = fakeHost();
  renderPane(
    <>
      <CheckPlanButton />
      <CheckView />
    </>,
    host,
    commands as unknown as FakeCommands,
  );
  fireEvent.click(screen.getByRole("button", { name: "Check plan" }));
  fireEvent.click(await screen.findByRole("button", { name: /^Counts:/ }));
  const expected = fixtureResult();
  const statusList = screen.getByLabelText("Whole plan: counts by status");
  const overdue = [...statusList.querySelectorAll("dt")].find((dt) => dt.textContent === "Overdue")!;
  expect(overdue.nextElementSibling).toHaveTextContent(String(expected.summary.status.overdue));
  await waitFor(() => expect(host.apply).toHaveBeenCalled());
  expect(screen.getByTestId("announcer")).toHaveTextContent(`${expected.summary.status.overdue} overdue`);
});
