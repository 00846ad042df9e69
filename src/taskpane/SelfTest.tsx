/**
 * "Test this Excel" (Settings): runs the add-in's conformance scenarios (src/excel/conformance.ts,
 * the same list the test suite runs against the in-memory Excel) on a temporary sheet that it
 * deletes afterwards, and shows a report to copy for the IT team: host, platform, the ExcelApi
 * sets this Excel supports, each scenario passed or failed with Excel's own error.
 */
import { useState } from "react";
import { Button, Field, Textarea } from "@fluentui/react-components";
import { conformanceReport, runConformance } from "../excel/conformance";
import { officeRun } from "../excel/run";
import { copyText } from "./clipboard";
import { errorText } from "./notices";

interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function officeInfo(): { host: string; platform: string; supports: (v: string) => boolean; sets: string[] } {
  const office = (
    globalThis as {
      Office?: { context?: { host?: unknown; platform?: unknown; requirements?: RequirementsLike } };
    }
  ).Office;
  const req = office?.context?.requirements;
  const supports = (v: string) => (req ? req.isSetSupported("ExcelApi", v) : true);
  const sets = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`).filter(supports);
  return {
    host: typeof office?.context?.host === "string" ? office.context.host : "not reported (preview)",
    platform: typeof office?.context?.platform === "string" ? office.context.platform : "not reported",
    supports,
    sets: req ? sets : [],
  };
}

export function SelfTest() {
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<string | null>(null);

  const runTest = async () => {
    setRunning(true);
    const info = officeInfo();
    try {
      const results = await runConformance(officeRun, { supports: info.supports });
      setReport(conformanceReport(info, results));
    } catch (error) {
      setReport(`SDP Assistant: Test this Excel\nThe test could not run: ${errorText(error)}`);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div>
      <Button disabled={running} onClick={() => void runTest()}>
        {running ? "Testing this Excel…" : "Test this Excel"}
      </Button>
      {report && (
        <Field label="Self-test report (adds and removes a temporary tab; your data is not changed)">
          <Textarea readOnly value={report} rows={Math.min(14, report.split("\n").length + 1)} />
          <Button onClick={() => void copyText(report)}>Copy report</Button>
        </Field>
      )}
    </div>
  );
}
