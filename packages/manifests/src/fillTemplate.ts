export type TemplateValue = string | boolean | readonly string[];

const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([A-Z0-9_]+)\}\}$/;

/**
 * Replaces `{{NAME}}` in every string of a JSON template. A string that is exactly one placeholder
 * takes the value as is, so a list can fill an array and a flag a boolean; inside longer strings
 * only text may go.
 * An unknown placeholder is a bug in the template and throws.
 */
export function fillTemplate(
  node: unknown,
  values: Readonly<Record<string, TemplateValue>>,
): unknown {
  const lookup = (name: string): TemplateValue => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return value;
  };
  if (typeof node === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(node);
    if (whole) {
      const value = lookup(whole[1]!);
      return typeof value === 'string' || typeof value === 'boolean' ? value : [...value];
    }
    return node.replace(PLACEHOLDER, (_, name: string) => {
      const value = lookup(name);
      if (typeof value !== 'string')
        throw new Error(`{{${name}}} is not text: it must fill a whole value`);
      return value;
    });
  }
  if (Array.isArray(node)) return node.map((item) => fillTemplate(item, values));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, fillTemplate(value, values)]),
    );
  }
  return node;
}
