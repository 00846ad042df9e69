/**
 * The add-in manifest: valid against Microsoft's XSDs (offline, with xmllint), every resid
 * defined with the right kind of resource, every icon present at its declared pixel size,
 * every URL https, and the manifest the build writes for another host valid too.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { RIBBON_FUNCTIONS } from "../../src/commands/ribbon";
import { MINIMUM_SET } from "../../src/excel/requirements";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");
const XSD = join(ROOT, "tests", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
const xml = readFileSync(MANIFEST, "utf8");

/**
 * The manifest without its `<Runtimes>` element, for the schema copies of 2020, which predate it
 * (tests/schemas/office-addin-manifest/README.md). That one element is checked against Microsoft's
 * current manifest reference instead ("a shared runtime, as Learn documents it", below).
 */
function withoutRuntimes(source: string): string {
  const out = source.replace(/\n[ \t]*<Runtimes>[\s\S]*?<\/Runtimes>/, "");
  expect(out).not.toBe(source);
  expect(out).not.toMatch(/<\/?Runtimes?[\s>/]/);
  return out;
}

function xmllintWithoutRuntimes(source: string, dir: string): { ok: boolean; output: string } {
  const file = join(dir, "manifest-without-runtimes.xml");
  writeFileSync(file, withoutRuntimes(source));
  return xmllint(file);
}

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
  Runtime: "Urls",
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
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sdp-manifest-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("validates against the OfficeApp 1.1 schema, all but <Runtimes> (newer than the schema copies)", () => {
    // The 2020 schema copies reject <Runtimes> (they predate it): the manifest as committed fails
    // there on that element alone, and validates without it. The element itself is checked below.
    const whole = xmllint(MANIFEST);
    expect(whole.ok).toBe(false);
    expect(whole.output).toMatch(/Element '\{[^}]+\}Runtimes': This element is not expected/);
    expect(whole.output.match(/Schemas validity error/g)).toHaveLength(1);
    const result = xmllintWithoutRuntimes(xml, dir);
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
    expect(out).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${host}taskpane.html"/>`);
    expect(out).toContain("<AppDomain>https://addins.council.gov.uk</AppDomain>");
    // The shared runtime survives the rewrite: still one page for pane, functions and runtime.
    expect(out).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(out).toContain('<FunctionFile resid="Taskpane.Url"/>');
    const result = xmllintWithoutRuntimes(out, dir);
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

interface XmlNode {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** The manifest as a tree of elements (local names, namespace URIs, attributes by qualified name). */
function parseXml(source: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: "#document", ns: "", attributes: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  parser.on("opentag", (tag) => {
    const node: XmlNode = {
      name: tag.local,
      ns: tag.uri,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
      children: [],
      text: "",
    };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on("text", (text) => {
    stack[stack.length - 1].text += text;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(source).close();
  return root;
}

function all(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.filter((c) => c.name === name);
  expect({ parent: node.name, name, count: found.length }).toEqual({ parent: node.name, name, count: 1 });
  return found[0];
}

/**
 * The <Runtimes> element, which the 2020 schema copies predate, checked against Microsoft's current
 * manifest reference as Learn writes it:
 *   https://learn.microsoft.com/javascript/api/manifest/runtimes
 *   https://learn.microsoft.com/javascript/api/manifest/runtime
 *   https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime
 *   https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
 */
describe("a shared runtime, as Learn documents it", () => {
  const TASKPANE_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
  const doc = parseXml(xml);
  const officeApp = child(doc, "OfficeApp");
  const overrides = child(officeApp, "VersionOverrides");
  const host = child(child(overrides, "Hosts"), "Host");
  const runtimes = child(host, "Runtimes");
  const runtime = child(runtimes, "Runtime");
  const urls = all(child(overrides, "Resources"), "Url");

  it("puts <Runtimes> in the Task pane 1.0 VersionOverrides, as the first child of the Workbook <Host>", () => {
    // "Valid only in these VersionOverrides schemas: Task pane 1.0"; "Child of the <Host> element";
    // "The <Runtimes> section must be entered after the <Host> element in the exact order shown".
    expect(overrides.ns).toBe(TASKPANE_OVERRIDES);
    expect(overrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(host.attributes["xsi:type"]).toBe("Workbook");
    expect(runtimes.ns).toBe(TASKPANE_OVERRIDES);
    expect(host.children[0]).toBe(runtimes);
    // "At present, you can only define one <Runtime> element."
    expect(runtimes.children.map((c) => c.name)).toEqual(["Runtime"]);
    expect(all(doc, "Runtimes")).toHaveLength(1);
  });

  it('gives <Runtime> a resid of at most 32 characters naming a <bt:Url>, and lifetime="long"', () => {
    // Attributes: resid (required, "no more than 32 characters and must match an id attribute of a
    // Url element in the Resources element") and lifetime ("If you want to use a shared runtime in
    // an Excel add-in, explicitly set the value to long").
    expect(Object.keys(runtime.attributes).sort()).toEqual(["lifetime", "resid"]);
    expect(runtime.attributes.lifetime).toBe("long");
    const resid = runtime.attributes.resid;
    expect(resid.length).toBeLessThanOrEqual(32);
    const url = urls.filter((u) => u.attributes.id === resid);
    expect(url).toHaveLength(1);
    // The page it names is the task pane's own page, the one the base manifest opens.
    const pane = child(child(officeApp, "DefaultSettings"), "SourceLocation").attributes.DefaultValue;
    expect(url[0].attributes.DefaultValue).toBe(pane);
    expect(pane).toMatch(/\/taskpane\.html$/);
  });

  it("uses that one resid for the FunctionFile and every task pane (one task pane only)", () => {
    // "The shared runtime won't load if the resid uses different values in the manifest."
    const resid = runtime.attributes.resid;
    const functionFiles = all(host, "FunctionFile");
    expect(functionFiles.length).toBeGreaterThan(0);
    for (const f of functionFiles) expect(f.attributes.resid).toBe(resid);
    const showPane = all(host, "Action").filter((a) => a.attributes["xsi:type"] === "ShowTaskpane");
    expect(showPane.length).toBeGreaterThan(0);
    for (const a of showPane) expect(child(a, "SourceLocation").attributes.resid).toBe(resid);
    // "A shared runtime only supports the use of one task pane": one TaskpaneId throughout.
    expect(new Set(showPane.map((a) => child(a, "TaskpaneId").text.trim())).size).toBe(1);
    // No resource left for a separate commands page.
    expect(urls.map((u) => u.attributes.id)).not.toContain("Commands.Url");
  });

  it("names exactly the functions the pane's page associates, each an ExecuteFunction button", () => {
    const names = all(host, "Action")
      .filter((a) => a.attributes["xsi:type"] === "ExecuteFunction")
      .map((a) => child(a, "FunctionName").text.trim());
    expect(names.sort()).toEqual([...RIBBON_FUNCTIONS].sort());
    // The page registers them at load (tests/taskpane/ribbon-commands.test.ts runs the registration).
    const entry = readFileSync(join(ROOT, "src", "taskpane", "index.tsx"), "utf8");
    expect(entry).toMatch(/registerRibbonCommands\(officeRibbon\(\), ribbon\)/);
  });

  it("does not require SharedRuntime in the base manifest (it would keep the add-in off hosts where the pane alone works)", () => {
    // Learn (Requirements element): a set named in the base <Requirements> stops the add-in
    // activating wherever it is missing. Every host that runs ExcelApi 1.13 and shows add-in
    // commands has SharedRuntime 1.1; where it is missing the buttons still work (ribbon.ts).
    const sets = all(child(officeApp, "Requirements"), "Set").map((s) => s.attributes.Name);
    expect(sets).toEqual(["ExcelApi"]);
  });
});

describe("the build writes the shared-runtime manifest with one page", () => {
  it("builds no separate commands page; the pane's page is the function file", () => {
    const config = readFileSync(join(ROOT, "webpack.config.js"), "utf8");
    expect(config).not.toMatch(/commands\.html"/);
    expect(config).not.toMatch(/src\/commands\/commands/);
    expect(config).toMatch(/from: "manifest\.xml"[\s\S]*transformManifest/);
  });
});
