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

function jsonReport(result: PlanResult, context: JsonReportContext) {
  return {
    file: context.file,
    asOf: result.asOf,
    dueSoonDays: result.dueSoonDays,
    planYear: result.planYear ? { start: result.planYear.start, end: result.planYear.end } : null,
    reviewDate: result.reviewDate,
    settingsProblem: context.settingsProblem,
    skippedSheets: result.skippedSheets,
    // the skipped tabs that look like tables no header names (PLAN-SEMANTICS §8); still listed above
    unnamedSheets: result.unnamedSheets,
    sheets: result.sheets.map(sheetJson),
    summary: summaryJson(result.summary),
  };
}

/** Exactly one JSON document, with a final newline. */
export function renderJson(result: PlanResult, context: JsonReportContext): string {
  return `${JSON.stringify(jsonReport(result, context), null, 2)}\n`;
}
