/**
 * The preview page: a bar (Open workbook…, Download workbook, what is open), the task pane —
 * the very same App the add-in shows in Excel, over the production services (OfficeWorkbookHost
 * -> Excel.run, which here is the in-memory Excel) — and the read-only grid view beside it.
 *
 * The bar and the pane draw at once; the grid view and the workbook code (memory-excel, the
 * sample's loader) are the lazy "preview-workbook" chunk (lazy-workbook.ts), and exceljs loads
 * only for Open workbook… and Download workbook.
 */
import { useRef, useState, useSyncExternalStore } from "react";
import { Button, Text } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { localToday } from "../taskpane/clock";
import { officeServices } from "../taskpane/office-services";
import { ServicesProvider } from "../taskpane/services";
import { loadWorkbookCode, workbookCode } from "./lazy-workbook";
import { openProblem, openedText } from "./messages";
import type { PreviewStore } from "./store";

export function PreviewApp({ store }: { store: PreviewStore }) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const shown = store.shown;
  const workbook = shown?.workbook ?? null;
  const message = store.message;
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const generation = shown?.generation ?? 0;

  const open = async (file: File) => {
    setBusy(true);
    try {
      const bytes = await readFile(file);
      const { workbookFromXlsx } = await loadWorkbookCode();
      const opened = await workbookFromXlsx(bytes);
      store.use(opened, file.name, { kind: "info", text: openedText(file.name, opened.asOf) });
    } catch (error) {
      store.say({
        kind: "error",
        text: `Could not open “${file.name}”: ${openProblem(error)} The workbook shown has not changed.`,
      });
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!shown || !workbook) return;
    setBusy(true);
    try {
      const [{ writeXlsx }, { toGrid }] = await Promise.all([
        import(/* webpackChunkName: "xlsx-write" */ "../xlsx/write-xlsx.js"),
        loadWorkbookCode(),
      ]);
      const bytes = await writeXlsx(toGrid(workbook));
      const blob = new Blob([bytes as BlobPart], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = shown.name.toLowerCase().endsWith(".xlsx") ? shown.name : `${shown.name}.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      store.say({
        kind: "info",
        text: `Downloaded ${a.download}: the cells as the preview holds them, with the add-in's dropdowns, colours, summary tab and settings. What the preview does not read from a file (your own colour rules, fonts, column widths, formulas, charts) is not in it: keep your original.`,
      });
    } catch (error) {
      store.say({ kind: "error", text: `The workbook was not downloaded: ${openProblem(error)}` });
    } finally {
      setBusy(false);
    }
  };

  // Loaded before any workbook can be shown: every workbook is built by the same chunk.
  const GridView = workbookCode()?.GridView;
  // Not a live region: the bar's message already says what is opening.
  const opening = shown && <p className="grid-opening">Opening {shown.name}…</p>;

  return (
    <div className="preview">
      <header className="preview-bar">
        <Text weight="semibold" className="brand">
          SDP Assistant · browser preview
        </Text>
        <div className="preview-actions">
          <Button disabled={busy} onClick={() => fileInput.current?.click()}>
            Open workbook…
          </Button>
          <Button disabled={busy || !workbook} onClick={() => void download()}>
            Download workbook
          </Button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void open(file);
            }}
          />
        </div>
        <p
          className={message.kind === "error" ? "preview-message error" : "preview-message"}
          role={message.kind === "error" ? "alert" : "status"}
          data-testid="preview-message"
        >
          {message.text}
        </p>
      </header>
      <div className="preview-layout">
        <div className="preview-pane">
          {shown ? <PaneForWorkbook key={generation} /> : <p>No workbook is open.</p>}
        </div>
        <section
          className="preview-workbook"
          aria-label={shown ? `Workbook ${shown.name} (read-only view)` : "Workbook"}
        >
          {workbook && GridView ? (
            <GridView workbook={workbook} version={version} onSelectSheet={(id) => store.selectSheet(id)} />
          ) : (
            opening
          )}
        </section>
      </div>
    </div>
  );
}

function readFile(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("The browser could not read the file."));
    reader.readAsArrayBuffer(file);
  });
}

/** A fresh pane (and host) for each workbook, as when Excel opens another file: keyed by generation. */
function PaneForWorkbook() {
  const [services] = useState(() => officeServices(() => localToday()));
  return (
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  );
}
