/** Base of every proxy object: load() queues, unloaded properties throw PropertyNotLoaded, OrNullObject. */
import type { MemoryRequestContext } from "./context";
import { MemoryOfficeError, propertyNotLoaded } from "./errors";

export type LoadOption = string | string[] | { select?: string };

export function loadNames(option: LoadOption | undefined, owner: string): string[] {
  const text =
    typeof option === "string" ? option : Array.isArray(option) ? option.join(",") : option?.select;
  const names = (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (names.length === 0)
    throw new Error(
      `memory Excel: name the properties to load on ${owner} (a bare load() loads everything and is not supported).`,
    );
  return names;
}

export class ClientResult<T> {
  private loaded = false;
  private current: T | undefined;
  get value(): T {
    if (!this.loaded) throw propertyNotLoaded("value", "ClientResult");
    return this.current as T;
  }
  set(value: T): void {
    this.loaded = true;
    this.current = value;
  }
}

export abstract class MemoryObject {
  protected readonly loadedProps = new Map<string, unknown>();

  constructor(
    readonly context: MemoryRequestContext,
    protected readonly typeName: string,
    private readonly nullable = false,
  ) {
    if (nullable) {
      context.enqueue({
        run: () => this.resolvesToNull(),
        deliver: (isNull) => this.loadedProps.set("isNullObject", isNull),
      });
    }
  }

  get isNullObject(): boolean {
    return this.prop<boolean>("isNullObject");
  }

  protected prop<T>(name: string): T {
    if (!this.loadedProps.has(name)) throw propertyNotLoaded(name, this.typeName);
    return this.loadedProps.get(name) as T;
  }

  /** At sync time: true when this is a null object; throws ItemNotFound when a required item is missing. */
  protected abstract resolvesToNull(): boolean;

  /** At sync time, on a resolved (non-null) object. */
  protected abstract readProperty(name: string): unknown;

  /** Child objects reachable with "child/property" load paths. */
  protected child(name: string): MemoryObject | null {
    void name;
    return null;
  }

  load(option?: LoadOption): this {
    const names = loadNames(option, this.typeName);
    const direct: string[] = [];
    const nested = new Map<string, string[]>();
    for (const name of names) {
      const slash = name.indexOf("/");
      if (slash < 0) direct.push(name);
      else
        nested.set(name.slice(0, slash), [
          ...(nested.get(name.slice(0, slash)) ?? []),
          name.slice(slash + 1),
        ]);
    }
    for (const [childName, props] of nested) {
      const child = this.child(childName);
      if (!child)
        throw new MemoryOfficeError("InvalidArgument", `${this.typeName} has no ${childName} to load.`);
      child.load(props);
    }
    if (direct.length > 0) {
      this.context.enqueue({
        run: () => {
          const isNull = this.resolvesToNull();
          const out: Record<string, unknown> = {};
          for (const name of direct) out[name] = isNull ? null : this.readProperty(name);
          return out;
        },
        deliver: (response) => {
          for (const [name, value] of Object.entries(response as Record<string, unknown>))
            this.loadedProps.set(name, value);
          if (!this.nullable) this.loadedProps.set("isNullObject", false);
        },
      });
    }
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

export function unknownProperty(type: string, name: string): MemoryOfficeError {
  return new MemoryOfficeError("InvalidArgument", `${type} has no property '${name}' in the memory Excel.`);
}

export function notFound(what: string): MemoryOfficeError {
  return new MemoryOfficeError("ItemNotFound", `The requested resource doesn't exist (${what}).`);
}
