/**
 * One package part, inflated chunk by chunk and parsed as it arrives (saxes, a streaming XML
 * parser; no DOM is built). Elements are handed over by their local name ("x:c" -> "c"), so a
 * generator that prefixes SpreadsheetML elements reads the same. saxes expands the five XML
 * entities and character references only: a document type declaring entities of its own (the
 * "billion laughs") fails as an undefined entity, and nothing outside the file is ever fetched.
 */
import { SaxesParser } from "saxes";
import { XlsxReadError } from "./errors";
import type { ReadLimits, ZipArchive } from "./zip";

export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  /** Character data (text and CDATA), already decoded. */
  text?(text: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
}

/** Counts the bytes inflated, against the limits, across every part read. */
export class ByteBudget {
  private total = 0;
  private declared = 0;

  constructor(private readonly limits: ReadLimits) {}

  /** Refuses before inflating: a part's declared size, or the declared sizes together. */
  checkDeclared(sizes: { name: string; size: number }[]): void {
    for (const { name, size } of sizes) {
      if (size > this.limits.maxPartBytes) throw tooLarge(name, size, this.limits.maxPartBytes);
      this.declared += size;
    }
    const total = this.declared;
    if (total > this.limits.maxTotalBytes) {
      throw new XlsxReadError(
        "too-large",
        `its parts unpack to ${megabytes(total)} (the limit is ${megabytes(this.limits.maxTotalBytes)})`,
      );
    }
  }

  /** Counts bytes as they are inflated (a zip may declare less than it holds). */
  add(name: string, partSoFar: number, chunk: number): void {
    this.total += chunk;
    if (partSoFar > this.limits.maxPartBytes) throw tooLarge(name, partSoFar, this.limits.maxPartBytes, true);
    if (this.total > this.limits.maxTotalBytes) {
      throw new XlsxReadError(
        "too-large",
        `its parts unpack to more than ${megabytes(this.limits.maxTotalBytes)} (the limit)`,
      );
    }
  }
}

function tooLarge(name: string, size: number, limit: number, atLeast = false): XlsxReadError {
  return new XlsxReadError(
    "too-large",
    `${name} unpacks to ${atLeast ? "more than " : ""}${megabytes(size)} (the limit is ${megabytes(limit)})`,
  );
}

/** Parses one part with `handler`. Malformed XML is "damaged"; the handler's own XlsxReadErrors pass through. */
export async function parsePart(
  archive: ZipArchive,
  name: string,
  handler: XmlHandler,
  budget: ByteBudget,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => handler.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on("closetag", (tag) => handler.close(localName(tag.name)));
  const text = handler.text?.bind(handler);
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const decoder = new TextDecoder("utf-8");
  let size = 0;
  // Each chunk is parsed once the next one arrives, so the last (for a part inflated whole, the
  // only) chunk is decoded without `stream`: TextDecoder's one-call path, about twice as fast.
  let held: Uint8Array | null = null;
  try {
    await archive.read(name, (chunk) => {
      size += chunk.length;
      budget.add(name, size, chunk.length);
      if (held !== null) parser.write(decoder.decode(held, { stream: true }));
      held = chunk;
    });
    parser.write(held === null ? decoder.decode() : decoder.decode(held));
    parser.close();
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw Object.assign(new XlsxReadError("damaged"), { cause: error });
  }
}
