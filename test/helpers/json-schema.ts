/**
 * Just enough of JSON Schema (2020-12) to check a value against the schema reflect publishes:
 * the keywords toJsonSchema() writes, nothing more. No schema validator is a dependency, and
 * the point is to hold the published schema and the validator to the same answers.
 */
type Schema = Record<string, unknown>;

export function fitsSchema(value: unknown, schema: Schema, root: Schema = schema): boolean {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((s, part) => (s as Schema)[part], root);
    return fitsSchema(value, target as Schema, root);
  }
  if (schema.type !== undefined && ![schema.type].flat().some((t) => hasType(value, t as string))) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s) => fitsSchema(value, s as Schema, root)).length !== 1) return false;
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (schema.items && !value.every((item) => fitsSchema(item, schema.items as Schema, root))) return false;
  }
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Schema;
    for (const key of (schema.required ?? []) as string[]) if (!Object.hasOwn(value, key)) return false;
    for (const [key, item] of Object.entries(value)) {
      if (schema.propertyNames && !fitsSchema(key, schema.propertyNames as Schema, root)) return false;
      if (Object.hasOwn(properties, key)) {
        if (!fitsSchema(item, properties[key] as Schema, root)) return false;
      } else if (schema.additionalProperties === false) {
        return false;
      } else if (isObject(schema.additionalProperties) && !fitsSchema(item, schema.additionalProperties, root)) {
        return false;
      }
    }
  }
  return true;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      throw new Error(`fitsSchema does not know the type "${type}"`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
