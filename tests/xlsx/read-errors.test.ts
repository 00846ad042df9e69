import { XLSX_MESSAGES, XlsxReadError, readXlsx } from "../../src/xlsx";
import { fixtureBytes, xlsxBytes } from "./helpers";

async function problemOf(bytes: Uint8Array): Promise<XlsxReadError> {
  try {
    await readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxReadError) return error;
    throw new Error(`expected an XlsxReadError, got ${String(error)}`);
  }
  throw new Error("expected readXlsx to fail");
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function oleFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(OLE, 0);
  const name = [...streamName].flatMap((ch) => [ch.charCodeAt(0), 0]);
  bytes.set(name, 1024);
  return bytes;
}

/** A tiny stored (uncompressed) zip holding one file: a valid zip that is not a workbook. */
function zipOf(name: string, content: string): Uint8Array {
  const enc = new TextEncoder();
  const n = enc.encode(name);
  const data = enc.encode(content);
  const local = new Uint8Array(30 + n.length + data.length);
  const dv = new DataView(local.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(4, 10, true);
  dv.setUint32(18, data.length, true);
  dv.setUint32(22, data.length, true);
  dv.setUint16(26, n.length, true);
  local.set(n, 30);
  local.set(data, 30 + n.length);
  const central = new Uint8Array(46 + n.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 10, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, n.length, true);
  central.set(n, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + central.length + end.length);
  out.set(local, 0);
  out.set(central, local.length);
  out.set(end, local.length + central.length);
  return out;
}

describe("readXlsx refuses what is not a readable workbook, in one plain line", () => {
  it("an empty file", async () => {
    const e = await problemOf(new Uint8Array(0));
    expect(e.problem).toBe("empty");
  });

  it("a truncated workbook", async () => {
    const whole = fixtureBytes();
    for (const length of [2, 100, Math.floor(whole.length / 2), whole.length - 10]) {
      const e = await problemOf(whole.slice(0, length));
      expect([length, e.problem]).toEqual([length, "damaged"]);
      expect(e.message).toBe("The file is damaged or incomplete.");
    }
  });

  it("random bytes", async () => {
    const bytes = new Uint8Array(5000);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255;
    expect((await problemOf(bytes)).message).toBe("The file is not an .xlsx workbook.");
  });

  it("a CSV file renamed .xlsx", async () => {
    const csv = new TextEncoder().encode("Why?,Who?,Does what?\nreason,owner,action\n");
    expect((await problemOf(csv)).problem).toBe("not-xlsx");
  });

  it("a zip that is not a workbook", async () => {
    expect((await problemOf(zipOf("word/document.xml", "<w/>"))).problem).toBe("not-xlsx");
  });

  it("a password-protected workbook (an OLE file holding an encrypted package)", async () => {
    const e = await problemOf(oleFile("EncryptedPackage"));
    expect(e.problem).toBe("encrypted");
    expect(e.message).toBe(
      "The file is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again.",
    );
  });

  it("a legacy .xls workbook (an OLE file without encryption)", async () => {
    expect((await problemOf(oleFile("Workbook"))).problem).toBe("legacy-xls");
  });

  it("a damaged workbook whose zip entries are corrupted", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet("Plan").getCell("A1").value = "x".repeat(5000);
    });
    const broken = bytes.slice();
    for (let i = 200; i < broken.length - 400; i += 7) broken[i] ^= 0x5a;
    expect((await problemOf(broken)).problem).toMatch(/damaged|not-xlsx/);
  });

  it("every message is a single line", () => {
    for (const message of Object.values(XLSX_MESSAGES)) expect(message).not.toMatch(/\n/);
  });
});
