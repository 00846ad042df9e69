/**
 * The preview page: a bar (Open workbook…, Download workbook, what is open), the task pane —
 * the very same App the add-in shows in Excel, over the production services (OfficeWorkbookHost
 * -> Excel.run, which here is the in-memory Excel) — and the read-only grid view beside it.
 */
import { useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Button, Text } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { localToday } from "../taskpane/clock";
import { officeServices } from "../taskpane/office-services";
import { ServicesProvider } from "../taskpane/services";
import { GridView } from "./GridView";
import { openProblem, workbookFromXlsx } from "./load";
import type { PreviewStore } from "./store";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function dayText(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? ""} ${y}`;
}

export function openedText(name: string, asOf: string | null): string {
  const judged = asOf ? `Its stored settings judge the plan as of ${dayText(asOf)}.` : "It is judged as of today unless you choose a date in Settings.";
  return `Showing ${name}, opened in this browser only (nothing is uploaded). ${judged}`;
}

interface Message {
  kind: "info" | "error";
  text: string;
}

export function PreviewApp({ store, initialMessage }: { store: PreviewStore; initialMessage: string }) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const loaded = store.loaded;
  const [message, setMessage] = useState<Message>({ kind: "info", text: initialMessage });
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const generation = loaded?.generation ?? 0;
  // A fresh pane (and host) for each workbook, as when Excel opens another file.
  const services = useMemo(() => officeServices(() => localToday()), [generation]);

  const open = async (file: File) => {
    setBusy(true);
    try {
      const bytes = await readFile(file);
      const opened = await workbookFromXlsx(bytes);
      store.use(opened.workbook, file.name);
      setMessage({ kind: "info", text: openedText(file.name, opened.asOf) });
    } catch (error) {
      setMessage({ kind: "error", text: `Could not open “${file.name}”: ${openProblem(error)} The workbook shown has not changed.` });
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!loaded) return;
    setBusy(true);
    try {
      const [{ writeXlsx }, { toGrid }] = await Promise.all([
        import(/* webpackChunkName: "xlsx-write" */ "../xlsx/write-xlsx.js"),
        import("../memory-excel/grid.js"),
      ]);
      const bytes = await writeXlsx(toGrid(loaded.workbook));
      const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = loaded.name.toLowerCase().endsWith(".xlsx") ? loaded.name : `${loaded.name}.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({
        kind: "info",
        text: `Downloaded ${a.download}: the cells as the preview holds them, with the add-in's dropdowns, colours, summary tab and settings. What the preview does not read from a file (your own colour rules, fonts, column widths, formulas, charts) is not in it: keep your original.`,
      });
    } catch (error) {
      setMessage({ kind: "error", text: `The workbook was not downloaded: ${openProblem(error)}` });
    } finally {
      setBusy(false);
    }
  };

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
          <Button disabled={busy || !loaded} onClick={() => void download()}>
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
        <p className={message.kind === "error" ? "preview-message error" : "preview-message"} role={message.kind === "error" ? "alert" : "status"} data-testid="preview-message">
          {message.text}
        </p>
      </header>
      <div className="preview-layout">
        <div className="preview-pane">
          {loaded ? (
            <ServicesProvider key={generation} services={services}>
              <App />
            </ServicesProvider>
          ) : (
            <p>No workbook is open.</p>
          )}
        </div>
        <section className="preview-workbook" aria-label={loaded ? `Workbook ${loaded.name} (read-only view)` : "Workbook"}>
          {loaded && (
            <GridView
              workbook={loaded.workbook}
              version={version}
              onSelectSheet={(id) => {
                loaded.workbook.activeSheetId = id;
                store.changed();
              }}
            />
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
