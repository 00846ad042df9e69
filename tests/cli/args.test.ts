import { parseArgs } from "../../src/cli/args";

describe("parseArgs", () => {
  it("reads a path and every flag, in any order, with or without '='", () => {
    expect(parseArgs(["--json", "plan.xlsx", "--as-of=2022-07-15", "--due-soon-days", "14"])).toEqual({
      kind: "run",
      paths: ["plan.xlsx"],
      path: "plan.xlsx",
      asOf: "2022-07-15",
      dueSoonDays: 14,
      json: true,
      format: "json",
      out: null,
      failOn: null,
      quiet: false,
      jobs: null,
    });
    expect(parseArgs(["plan.xlsx"])).toEqual({
      kind: "run",
      paths: ["plan.xlsx"],
      path: "plan.xlsx",
      asOf: null,
      dueSoonDays: null,
      json: false,
      format: "text",
      out: null,
      failOn: null,
      quiet: false,
      jobs: null,
    });
  });

  it("reads several workbooks and folders, and the batch flags", () => {
    expect(
      parseArgs([
        "plans",
        "b.xlsx",
        "--format=html",
        "--out",
        "report.html",
        "--fail-on",
        "warning",
        "--quiet",
        "--jobs",
        "3",
      ]),
    ).toEqual({
      kind: "run",
      paths: ["plans", "b.xlsx"],
      path: "plans",
      asOf: null,
      dueSoonDays: null,
      json: false,
      format: "html",
      out: "report.html",
      failOn: "warning",
      quiet: true,
      jobs: 3,
    });
    expect(parseArgs(["a.xlsx", "--format", "json"])).toMatchObject({ json: true, format: "json" });
    expect(parseArgs(["a.xlsx", "--json", "--format", "json"])).toMatchObject({ json: true, format: "json" });
  });

  it("accepts 0 days and a path starting with '-' after '--'", () => {
    expect(parseArgs(["--due-soon-days", "0", "--", "-odd.xlsx"])).toMatchObject({
      kind: "run",
      path: "-odd.xlsx",
      dueSoonDays: 0,
    });
  });

  it("answers --help and -h (an unknown flag before them is still an error)", () => {
    expect(parseArgs(["--bogus", "-h"])).toEqual({
      kind: "error",
      message: expect.stringMatching(/unknown option --bogus/),
    });
    expect(parseArgs(["plan.xlsx", "--help"])).toEqual({ kind: "help" });
  });

  it.each([
    [["plan.xlsx", "--as-of", "2023-02-29"], /real date/],
    [["plan.xlsx", "--as-of", "2022-7-15"], /YYYY-MM-DD/],
    [["plan.xlsx", "--as-of", "--json"], /--as-of needs a value/],
    [["plan.xlsx", "--due-soon-days", "-3"], /0 or more/],
    [["plan.xlsx", "--due-soon-days", "2.5"], /whole number/],
    [["plan.xlsx", "--due-soon-days", "1e3"], /whole number/],
    [["plan.xlsx", "--json=yes"], /takes no value/],
    [["plan.xlsx", "-x"], /unknown option -x/],
    [[], /no workbook given/],
    [["a.xlsx", "--json", "--format", "markdown"], /two reports/],
    [["a.xlsx", "--format", "pdf"], /text, markdown, html or json/],
    [["a.xlsx", "--fail-on", "info"], /error or warning/],
    [["a.xlsx", "--jobs", "17"], /from 1 to 16/],
    [["a.xlsx", "--quiet=yes"], /takes no value/],
    [["a.xlsx", "--out"], /--out needs a value/],
    [["a.xlsx", "--as-of", "2022-07-15", "--as-of", "2022-07-16"], /more than once/],
  ])("refuses %j in one line", (argv, pattern) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe("error");
    if (parsed.kind === "error") {
      expect(parsed.message).toMatch(pattern);
      expect(parsed.message).not.toMatch(/\n/);
    }
  });
});
