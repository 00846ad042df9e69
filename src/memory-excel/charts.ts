/** Charts of the in-memory Excel (kept as data: type, source, title, position). */
import type { MemoryRequestContext } from "./context";
import { MemoryOfficeError } from "./errors";
import { ClientResult, loadNames, MemoryObject, notFound, unknownProperty, type LoadOption } from "./object";
import type { RangeProxy } from "./range";
import { qualified } from "../excel/a1";
import type { MemChart, MemSheet } from "./state";

type ChartTarget = () => { sheet: MemSheet; chart: MemChart } | null;

export class ChartProxy extends MemoryObject {
  readonly title: { text: string };

  constructor(
    context: MemoryRequestContext,
    private readonly resolveTarget: ChartTarget,
    nullable = false,
  ) {
    super(context, "Chart", nullable);
    const title = {} as { text: string };
    Object.defineProperty(title, "text", {
      set: (text: string) => this.write(text, (c) => void (c.title = text)),
    });
    this.title = title;
  }

  private target(): { sheet: MemSheet; chart: MemChart } {
    const t = this.resolveTarget();
    if (!t) throw notFound("chart");
    return t;
  }

  protected resolvesToNull(): boolean {
    return this.resolveTarget() === null;
  }

  protected readProperty(name: string): unknown {
    const { chart } = this.target();
    if (name === "name") return chart.name;
    if (name === "id") return String(chart.id);
    throw unknownProperty("Chart", name);
  }

  preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loadedProps.set(k, v);
  }

  private write(request: unknown, apply: (chart: MemChart, sheet: MemSheet) => void): void {
    this.context.enqueue({
      request,
      run: () => {
        const t = this.target();
        this.context.guardWrite(t.sheet);
        apply(t.chart, t.sheet);
      },
    });
  }

  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this.write(value, (c) => void (c.name = value));
  }

  setPosition(startCell: string, endCell?: string): void {
    this.write(
      [startCell, endCell],
      (c) => void (c.position = endCell ? `${startCell}:${endCell}` : startCell),
    );
  }

  delete(): void {
    this.write("delete", (c, sheet) => void (sheet.charts = sheet.charts.filter((x) => x !== c)));
  }
}

export class ChartCollectionProxy extends MemoryObject {
  private loadedItems: ChartProxy[] | null = null;

  constructor(
    context: MemoryRequestContext,
    private readonly resolveSheet: () => MemSheet | null,
  ) {
    super(context, "ChartCollection");
  }

  private sheet(): MemSheet {
    const sheet = this.resolveSheet();
    if (!sheet) throw notFound("worksheet of these charts");
    return sheet;
  }

  protected resolvesToNull(): boolean {
    return this.resolveSheet() === null;
  }

  protected readProperty(name: string): unknown {
    if (name === "count") return this.sheet().charts.length;
    throw unknownProperty("ChartCollection", name);
  }

  override load(option?: LoadOption): this {
    const names = loadNames(option, "ChartCollection");
    const itemProps = names.filter((n) => n.startsWith("items/")).map((n) => n.slice(6));
    if (itemProps.length !== names.length) return super.load(names.filter((n) => !n.startsWith("items/")));
    this.context.enqueue({
      run: () =>
        (this.resolveSheet()?.charts ?? []).map((c) =>
          Object.fromEntries(
            itemProps.map((p) => [p, p === "name" ? c.name : p === "id" ? String(c.id) : null]),
          ),
        ),
      deliver: (rows) => {
        const sheet = this.resolveSheet();
        this.loadedItems = (rows as Record<string, unknown>[]).map((values, i) => {
          if (!sheet) throw notFound("worksheet of these charts");
          const chart = sheet.charts[i];
          const proxy = new ChartProxy(this.context, () =>
            sheet.charts.includes(chart) ? { sheet, chart } : null,
          );
          proxy.preload(values);
          return proxy;
        });
      },
    });
    return this;
  }

  get items(): ChartProxy[] {
    if (!this.loadedItems)
      throw new MemoryOfficeError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Load it first.",
      );
    return this.loadedItems;
  }

  add(type: string, source: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let created: MemChart | null = null;
    this.context.enqueue({
      request: [type, seriesBy],
      run: () => {
        const sheet = this.sheet();
        this.context.guardWrite(sheet);
        const t = source.target();
        // ChartSeriesBy "Auto" (Learn: Excel.ChartSeriesBy): Excel desktop guesses from the data's
        // shape (series in rows when there are more columns than rows); Excel on the web treats it
        // as columns. The fake stores what this platform would show, so a test sees the difference.
        const rows = t.box.bottom - t.box.top + 1;
        const cols = t.box.right - t.box.left + 1;
        const resolved =
          seriesBy !== "Auto"
            ? seriesBy
            : this.context.memory.platform === "web" || rows >= cols
              ? "Columns"
              : "Rows";
        const chart: MemChart = {
          id: this.context.memory.newId(),
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: qualified(t.sheet.name, t.box),
          seriesBy: resolved,
          title: "",
          position: null,
        };
        sheet.charts.push(chart);
        created = chart;
      },
    });
    return new ChartProxy(this.context, () => (created ? { sheet: this.sheet(), chart: created } : null));
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, () => {
      const sheet = this.sheet();
      const chart = sheet.charts.find((c) => c.name === name);
      if (!chart) throw notFound(`chart ${name}`);
      return { sheet, chart };
    });
  }

  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      () => {
        const sheet = this.sheet();
        const chart = sheet.charts.find((c) => c.name === name);
        return chart ? { sheet, chart } : null;
      },
      true,
    );
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue({ run: () => this.sheet().charts.length, deliver: (n) => result.set(n as number) });
    return result;
  }
}
