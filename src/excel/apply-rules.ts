/**
 * Rating dropdown, rating colours and status highlights on one tab. Never read-modify-write:
 * clear every range the add-in owns for that kind (its previous ranges from the ownership
 * record AND the new ones), then add the rules again in a fixed order. So applying the same
 * writes twice leaves exactly what applying them once leaves.
 */
import type { RatingColoursWrite, RatingDropdownWrite, StatusHighlightWrite } from "../core/writes";
import { area, compressCells, parseBox, splitAreas } from "./a1";
import { emptyOwnedSheet, type OwnedSheet } from "./ownership";

/** Warning, not Stop: a colleague can still type e.g. "Amber - see note"; the live re-check flags it (rag-invalid). */
const ALERT_STYLE = "Warning" as const;

export interface SheetFormatting {
  dropdowns: RatingDropdownWrite[];
  colours: RatingColoursWrite[];
  highlights: StatusHighlightWrite[];
}

function unique(ranges: string[]): string[] {
  return [...new Set(ranges)];
}

function listSource(write: RatingDropdownWrite): string {
  if (write.values.some((v) => v.includes(",")))
    throw new Error(
      `A rating name cannot contain a comma ("${write.values.join('", "')}"). Change it in Settings.`,
    );
  const source = write.values.join(",");
  if (source.length > 255)
    throw new Error(
      "The rating names are too long for an Excel dropdown (255 characters in all). Shorten them in Settings.",
    );
  return source;
}

/**
 * Worksheet.getRanges refuses an address longer than about 8,192 characters (OfficeDev/office-js#5198),
 * so a multi-area address is never built longer than this: longer lists are cut into several.
 */
const MAX_RANGES_ADDRESS = 8_000;

/** Areas joined with commas into addresses of at most `limit` characters each. */
function addressPieces(areas: readonly string[], limit: number = MAX_RANGES_ADDRESS): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const area of areas) {
    if (current && current.length + 1 + area.length > limit) {
      pieces.push(current);
      current = "";
    }
    current = current ? `${current},${area}` : area;
  }
  if (current) pieces.push(current);
  return pieces;
}

function highlightAddresses(write: StatusHighlightWrite): string[] {
  return addressPieces(compressCells(write.cells));
}

/** A stored range, as addresses getRanges accepts (a record written before the cap may hold a longer one). */
function rangesOf(range: string): string[] {
  return range.length <= MAX_RANGES_ADDRESS ? [range] : addressPieces(splitAreas(range));
}

/**
 * Whether these writes replace the tab's highlights. planFormatting writes a tab's formatting whole,
 * and a tab whose last open dated action was completed brings no highlight at all: its old ones must
 * still go, so any formatting of the tab replaces them.
 */
function replacesHighlights(writes: SheetFormatting): boolean {
  return writes.highlights.length > 0 || writes.colours.length > 0 || writes.dropdowns.length > 0;
}

/** Areas larger than this are cleared as written, never expanded cell by cell (a hostile record could name a whole column). */
const EXPAND_LIMIT = 100_000;

/**
 * The addresses that clear every highlight rule the add-in had (prior record) or will have (next) on a
 * tab: the union of their cells joined into runs, so a tab with a rule per due date needs a few
 * clearAll calls, not one per date. clearAll removes every rule that intersects the range (Learn:
 * Excel.ConditionalFormatCollection.clearAll), so the union removes exactly what clearing each
 * recorded range would.
 */
function highlightClears(prior: OwnedSheet, next: OwnedSheet): string[] {
  const cells: string[] = [];
  const asWritten: string[] = [];
  for (const r of [...prior.highlights, ...next.highlights])
    for (const part of splitAreas(r.range)) {
      const box = parseBox(part.trim());
      if (box && area(box) <= EXPAND_LIMIT) cells.push(part.trim());
      else asWritten.push(part.trim());
    }
  return [...addressPieces(compressCells(cells)), ...addressPieces(unique(asWritten))];
}

/** What the add-in owns on a tab once these writes are applied (each kind replaced only when the writes bring it). */
export function nextOwnedSheet(writes: SheetFormatting, prior: OwnedSheet): OwnedSheet {
  return {
    validation:
      writes.dropdowns.length > 0 ? unique(writes.dropdowns.map((w) => w.range)) : [...prior.validation],
    colours:
      writes.colours.length > 0
        ? writes.colours.map((w) => ({ range: w.range, rules: w.rules.length }))
        : [...prior.colours],
    highlights: replacesHighlights(writes)
      ? writes.highlights
          .filter((w) => w.cells.length > 0 && w.rules.length > 0)
          .flatMap((w) => highlightAddresses(w).map((range) => ({ range, rules: w.rules.length })))
      : [...prior.highlights],
  };
}

/** Queues the clears then the adds for one tab; returns what the add-in owns on it afterwards. */
export function queueSheetFormatting(
  sheet: Excel.Worksheet,
  writes: SheetFormatting,
  prior: OwnedSheet,
): OwnedSheet {
  const next = nextOwnedSheet(writes, prior);

  // 1. Clear (each kind only when this apply brings that kind for the tab).
  if (writes.dropdowns.length > 0) {
    for (const range of unique([...prior.validation, ...next.validation]))
      sheet.getRange(range).dataValidation.clear();
  }
  if (writes.colours.length > 0) {
    for (const range of unique([...prior.colours.map((r) => r.range), ...next.colours.map((r) => r.range)]))
      for (const piece of rangesOf(range)) sheet.getRanges(piece).conditionalFormats.clearAll();
  }
  if (replacesHighlights(writes)) {
    // The previous version's `=TRUE` highlights are in the prior record too: cleared here, so the
    // first Check plan after an update replaces them with the live rules.
    for (const piece of highlightClears(prior, next)) sheet.getRanges(piece).conditionalFormats.clearAll();
  }

  // 2. Add, in a fixed order: dropdown (clear, rule, alert, prompt), colours by priority, highlights.
  for (const write of writes.dropdowns) {
    const validation = sheet.getRange(write.range).dataValidation;
    validation.rule = { list: { inCellDropDown: true, source: listSource(write) } };
    validation.errorAlert = {
      showAlert: true,
      style: ALERT_STYLE,
      title: write.errorTitle,
      message: write.errorMessage,
    };
    validation.prompt = { showPrompt: true, title: write.promptTitle, message: write.promptMessage };
  }
  for (const write of writes.colours) {
    const formats = sheet.getRange(write.range).conditionalFormats;
    write.rules.forEach((rule, priority) => {
      const cf = formats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = rule.fill;
      cf.custom.format.font.color = rule.font;
      cf.stopIfTrue = true;
      cf.priority = priority;
    });
  }
  // Live highlights: formulas of TODAY() and constants only (rule.formula is the formula in English,
  // formulaLocal the one in the user's language: Learn, Excel.ConditionalFormatRule), so no relative
  // reference has to be resolved across a multi-area range (Microsoft documents no rule for that).
  // The overdue and due-soon rules of a date are disjoint: their priority and stopIfTrue change nothing.
  for (const write of writes.highlights) {
    for (const address of write.cells.length > 0 ? highlightAddresses(write) : []) {
      const formats = sheet.getRanges(address).conditionalFormats;
      for (const rule of write.rules) {
        const cf = formats.add("Custom");
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = rule.fill;
        cf.custom.format.font.color = rule.font;
      }
    }
  }
  return next;
}

/** Queues removal of everything the add-in owns on a tab (user text and fills untouched). */
export function queueRemoveSheetFormatting(sheet: Excel.Worksheet, owned: OwnedSheet): void {
  for (const range of unique(owned.validation)) sheet.getRange(range).dataValidation.clear();
  for (const range of unique(owned.colours.map((r) => r.range)))
    for (const piece of rangesOf(range)) sheet.getRanges(piece).conditionalFormats.clearAll();
  for (const piece of highlightClears(owned, emptyOwnedSheet()))
    sheet.getRanges(piece).conditionalFormats.clearAll();
}
