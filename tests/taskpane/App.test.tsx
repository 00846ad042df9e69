/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { ServicesProvider } from "../../src/taskpane/services";
import { checkOutcome, fakeCommands, fakeHost, fixtureResult, TODAY } from "./pane-helpers";

// jest's CommonJS runtime has no import(): hand the lazily loaded views over directly.
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

jest.setTimeout(30000);

function renderApp(openedWith: Parameters<typeof App>[0]["openedWith"], commands = fakeCommands()) {
  const host = fakeHost();
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider
        services={{
          host: host,
          commands: commands,
          today: () => TODAY,
        }}
      >
        <App openedWith={openedWith} />
      </ServicesProvider>
    </FluentProvider>,
  );
  return { host, commands };
}

describe("App", () => {
  it("has the three views as tabs, Check first", async () => {
    renderApp(null);
    expect(screen.getByRole("heading", { level: 1, name: "SDP Assistant" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Check" })).toHaveAttribute("aria-selected", "true");
    fireEvent.click(screen.getByRole("tab", { name: "Summary" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Summarise progress" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    expect(
      await screen.findByRole("heading", { level: 2, name: "Settings for this workbook" }),
    ).toBeInTheDocument();
  });

  it("explains why a ribbon button opened the pane, and asks the check's question again", async () => {
    const outcome = checkOutcome(fixtureResult(), {
      formatting: "needs-confirmation",
      conflicts: [{ sheet: "Early Help", column: 7, userValidation: true, userConditionalFormats: 0 }],
    });
    const { commands } = renderApp("check-needs-confirmation", fakeCommands(outcome));
    await waitFor(() => expect(commands.checkPlanCommand).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Check plan needs your go-ahead")).toBeInTheDocument();
    expect(await screen.findByRole("dialog")).toHaveTextContent("Early Help, column G");
  });

  it("opens on the Summary view when Summarise progress failed", async () => {
    renderApp("summary-failed");
    expect(await screen.findByText("Summarise progress did not finish")).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Summary" })).toHaveAttribute("aria-selected", "true");
  });
});
