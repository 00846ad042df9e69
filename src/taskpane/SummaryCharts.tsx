/**
 * The Summary view's pictures, hand-drawn SVG (no chart library): a stacked RAG bar per tab and
 * for the whole plan, overdue actions by owner, and the trend across the kept reviews. Loaded on
 * first use (summaryLazy.ts). Colour is never the only signal: every bar is labelled with its
 * counts in words beside it, the SVGs are decoration (aria-hidden) and each picture has a table
 * (a native <details>, reachable and opened by keyboard) with the same figures.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PlanResult, Rating } from "../core";
import { RATING_PALETTE } from "../core/palette";
import { formatDay } from "../core/day-text";
import type { TrendPoint } from "../core/reviews";

type Key = Rating | "none";
const KEYS: Key[] = ["blue", "green", "amber", "red", "none"];
const NONE_FILL = "#D6D6D6";
const fill = (k: Key): string => (k === "none" ? NONE_FILL : RATING_PALETTE[k].fill);

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { display: "block", width: "100%", height: "18px" },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  key: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: "4px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: "2px 4px",
      textAlign: "left",
    },
    "& td.n": { textAlign: "right" },
  },
  scroll: { overflowX: "auto" },
  owner: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 9em) 1fr auto",
    alignItems: "center",
    gap: "4px",
  },
  ownerName: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export interface ChartProps {
  result: PlanResult;
  words: Record<Key, string>;
  trend: TrendPoint[];
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function countsText(rag: Record<Key, number>, words: Record<Key, string>): string {
  return KEYS.filter((k) => rag[k] > 0)
    .map((k) => `${capital(words[k])} ${rag[k]}`)
    .join(", ");
}

/** Where each rating's segment starts and how wide it is, in per cent of the bar. */
function segments(rag: Record<Key, number>, total: number): { k: Key; x: number; w: number }[] {
  const out: { k: Key; x: number; w: number }[] = [];
  let x = 0;
  for (const k of KEYS) {
    const w = total > 0 ? (100 * rag[k]) / total : 0;
    out.push({ k, x, w });
    x += w;
  }
  return out;
}

function StackedBar({ rag, total }: { rag: Record<Key, number>; total: number }) {
  const styles = useStyles();
  return (
    <svg
      className={styles.bar}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="0" y="0" width="100" height="10" fill="#FFFFFF" stroke="#8A8A8A" strokeWidth="0.3" />
      {segments(rag, total).map(({ k, x, w }) => (
        <rect key={k} x={x} y="0" width={w} height="10" fill={fill(k)} stroke="#FFFFFF" strokeWidth="0.4" />
      ))}
    </svg>
  );
}

function Key({ words }: { words: Record<Key, string> }) {
  const styles = useStyles();
  return (
    <p className={styles.key} aria-hidden="true">
      {KEYS.map((k) => (
        <span key={k}>
          <span className={styles.swatch} style={{ background: fill(k) }} />
          {capital(words[k])}
        </span>
      ))}
    </p>
  );
}

/** A stacked bar per tab and for the whole plan, each with its counts in words. */
export function RagBars({ result, words }: Omit<ChartProps, "trend">) {
  const styles = useStyles();
  const rows = [
    ...result.sheets.map((s) => ({ name: s.name, summary: s.summary })),
    { name: "Whole plan", summary: result.summary },
  ];
  return (
    <section className={styles.block} aria-labelledby="chart-rag">
      <h3 id="chart-rag">Ratings by tab</h3>
      <Key words={words} />
      {rows.map((r) => (
        <div key={r.name}>
          <p className={styles.name}>
            {r.name} ({r.summary.actions} actions)
          </p>
          <StackedBar rag={r.summary.rag} total={r.summary.actions} />
          <p className={styles.caption}>{countsText(r.summary.rag, words) || "No actions"}</p>
        </div>
      ))}
      <details>
        <summary>Ratings by tab as a table</summary>
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Tab</th>
                {KEYS.map((k) => (
                  <th scope="col" key={k}>
                    {capital(words[k])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  {KEYS.map((k) => (
                    <td className="n" key={k}>
                      {r.summary.rag[k]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** How many overdue actions each owner has, most first (at most 8 owners named; the rest together). */
export function overdueByOwner(result: PlanResult, limit = 8): { owner: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const o of result.summary.overdue) {
    const owner = o.owner.trim() || "(no owner)";
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  const sorted = [...counts.entries()]
    .map(([owner, count]) => ({ owner, count }))
    .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner, "en-GB"));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit - 1).reduce((t, x) => t + x.count, 0);
  return [...sorted.slice(0, limit - 1), { owner: `${sorted.length - limit + 1} other owners`, count: rest }];
}

export function OverdueByOwner({ result }: { result: PlanResult }) {
  const styles = useStyles();
  const owners = overdueByOwner(result);
  const max = Math.max(1, ...owners.map((o) => o.count));
  return (
    <section className={styles.block} aria-labelledby="chart-owner">
      <h3 id="chart-owner">Overdue by owner</h3>
      {owners.length === 0 ? (
        <p>No action is overdue.</p>
      ) : (
        <ul className={styles.block} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {owners.map((o) => (
            <li key={o.owner} className={styles.owner}>
              <span className={styles.ownerName} title={o.owner}>
                {o.owner}
              </span>
              <svg
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                style={{ width: "100%", height: "12px" }}
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y="0" width={(100 * o.count) / max} height="10" fill={RATING_PALETTE.red.fill} />
              </svg>
              <span>{o.count} overdue</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The kept reviews, oldest first: a 100% stacked column per review, its date and share of green/blue below. */
export function Trend({ trend, words }: { trend: TrendPoint[]; words: Record<Key, string> }) {
  const styles = useStyles();
  const good = `${capital(words.green)}/${words.blue}`;
  const w = 100 / Math.max(trend.length, 1);
  return (
    <section className={styles.block} aria-labelledby="chart-trend">
      <h3 id="chart-trend">Trend across reviews</h3>
      {trend.length < 2 && (
        <p>
          The trend starts with this review: each Summarise at a new date adds a point (the last 12 are kept).
        </p>
      )}
      <svg
        viewBox="0 0 100 40"
        style={{ width: "100%", height: "120px" }}
        aria-hidden="true"
        focusable="false"
      >
        {trend.map((p, i) => (
          <g key={p.asOf}>
            {segments(p.rag, p.actions).map(({ k, x, w: share }) => (
              <rect
                key={k}
                x={i * w + w * 0.15}
                y={40 - (40 * (x + share)) / 100}
                width={w * 0.7}
                height={(40 * share) / 100}
                fill={fill(k)}
                stroke="#FFFFFF"
                strokeWidth="0.3"
              />
            ))}
          </g>
        ))}
      </svg>
      <ol className={styles.key} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {trend.map((p) => (
          <li key={p.asOf} style={{ flex: 1, textAlign: "center" }}>
            {formatDay(p.asOf)}: {percent(p.rag.green + p.rag.blue, p.actions)}% {good}
          </li>
        ))}
      </ol>
      <details>
        <summary>Trend as a table</summary>
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Review (as at)</th>
                {KEYS.map((k) => (
                  <th scope="col" key={k}>
                    {capital(words[k])}
                  </th>
                ))}
                <th scope="col">Overdue</th>
                <th scope="col">Complete</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.asOf}>
                  <th scope="row">{formatDay(p.asOf)}</th>
                  {KEYS.map((k) => (
                    <td className="n" key={k}>
                      {p.rag[k]}
                    </td>
                  ))}
                  <td className="n">{p.overdue}</td>
                  <td className="n">{p.complete}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

/** All three pictures (the lazily loaded chunk's one export). */
export function SummaryCharts(props: ChartProps) {
  return (
    <>
      <RagBars result={props.result} words={props.words} />
      <OverdueByOwner result={props.result} />
      <Trend trend={props.trend} words={props.words} />
    </>
  );
}
