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

/**
 * JSON.stringify(value, null, 2), in pieces of about 64 kB: the same bytes, without the whole
 * document ever held as one string (a 100,000-action report is about 150 MB of text). The top
 * levels (report, sheets, a sheet's lists) are walked here; each value below them (an action, a
 * finding) is written by JSON.stringify itself and indented to its place, which gives the same
 * text because JSON.stringify escapes every line break inside strings.
 */
export function* prettyJsonPieces(value: unknown, walkDepth = 4): Generator<string> {
  let buffer = "";
  const FLUSH = 1 << 16;
  const native = (v: unknown, indent: string): string => {
    const text = JSON.stringify(v, null, 2) ?? "null";
    return indent === "" || text.indexOf("\n") < 0 ? text : text.replace(/\n/g, `\n${indent}`);
  };
  function* walk(v: unknown, indent: string, depth: number): Generator<string> {
    if (buffer.length >= FLUSH) {
      yield buffer;
      buffer = "";
    }
    if (
      depth >= walkDepth ||
      v === null ||
      typeof v !== "object" ||
      typeof (v as { toJSON?: unknown }).toJSON === "function"
    ) {
      buffer += native(v, indent);
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        buffer += "[]";
        return;
      }
      buffer += "[";
      for (let i = 0; i < v.length; i++) {
        buffer += `${i === 0 ? "" : ","}\n${inner}`;
        const item: unknown = v[i];
        if (item === undefined || typeof item === "function" || typeof item === "symbol") buffer += "null";
        else yield* walk(item, inner, depth + 1);
      }
      buffer += `\n${indent}]`;
      return;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(
      ([, item]) => item !== undefined && typeof item !== "function" && typeof item !== "symbol",
    );
    if (entries.length === 0) {
      buffer += "{}";
      return;
    }
    buffer += "{";
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i];
      buffer += `${i === 0 ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
      yield* walk(item, inner, depth + 1);
    }
    buffer += `\n${indent}}`;
  }
  yield* walk(value, "", 0);
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
