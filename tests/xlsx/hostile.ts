/**
 * Hostile .xlsx files, generated (never committed): zip bombs with honest, lying and huge
 * declared sizes, and the fixture with one stray value at XFD1048576. Shared by the suite
 * (tests/cli/hostile-files.test.ts) and the benchmark (tests/bench/cli.bench.ts).
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { constants, createDeflateRaw, deflateRawSync } from "node:zlib";

const FIXTURE = join(__dirname, "..", "fixtures", "sdp-2022-23.xlsx");

interface RawEntry {
  name: string;
  /** Deflated bytes. */
  data: Uint8Array;
  /** The uncompressed size written in the headers (the truth, or a lie). */
  declared: number;
}

/** A zip of deflated entries, sizes as given (CRC 0: yauzl and fflate do not check it before inflating). */
function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const declared = Math.min(e.declared, 0xffffffff);
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    name.copy(local, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    locals.push(local, Buffer.from(e.data));
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The fixture's parts, deflated as they are, with one part replaced. */
function fixtureWith(replace: string, data: Uint8Array, declared: number): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(FIXTURE)));
  return rawZip(
    Object.entries(parts).map(([name, bytes]) =>
      name === replace
        ? { name, data, declared }
        : { name, data: deflateRawSync(bytes), declared: bytes.length },
    ),
  );
}

/** A sheet part of `megabytes` MB of cells, deflated as it is made (about 1,000:1; never held whole). */
async function bombSheet(megabytes: number): Promise<{ data: Uint8Array; size: number }> {
  const cell = '<c r="A1"><v>1</v></c>';
  const chunk = Buffer.from(cell.repeat(Math.floor(1_000_000 / cell.length)));
  const head = Buffer.from(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">',
  );
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  deflate.write(head);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(chunk)) await once(deflate, "drain");
  deflate.end();
  await once(deflate, "end");
  return { data: Buffer.concat(out), size: head.length + megabytes * chunk.length };
}

const SHEET = "xl/worksheets/sheet1.xml";

/** An honest bomb: the sheet declares and inflates to 300 MB (or as given; 50 MB holds 2.3 M cells). */
export async function honestBomb(megabytes = 300): Promise<Uint8Array> {
  const { data, size } = await bombSheet(megabytes);
  return fixtureWith(SHEET, data, size);
}

/** A lying bomb: the sheet declares 100 kB and inflates to 300 MB. */
export async function lyingBomb(): Promise<Uint8Array> {
  const { data } = await bombSheet(300);
  return fixtureWith(SHEET, data, 100_000);
}

/** A huge declared size: the sheet says it inflates to 4.3 GB (its data is small). */
export async function hugeDeclared(): Promise<Uint8Array> {
  const { data } = await bombSheet(1);
  return fixtureWith(SHEET, data, 0xffffffff);
}

/** An old-format workbook (.xls) with a password: an OLE file whose Workbook stream starts BOF, FILEPASS. */
export function encryptedXls(): Uint8Array {
  const bytes = new Uint8Array(512 * 12);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const view = new DataView(bytes.buffer);
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  const dir = 512 * 2; // directory in sector 1
  const name = "Workbook";
  for (let i = 0; i < name.length; i++) bytes[dir + 128 + i * 2] = name.charCodeAt(i);
  view.setUint16(dir + 128 + 0x40, (name.length + 1) * 2, true);
  bytes[dir + 128 + 0x42] = 2; // a stream
  view.setUint32(dir + 128 + 0x74, 3, true); // first sector 3
  view.setUint32(dir + 128 + 0x78, 4096, true);
  const stream = 512 * 4;
  view.setUint16(stream, 0x0809, true); // BOF
  view.setUint16(stream + 2, 16, true);
  view.setUint16(stream + 20, 0x002f, true); // FILEPASS
  view.setUint16(stream + 22, 54, true);
  return bytes;
}

/** The fixture with one value far away, at XFD1048576 (the last cell of a sheet), on its first plan tab. */
export function strayCell(): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(FIXTURE)));
  const xml = new TextDecoder().decode(parts[SHEET]);
  const stray = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row>';
  parts[SHEET] = strToU8(xml.replace("</sheetData>", `${stray}</sheetData>`));
  return zipSync(parts);
}
