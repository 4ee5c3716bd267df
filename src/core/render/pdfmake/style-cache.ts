// Faster style lookups for pdfmake (same results): pdfmake resolves ~20 properties per text inline through its style stack.
import type { Patch } from "./patch.ts";

interface Stack {
  styleOverrides?: (string | Record<string, unknown>)[];
  styleDictionary: Record<string, Record<string, unknown> | undefined>;
  defaultStyle?: Record<string, unknown>;
  auto(item: unknown, callback: () => void): unknown;
  getProperty(property: string): unknown;
}

const isValue = (v: unknown) => v !== undefined && v !== null;

/** A property of a named style or the styles it extends (pdfmake's lookup, without a closure and Set per call). */
function fromStyle(stack: Stack, name: string, property: string, visited: Set<string> | undefined): unknown {
  if (visited?.has(name)) return undefined;
  const style = stack.styleDictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const seen = visited ?? new Set<string>();
    seen.add(name);
    const parents = (Array.isArray(style.extends) ? style.extends : [style.extends]) as string[];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromStyle(stack, parents[i] as string, property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

/**
 * While pdfmake measures one array of inlines, the stack stays the same: a property none of them sets is looked up
 * once for all of them.
 */
let measuring: { stack: Stack; values: Map<string, unknown> } | undefined;

export const styleCache: Patch = {
  id: "style-cache",
  kind: "speed",
  targets: [
    "StyleContextStack.getProperty",
    "StyleContextStack.static.getStyleProperty",
    "TextInlines.measure",
  ],
  upstream: "none filed: pdfmake's StyleContextStack allocates a closure and a Set per property lookup",
  apply(p) {
    p.wrap(
      "StyleContextStack.getProperty",
      () =>
        function (this: Stack, property: string) {
          const overrides = this.styleOverrides;
          if (overrides) {
            for (let i = overrides.length - 1; i >= 0; i--) {
              const item = overrides[i];
              if (typeof item === "string") {
                const value = fromStyle(this, item, property, undefined);
                if (isValue(value)) return value;
              } else if (item && isValue(item[property])) return item[property];
            }
          }
          return this.defaultStyle?.[property];
        },
    );
    p.wrap(
      "StyleContextStack.static.getStyleProperty",
      (original) => (item: unknown, stack: Stack | undefined, property: string, defaultValue: unknown) => {
        const own = (item as Record<string, unknown>)[property];
        if (isValue(own)) return own;
        if (!stack) return defaultValue;
        // pdfmake pushes the item (and its named styles) before looking up; without named styles the item itself adds
        // nothing, as it lacks the property.
        const obj = item as { style?: unknown; section?: unknown };
        if (typeof item !== "string" && !(item instanceof String) && obj.section === undefined && obj.style) {
          return original(item, stack, property, defaultValue);
        }
        let value: unknown;
        if (measuring?.stack === stack) {
          if (measuring.values.has(property)) value = measuring.values.get(property);
          else {
            value = stack.getProperty(property);
            measuring.values.set(property, value);
          }
        } else value = stack.getProperty(property);
        return isValue(value) ? value : defaultValue;
      },
    );
    p.wrap(
      "TextInlines.measure",
      (measure) =>
        function (this: unknown, array: unknown[], stack: Stack) {
          const outer = measuring;
          measuring = stack ? { stack, values: new Map() } : undefined;
          try {
            return measure.call(this, array, stack);
          } finally {
            measuring = outer;
          }
        },
    );
  },
};
