/**
 * The add-in manifest: valid against Microsoft's XSDs (offline, with xmllint), every resid
 * defined with the right kind of resource, every icon present at its declared pixel size,
 * every URL https, and the manifest the build writes for another host valid too.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MINIMUM_SET } from "../../src/excel/requirements";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");
const XSD = join(ROOT, "tests", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
const xml = readFileSync(MANIFEST, "utf8");

function xmllint(file: string): { ok: boolean; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
  if (run.error)
    throw new Error(`xmllint could not be run (install Debian's libxml2-utils): ${run.error.message}`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Calls the build's own transform (src/tools/manifest-host.mjs) in a child Node process. */
function transformWithTool(source: string, hostUrl: string): string {
  const script = `
    import { transformManifest } from ${JSON.stringify(join(ROOT, "src", "tools", "manifest-host.mjs"))};
    import { readFileSync } from "node:fs";
    process.stdout.write(transformManifest(readFileSync(0, "utf8"), process.argv[1]));`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", script, hostUrl], {
    input: source,
    encoding: "utf8",
  });
}

function normaliseWithTool(hostUrl: string): { ok: boolean; output: string } {
  const script = `
    import { normaliseHostUrl } from ${JSON.stringify(join(ROOT, "src", "tools", "manifest-host.mjs"))};
    process.stdout.write(normaliseHostUrl(process.argv[1]));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script, hostUrl], {
    encoding: "utf8",
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

function attributes(source: string, name: string): string[] {
  return [...source.matchAll(new RegExp(`\\s${name}="([^"]*)"`, "g"))].map((m) => m[1]);
}

/** Resource ids by kind: Images, Urls, ShortStrings, LongStrings. */
function resources(source: string): Record<string, Set<string>> {
  const kinds = ["Images", "Urls", "ShortStrings", "LongStrings"];
  const out: Record<string, Set<string>> = {};
  for (const kind of kinds) {
    const block = new RegExp(`<bt:${kind}>([\\s\\S]*?)</bt:${kind}>`).exec(source)?.[1] ?? "";
    out[kind] = new Set(attributes(block, "id"));
  }
  return out;
}

/** Which kind of resource each referring element needs. */
const KIND_OF_ELEMENT: Record<string, string> = {
  "bt:Image": "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFile(url: string): string {
  const m = /\/assets\/([^/"]+\.png)$/.exec(url);
  if (!m) throw new Error(`Icon URL does not point into assets/: ${url}`);
  return join(ROOT, "assets", m[1]);
}

describe("manifest.xml", () => {
  it("validates against the OfficeApp 1.1 schema", () => {
    const result = xmllint(MANIFEST);
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  it("defines every resid, with the kind of resource its element needs", () => {
    const defined = resources(xml);
    const refs = [...xml.matchAll(/<([\w:]+)[^>]*\sresid="([^"]+)"/g)].map((m) => ({
      element: m[1],
      id: m[2],
    }));
    expect(refs.length).toBeGreaterThan(20);
    for (const { element, id } of refs) {
      const kind = KIND_OF_ELEMENT[element];
      expect({ element, id, kind }).toEqual({ element, id, kind: expect.any(String) });
      expect({ id, defined: defined[kind].has(id) }).toEqual({ id, defined: true });
    }
  });

  it("declares the three Plan buttons on the Home tab with their functions", () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/<FunctionName>checkPlan<\/FunctionName>/);
    expect(xml).toMatch(/<FunctionName>summariseProgress<\/FunctionName>/);
    expect(xml).toMatch(/xsi:type="ShowTaskpane"/);
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    // The lowest ExcelApi set the adapter cannot work without (merged areas need 1.13).
    expect(xml).toContain(`<Set Name="ExcelApi" MinVersion="${MINIMUM_SET}"/>`);
  });

  it("points every icon at a PNG in assets/ of the declared pixel size", () => {
    const images = [...xml.matchAll(/<bt:Image id="[^"]+" DefaultValue="([^"]+)"\/>/g)].map((m) => m[1]);
    const sizes = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)].map((m) => ({
      size: Number(m[1]),
      id: m[2],
    }));
    // The add-in's own icon (the group) at 16/32/80, and each of the three buttons its own glyph at 8 sizes.
    expect(images.length).toBe(3 + 3 * 8);
    const buttonIcons = [...xml.matchAll(/<Control xsi:type="Button"[\s\S]*?<\/Control>/g)].map(
      (m) => /resid="([A-Za-z]+)\.16x16"/.exec(m[0])?.[1],
    );
    expect(new Set(buttonIcons).size).toBe(3);
    for (const { size, id } of sizes) {
      const url = new RegExp(`<bt:Image id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]+)"`).exec(
        xml,
      )?.[1];
      expect(url).toBeDefined();
      expect(pngSize(assetFile(url!))).toEqual({ width: size, height: size });
    }
    const icon = /<IconUrl DefaultValue="([^"]+)"/.exec(xml)![1];
    const highRes = /<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(xml)![1];
    expect(pngSize(assetFile(icon))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(highRes))).toEqual({ width: 64, height: 64 });
  });

  it("has the icons the store listing and ribbon need (16, 32, 64, 80, 128)", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const file = join(ROOT, "assets", `icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("uses only https URLs", () => {
    const urls = [
      ...attributes(xml, "DefaultValue").filter((v) => /^\w+:\/\//.test(v)),
      ...[...xml.matchAll(/<AppDomain>([^<]+)</g)].map((m) => m[1]),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });
});

describe("the manifest the build writes for another host", () => {
  const host = "https://addins.council.gov.uk/sdp/";
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sdp-manifest-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("points every URL at that host and still validates", () => {
    const out = transformWithTool(xml, host);
    expect(out).not.toContain("localhost");
    expect(out).toContain(`<SourceLocation DefaultValue="${host}taskpane.html"/>`);
    expect(out).toContain(`<bt:Url id="Commands.Url" DefaultValue="${host}commands.html"/>`);
    expect(out).toContain("<AppDomain>https://addins.council.gov.uk</AppDomain>");
    const file = join(dir, "manifest.xml");
    writeFileSync(file, out);
    const result = xmllint(file);
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  it("adds the missing trailing slash and keeps the dev URL when none is given", () => {
    expect(normaliseWithTool("https://addins.council.gov.uk/sdp").output).toBe(
      "https://addins.council.gov.uk/sdp/",
    );
    expect(normaliseWithTool("").output).toBe("https://localhost:3000/");
  });

  it("refuses a host that is not https", () => {
    const result = normaliseWithTool("http://addins.council.gov.uk/sdp/");
    expect(result.ok).toBe(false);
    expect(result.output).toContain("must start with https://");
  });
});
