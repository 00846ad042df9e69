/**
 * Evaluates conditional-format formulas the way Excel does, for exactly the formula shapes the
 * add-in writes (core/plan-writes.ts): the live status highlights `=TODAY()>DATE(2022,5,31)` and
 * `=AND(TODAY()>=DATE(2022,5,31)-30,TODAY()<=DATE(2022,5,31))`, the rating colours
 * `=OR(LOWER(TRIM(G8))="green",LOWER(TRIM(G8))="g")`, and the previous version's `=TRUE`, plus
 * the few functions around them (AND, NOT, UPPER, a bare comparison). Relative references are
 * relative to the top-left cell of the rule's first area, as in Excel. TODAY() is the day the
 * caller says (the in-memory Excel's `today`, else this machine's local day, as Excel's TODAY()).
 * Anything else is "not evaluated" (null), so the grid view never shows a colour Excel would not.
 */
import type { CellValue } from "../core/grid";
import { colNumber } from "../excel/a1";

export type Lookup = (row: number, col: number) => CellValue;

type Node =
  | { kind: "bool"; value: boolean }
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "ref"; row: number; col: number; absRow: boolean; absCol: boolean }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "compare"; op: CompareOp; left: Node; right: Node }
  | { kind: "arith"; op: "+" | "-"; left: Node; right: Node };

type CompareOp = "=" | "<>" | "<" | ">" | "<=" | ">=";

/**
 * Operators by precedence, lowest first (support.microsoft.com, "Calculation operators and
 * precedence in Excel": + and - come before the comparison operators = < > <= >= <>, each
 * group left to right). Two-character operators are matched before their one-character prefix.
 */
const COMPARE_OPS: readonly CompareOp[] = ["<>", "<=", ">=", "=", "<", ">"];

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.expression();
    this.space();
    if (this.at !== this.src.length) throw new Error("trailing text");
    return node;
  }

  private space(): void {
    while (this.src[this.at] === " ") this.at++;
  }

  private expression(): Node {
    let left = this.additive();
    for (;;) {
      this.space();
      const op = COMPARE_OPS.find((o) => this.src.startsWith(o, this.at));
      if (!op) return left;
      this.at += op.length;
      left = { kind: "compare", op, left, right: this.additive() };
    }
  }

  private additive(): Node {
    let left = this.term();
    for (;;) {
      this.space();
      const op = this.src[this.at];
      if (op !== "+" && op !== "-") return left;
      this.at += 1;
      left = { kind: "arith", op, left, right: this.term() };
    }
  }

  private term(): Node {
    this.space();
    const rest = this.src.slice(this.at);
    if (rest.startsWith('"')) return this.text();
    const num = /^\d+(\.\d+)?/.exec(rest);
    if (num) {
      this.at += num[0].length;
      return { kind: "number", value: Number(num[0]) };
    }
    const call = /^([A-Za-z]+)\(/.exec(rest);
    if (call) {
      this.at += call[0].length;
      const args: Node[] = [];
      this.space();
      if (this.src[this.at] !== ")") {
        for (;;) {
          args.push(this.expression());
          this.space();
          if (this.src[this.at] === ",") {
            this.at++;
            continue;
          }
          break;
        }
      }
      if (this.src[this.at] !== ")") throw new Error("missing )");
      this.at++;
      return { kind: "call", name: call[1].toUpperCase(), args };
    }
    const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/.exec(rest);
    if (ref) {
      this.at += ref[0].length;
      return {
        kind: "ref",
        col: colNumber(ref[2]),
        row: Number(ref[4]),
        absCol: ref[1] === "$",
        absRow: ref[3] === "$",
      };
    }
    const word = /^(TRUE|FALSE)(?![\w(])/i.exec(rest);
    if (word) {
      this.at += word[0].length;
      return { kind: "bool", value: word[1].toUpperCase() === "TRUE" };
    }
    throw new Error(`unexpected ${rest.slice(0, 10)}`);
  }

  private text(): Node {
    let out = "";
    this.at++; // opening quote
    while (this.at < this.src.length) {
      const ch = this.src[this.at];
      if (ch === '"') {
        if (this.src[this.at + 1] === '"') {
          out += '"';
          this.at += 2;
          continue;
        }
        this.at++;
        return { kind: "text", value: out };
      }
      out += ch;
      this.at++;
    }
    throw new Error("unterminated text");
  }
}

type Value = string | number | boolean;

function asText(v: Value): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function asBool(v: Value): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const upper = v.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  throw new Error("#VALUE!");
}

/** Excel's TRIM: spaces only, leading/trailing removed and runs inside collapsed to one. */
function excelTrim(text: string): string {
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function asNumber(v: Value): number {
  // Only numbers: Excel's conversions of text and booleans in arithmetic are not modelled ("not evaluated").
  if (typeof v !== "number") throw new Error("not evaluated");
  return v;
}

function compare(op: CompareOp, a: Value, b: Value): boolean {
  if (op === "=") return equal(a, b);
  if (op === "<>") return !equal(a, b);
  // Ordering is modelled for numbers only (dates are serial numbers); text and mixed types are not evaluated.
  const x = asNumber(a);
  const y = asNumber(b);
  if (op === "<") return x < y;
  if (op === ">") return x > y;
  if (op === "<=") return x <= y;
  return x >= y;
}

const DAY_MS = 86_400_000;

/**
 * Excel's serial day number of a calendar day in the 1900 date system: 1 January 1900 is 1, and
 * Excel counts the 29 February 1900 that never was, so from 1 March 1900 on it is the days since
 * 30 December 1899 (support.microsoft.com, "DATE function" and "Excel incorrectly assumes that the
 * year 1900 is a leap year"). A 1904 workbook stores other numbers, but TODAY() and DATE() move
 * together, so every comparison the add-in writes has the same answer.
 */
function serialOf(utcMs: number): number {
  const days = Math.round((utcMs - Date.UTC(1899, 11, 30)) / DAY_MS);
  return utcMs < Date.UTC(1900, 2, 1) ? days - 1 : days;
}

/**
 * DATE(year, month, day) as Excel computes it (support.microsoft.com, "DATE function"): a year from
 * 0 to 1899 is added to 1900; a year below 0 or from 10000 is #NUM!; a month past 12 or below 1 and
 * a day past the month's end or below 1 carry into the year and month. Arguments are truncated to
 * whole numbers. A result before 1 January 1900 is #NUM!.
 */
function excelDate(yearArg: number, monthArg: number, dayArg: number): number {
  let year = Math.trunc(yearArg);
  if (year < 0 || year >= 10_000) throw new Error("#NUM!");
  if (year < 1900) year += 1900;
  const ms = Date.UTC(year, Math.trunc(monthArg) - 1, 1) + (Math.trunc(dayArg) - 1) * DAY_MS;
  if (ms < Date.UTC(1900, 0, 1)) throw new Error("#NUM!");
  return serialOf(ms);
}

/**
 * The serial number TODAY() returns: the in-memory Excel's configured day (a UTC midnight, see
 * MemoryWorkbook.today), else this machine's local calendar day, as Excel's TODAY() (support.microsoft.com,
 * "TODAY function": the current date, from the computer's clock).
 */
export function todaySerial(today: Date | null, now: Date = new Date()): number {
  if (today) return serialOf(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  return serialOf(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function evaluate(node: Node, lookup: Lookup, dr: number, dc: number, today: number | null): Value {
  const ev = (n: Node) => evaluate(n, lookup, dr, dc, today);
  switch (node.kind) {
    case "bool":
    case "text":
    case "number":
      return node.value;
    case "ref": {
      const v = lookup(node.absRow ? node.row : node.row + dr, node.absCol ? node.col : node.col + dc);
      return v === null ? "" : v;
    }
    case "compare":
      return compare(node.op, ev(node.left), ev(node.right));
    case "arith": {
      const x = asNumber(ev(node.left));
      const y = asNumber(ev(node.right));
      return node.op === "+" ? x + y : x - y;
    }
    case "call": {
      const args = () => node.args.map(ev);
      switch (node.name) {
        case "OR":
          return args().some(asBool);
        case "AND":
          return args().every(asBool);
        case "NOT":
          return !asBool(args()[0] ?? false);
        case "LOWER":
          return asText(args()[0] ?? "").toLowerCase();
        case "UPPER":
          return asText(args()[0] ?? "").toUpperCase();
        case "TRIM":
          return excelTrim(asText(args()[0] ?? ""));
        case "TRUE":
          return true;
        case "FALSE":
          return false;
        case "TODAY":
          if (node.args.length !== 0 || today === null) throw new Error("TODAY is not evaluated");
          return today;
        case "DATE": {
          if (node.args.length !== 3) throw new Error("DATE needs three arguments");
          const [y, m, d] = args().map(asNumber);
          return excelDate(y, m, d);
        }
        default:
          throw new Error(`${node.name} is not evaluated`);
      }
    }
  }
}

const parsed = new Map<string, Node | null>();

function parseFormula(formula: string): Node | null {
  if (!parsed.has(formula)) {
    let node: Node | null = null;
    try {
      node = new Parser(formula.replace(/^=/, "")).parse();
    } catch {
      node = null;
    }
    parsed.set(formula, node);
  }
  return parsed.get(formula) ?? null;
}

/**
 * Whether a custom conditional format with this formula applies to the cell at (row, col),
 * when the rule's anchor (top-left of its first area) is (anchorRow, anchorCol).
 * null when the formula is not understood or evaluates to an error.
 */
function formulaApplies(
  formula: string,
  row: number,
  col: number,
  anchorRow: number,
  anchorCol: number,
  lookup: Lookup,
  today: number | null,
): boolean | null {
  const node = parseFormula(formula);
  if (!node) return null;
  try {
    return asBool(evaluate(node, lookup, row - anchorRow, col - anchorCol, today));
  } catch {
    return null;
  }
}

export interface RuleLike {
  boxes: { top: number; left: number; bottom: number; right: number }[];
  formula: string;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

/**
 * The fill and font colour the conditional formats give a cell (rules in priority order, first
 * is highest): a higher-priority rule's colour wins, lower ones still fill in what it left unset,
 * and a true rule with stopIfTrue stops the rest, as in Excel. `today` is TODAY()'s serial number
 * (todaySerial); null leaves every formula with TODAY() not evaluated.
 */
export function conditionalStyle(
  rules: readonly RuleLike[],
  row: number,
  col: number,
  lookup: Lookup,
  today: number | null = null,
): { fill: string | null; font: string | null; rules: number } {
  let fill: string | null = null;
  let font: string | null = null;
  let matched = 0;
  for (const rule of rules) {
    if (!rule.boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right)) continue;
    const anchor = rule.boxes[0];
    if (formulaApplies(rule.formula, row, col, anchor.top, anchor.left, lookup, today) !== true) continue;
    matched++;
    fill ??= rule.fill;
    font ??= rule.fontColor;
    if (rule.stopIfTrue) break;
  }
  return { fill, font, rules: matched };
}
