/**
 * Evaluates conditional-format formulas the way Excel does, for exactly the formula shapes the
 * add-in writes (core/plan-writes.ts): `=TRUE` (status highlights) and
 * `=OR(LOWER(TRIM(G8))="green",LOWER(TRIM(G8))="g")` (rating colours), plus the few functions
 * around them (AND, NOT, UPPER, a bare comparison). Relative references are relative to the
 * top-left cell of the rule's first area, as in Excel. Anything else is "not evaluated" (null),
 * so the grid view never shows a colour Excel would not.
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
  | { kind: "compare"; op: "=" | "<>"; left: Node; right: Node };

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
    const left = this.term();
    this.space();
    if (this.src.startsWith("<>", this.at)) {
      this.at += 2;
      return { kind: "compare", op: "<>", left, right: this.term() };
    }
    if (this.src[this.at] === "=") {
      this.at += 1;
      return { kind: "compare", op: "=", left, right: this.term() };
    }
    return left;
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

function evaluate(node: Node, lookup: Lookup, dr: number, dc: number): Value {
  switch (node.kind) {
    case "bool":
    case "text":
    case "number":
      return node.value;
    case "ref": {
      const v = lookup(node.absRow ? node.row : node.row + dr, node.absCol ? node.col : node.col + dc);
      return v === null ? "" : v;
    }
    case "compare": {
      const same = equal(evaluate(node.left, lookup, dr, dc), evaluate(node.right, lookup, dr, dc));
      return node.op === "=" ? same : !same;
    }
    case "call": {
      const args = () => node.args.map((a) => evaluate(a, lookup, dr, dc));
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
): boolean | null {
  const node = parseFormula(formula);
  if (!node) return null;
  try {
    return asBool(evaluate(node, lookup, row - anchorRow, col - anchorCol));
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
 * and a true rule with stopIfTrue stops the rest, as in Excel.
 */
export function conditionalStyle(
  rules: readonly RuleLike[],
  row: number,
  col: number,
  lookup: Lookup,
): { fill: string | null; font: string | null; rules: number } {
  let fill: string | null = null;
  let font: string | null = null;
  let matched = 0;
  for (const rule of rules) {
    if (!rule.boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right)) continue;
    const anchor = rule.boxes[0];
    if (formulaApplies(rule.formula, row, col, anchor.top, anchor.left, lookup) !== true) continue;
    matched++;
    fill ??= rule.fill;
    font ??= rule.fontColor;
    if (rule.stopIfTrue) break;
  }
  return { fill, font, rules: matched };
}
