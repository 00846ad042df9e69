/**
 * The built-in number formats: a style's numFmtId below 164 names one of these without writing
 * its code (ECMA-376 Part 1, 18.8.30 numFmt). Ids not listed (27-36 and 50-81, which depend on
 * the East Asian locale) read as General, as the engine treats any format it does not know.
 *
 * Id 22 is "m/d/yy h:mm" as the standard lists it (exceljs has 'm/d/yy "h":mm', a literal "h").
 */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = Object.freeze({
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
});
