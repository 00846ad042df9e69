/**
 * A read-only view of the in-memory workbook, drawn as Excel would show it: sheet tabs (hidden
 * and very hidden tabs are not shown), cell text by number format, fills, bold, merges, links,
 * the add-in's conditional formats evaluated for each cell (cf-eval), a ▾ on cells with a
 * dropdown, the selected cell, and the summary tab's chart as a caption. Redrawn after every sync.
 */
import { useEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";
import type { CellBox, CellValue } from "../core/grid";
import { boxAddress, colLetters } from "../excel/a1";
import type { MemoryWorkbook, MemSheet } from "../memory-excel/state";
import { displayText } from "../memory-excel/text-format";
import { conditionalStyle, todaySerial } from "./cf-eval";

const MAX_ROWS_SHOWN = 400;
const MAX_COLS_SHOWN = 40;
/** Excel's default column width (8.43 characters = 64 px). */
const DEFAULT_COL_PX = 64;

interface Props {
  workbook: MemoryWorkbook;
  /** Bumped after every sync: the view redraws. */
  version: number;
  onSelectSheet: (sheetId: string) => void;
}

export function GridView({ workbook, version, onSelectSheet }: Props) {
  const visible = workbook.sheets.filter((s) => s.visibility === "visible");
  const active = visible.find((s) => s.id === workbook.activeSheetId) ?? visible[0] ?? null;
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  const selection =
    workbook.selection && active && workbook.selection.sheetId === active.id ? workbook.selection.box : null;

  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [version, selection?.top, selection?.left]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const move = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: visible.length - 1 - index }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = visible[(index + move + visible.length) % visible.length];
    if (!next) return;
    onSelectSheet(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  return (
    <div className="grid-view">
      <div role="tablist" aria-label="Workbook tabs" className="sheet-tabs">
        {visible.map((sheet, i) => (
          <button
            key={sheet.id}
            ref={(el) => {
              if (el) tabRefs.current.set(sheet.id, el);
              else tabRefs.current.delete(sheet.id);
            }}
            role="tab"
            id={`sheet-tab-${i}`}
            aria-selected={sheet === active}
            aria-controls="sheet-panel"
            tabIndex={sheet === active ? 0 : -1}
            className="sheet-tab"
            onClick={() => onSelectSheet(sheet.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {sheet.name}
          </button>
        ))}
      </div>
      {active ? (
        <div
          role="tabpanel"
          id="sheet-panel"
          aria-labelledby={`sheet-tab-${visible.indexOf(active)}`}
          className="sheet-panel"
        >
          <p className="selected-note" aria-live="polite" data-testid="selected-cell">
            {selection
              ? `Selected cell: ${boxAddress(selection)} on ${active.name}`
              : `No cell selected on ${active.name}`}
          </p>
          <SheetTable workbook={workbook} sheet={active} selection={selection} selectedRef={selectedRef} />
          {active.charts.map((chart) => (
            <p key={chart.id} className="chart-note">
              Chart “{chart.title || chart.name}” (clustered bar, data {chart.source.replace(/^.*!/, "")}
              {chart.position ? `, at ${chart.position.replace(/^.*!/, "")}` : ""}): Excel draws it here.
            </p>
          ))}
        </div>
      ) : (
        <p>This workbook has no visible tab.</p>
      )}
    </div>
  );
}

function extent(
  workbook: MemoryWorkbook,
  sheet: MemSheet,
  selection: CellBox | null,
): { rows: number; cols: number } {
  const used = workbook.usedBox(sheet, false);
  let rows = used?.bottom ?? 1;
  let cols = used?.right ?? 1;
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
  }
  if (selection) {
    rows = Math.max(rows, selection.bottom);
    cols = Math.max(cols, selection.right);
  }
  return { rows: Math.min(rows, MAX_ROWS_SHOWN), cols: Math.min(cols, MAX_COLS_SHOWN) };
}

function SheetTable({
  workbook,
  sheet,
  selection,
  selectedRef,
}: {
  workbook: MemoryWorkbook;
  sheet: MemSheet;
  selection: CellBox | null;
  selectedRef: React.MutableRefObject<HTMLTableCellElement | null>;
}) {
  const { rows, cols } = extent(workbook, sheet, selection);
  const lookup = (row: number, col: number): CellValue => workbook.cell(sheet, row, col)?.value ?? null;
  // Excel works TODAY() out from the clock; the in-memory Excel may be told another day (MemoryWorkbook.today).
  const today = todaySerial(workbook.today);
  const covered = new Set<string>();
  const mergeAt = new Map<string, CellBox>();
  for (const m of sheet.merges) {
    mergeAt.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const dropdownOf = (row: number, col: number) =>
    sheet.validations.find(
      (v) => row >= v.box.top && row <= v.box.bottom && col >= v.box.left && col <= v.box.right,
    ) ?? null;
  const colWidths = Array.from({ length: cols }, (_, i) => {
    const points = sheet.columnWidths.get(i + 1);
    return points === undefined ? null : Math.round((points * 96) / 72);
  });

  const body: ReactNode[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells: ReactNode[] = [];
    for (let c = 1; c <= cols; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const merge = mergeAt.get(`${r}:${c}`);
      const cell = workbook.cell(sheet, r, c);
      const address = `${colLetters(c)}${r}`;
      const cf = conditionalStyle(sheet.conditionalFormats, r, c, lookup, today);
      const fill = cf.fill ?? cell?.fill ?? null;
      const font = cf.font ?? cell?.fontColor ?? (cell?.hyperlink ? "#0563C1" : null);
      const text = cell && cell.value !== null ? displayText(cell.value, cell.numberFormat) : "";
      const dropdown = dropdownOf(r, c);
      const selected =
        selection !== null &&
        r >= selection.top &&
        r <= selection.bottom &&
        c >= selection.left &&
        c <= selection.right;
      const style: CSSProperties = {};
      if (fill) style.backgroundColor = fill;
      if (font) style.color = font;
      if (cell?.bold) style.fontWeight = 700;
      if (cell?.hyperlink) style.textDecoration = "underline";
      if (typeof cell?.value === "number") style.textAlign = "right";
      cells.push(
        <td
          key={c}
          ref={
            selected && r === selection?.top && c === selection?.left
              ? (el) => void (selectedRef.current = el)
              : undefined
          }
          rowSpan={merge ? Math.min(merge.bottom, rows) - merge.top + 1 : undefined}
          colSpan={merge ? Math.min(merge.right, cols) - merge.left + 1 : undefined}
          style={style}
          className={selected ? "cell selected" : "cell"}
          data-address={address}
          data-selected={selected ? "true" : undefined}
          data-fill={fill ?? undefined}
          data-font={font ?? undefined}
          data-cf={cf.rules > 0 ? "true" : undefined}
          data-dropdown={dropdown ? dropdown.rule.list.source : undefined}
          data-link={
            cell?.hyperlink ? (cell.hyperlink.documentReference ?? cell.hyperlink.address ?? "") : undefined
          }
          title={
            dropdown ? `${address}: dropdown (${dropdown.rule.list.source.split(",").join(", ")})` : undefined
          }
        >
          {text}
          {dropdown && (
            <span className="dropdown-mark" aria-hidden="true">
              ▾
            </span>
          )}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row" className="row-head">
          {r}
        </th>
        {cells}
      </tr>,
    );
  }

  return (
    // Focusable so that keyboard users can scroll a wide or long tab (WCAG 2.1.1).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${sheet.name}: cells`}>
      <table className="sheet-table" data-sheet={sheet.name}>
        <caption className="visually-hidden">
          {sheet.name}: cells A1 to {colLetters(cols)}
          {rows} (read-only)
        </caption>
        <colgroup>
          <col className="row-head-col" />
          {colWidths.map((px, i) => (
            <col
              key={i}
              style={px ? { width: `${px}px`, minWidth: `${px}px` } : { minWidth: `${DEFAULT_COL_PX}px` }}
            />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className="corner" aria-hidden="true" />
            {Array.from({ length: cols }, (_, i) => (
              <th key={i} scope="col" className="col-head">
                {colLetters(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
