/**
 * The --json report: the shape in SEMANTICS.md "The command-line check's JSON", field by field (a few extra fields are
 * added; none of §7's are renamed). Built explicitly, so engine internals never leak out.
 */
import type {
  Action,
  Finding,
  OverdueItem,
  PlanResult,
  SectionResult,
  SheetResult,
  Summary,
} from "../core/model";

export interface JsonReportContext {
  /** The workbook as given on the command line. */
  file: string;
  /** Why the settings stored in the workbook were not used, if they were not. */
  settingsProblem: string | null;
}

function actionJson(a: Action) {
  return {
    sheet: a.sheet,
    row: a.row,
    key: a.key,
    section: a.section,
    owner: a.owner,
    action: a.action,
    deadline: {
      text: a.deadline.text,
      kind: a.deadline.kind,
      due: a.deadline.due,
      start: a.deadline.start,
      milestones: a.deadline.milestones,
      nextMilestone: a.deadline.nextMilestone,
      precision: a.deadline.precision,
      reading: a.deadline.reading,
    },
    rag: a.rag,
    ragSource: a.ragSource,
    ratingText: a.ratingText,
    complete: a.complete,
    status: a.status,
    suggestedRag: a.suggestedRag,
    daysOverdue: a.daysOverdue,
  };
}

function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    cell: f.cell,
    sheet: f.sheet,
    row: f.row,
    col: f.col,
    message: f.message,
  };
}

function overdueJson(o: OverdueItem) {
  return {
    sheet: o.sheet,
    row: o.row,
    key: o.key,
    section: o.section,
    action: o.action,
    owner: o.owner,
    due: o.due,
    dueText: o.dueText,
    daysOverdue: o.daysOverdue,
    cell: o.cell,
  };
}

function summaryJson(s: Summary) {
  return {
    actions: s.actions,
    rag: { ...s.rag },
    status: { ...s.status },
    percentComplete: s.percentComplete,
    sentence: s.sentence,
    overdue: s.overdue.map(overdueJson),
    findings: { ...s.findings },
  };
}

function sectionJson(s: SectionResult) {
  return { name: s.name, summary: summaryJson(s.summary) };
}

function sheetJson(s: SheetResult) {
  return {
    name: s.name,
    actions: s.actions.map(actionJson),
    findings: s.findings.map(findingJson),
    sections: s.sections.map(sectionJson),
    summary: summaryJson(s.summary),
  };
}

export function jsonReport(result: PlanResult, context: JsonReportContext) {
  return {
    file: context.file,
    asOf: result.asOf,
    dueSoonDays: result.dueSoonDays,
    planYear: result.planYear ? { start: result.planYear.start, end: result.planYear.end } : null,
    reviewDate: result.reviewDate,
    settingsProblem: context.settingsProblem,
    skippedSheets: result.skippedSheets,
    // the skipped tabs that look like tables no header names (SEMANTICS.md "Plans from other councils"); still listed above
    unnamedSheets: result.unnamedSheets,
    sheets: result.sheets.map(sheetJson),
    summary: summaryJson(result.summary),
  };
}

/** Items of a list written by one JSON.stringify call (an action is about 1.5 kB of JSON). */
const BATCH = 4;
/**
 * A piece is handed over once it reaches 16 kB (plus at most one batch). Small on purpose: Node
 * writes a string through a buffer of 3 bytes per character, and past 128 kB glibc's malloc maps
 * fresh pages for every such buffer. 20,000 actions (34 MB of JSON) to a file, in-process: 64 kB
 * pieces ~700 ms, 16 kB pieces ~280 ms (of which ~200 ms making the text).
 */
const FLUSH = 1 << 14;

function isSkipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * `items` as JSON.stringify(value, null, 2) writes them as the elements of a list nested `level`
 * deep: "\n" + indent + item, joined by ",". JSON.stringify does the indenting itself: the items
 * are stringified inside `level - 1` one-element lists, whose brackets are then cut off: no
 * second pass over the text to re-indent its lines.
 */
function nativeItems(items: readonly unknown[], level: number): string {
  let wrapped: unknown = items;
  // The brackets around the items: "[" and "\n]" for the list itself, "[\n" + indent and "\n" + indent + "]" for each wrapper.
  let head = 1;
  let tail = 2;
  for (let j = 1; j < level; j++) {
    wrapped = [wrapped];
    head += 2 + 2 * j;
    tail += 2 + 2 * j;
  }
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(head, text.length - tail);
}

/**
 * JSON.stringify(value, null, 2), in pieces of about 16 kB: the same bytes, without the whole
 * document ever held as one string (a 100,000-action report is about 150 MB of text). The top
 * levels (report, sheets, a sheet's lists: `walkDepth` of them) are walked here; the values below
 * them (an action, a finding) are written by JSON.stringify itself, a batch of list items at a
 * time, indented to their place by JSON.stringify too (nativeItems).
 */
export function* prettyJsonPieces(value: unknown, walkDepth = 4): Generator<string> {
  let buffer = "";
  const put = (text: string) => {
    buffer += text;
  };
  function* walk(v: unknown, level: number): Generator<string> {
    if (buffer.length >= FLUSH) {
      yield buffer;
      buffer = "";
    }
    if (
      level >= walkDepth ||
      v === null ||
      typeof v !== "object" ||
      typeof (v as { toJSON?: unknown }).toJSON === "function"
    ) {
      // One value at its place (a list or an object: the only item of a one-item list, its "\n" + indent cut off).
      put(
        level === 0 || v === null || typeof v !== "object"
          ? (JSON.stringify(v, null, 2) ?? "null")
          : nativeItems([v], level).slice(1 + 2 * level),
      );
      return;
    }
    const close = `\n${" ".repeat(2 * level)}`;
    if (Array.isArray(v)) {
      if (v.length === 0) return put("[]");
      put("[");
      if (level + 1 >= walkDepth) {
        for (let i = 0; i < v.length; i += BATCH) {
          if (i > 0) put(",");
          put(nativeItems(v.slice(i, i + BATCH), level + 1));
          if (buffer.length >= FLUSH) {
            yield buffer;
            buffer = "";
          }
        }
      } else {
        const inner = `${close}  `;
        for (let i = 0; i < v.length; i++) {
          put(i === 0 ? inner : `,${inner}`);
          const item: unknown = v[i];
          if (isSkipped(item)) put("null");
          else yield* walk(item, level + 1);
        }
      }
      return put(`${close}]`);
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, item]) => !isSkipped(item));
    if (entries.length === 0) return put("{}");
    put("{");
    const inner = `${close}  `;
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i];
      put(`${i === 0 ? "" : ","}${inner}${JSON.stringify(key)}: `);
      yield* walk(item, level + 1);
    }
    put(`${close}}`);
  }
  yield* walk(value, 0);
  if (buffer !== "") yield buffer;
}

/** Exactly one JSON document, with a final newline, in pieces (written one by one, never joined). */
export function* renderJsonPieces(result: PlanResult, context: JsonReportContext): Generator<string> {
  yield* prettyJsonPieces(jsonReport(result, context));
  yield "\n";
}

/** Exactly one JSON document, with a final newline. */
export function renderJson(result: PlanResult, context: JsonReportContext): string {
  return [...renderJsonPieces(result, context)].join("");
}
