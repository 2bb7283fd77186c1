/**
 * JSON shapes for the contract test: what a set of real answers (the fixtures) looks like, and
 * where another answer (the sandbox's) differs from it. Keys and value types are compared,
 * recursively; values are not.
 */

/** A value's type as the contract sees it: Chat2Desk's time strings are told apart from other strings. */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'time' | 'array' | 'object';

/** What every sample of one place in an answer looked like. */
export interface JsonShape {
  types: Set<JsonType>;
  /** Object keys: their shape, and whether every object sample had them. */
  keys: Map<string, { shape: JsonShape; always: boolean }>;
  /** The shape of array items (undefined when every sample array was empty). */
  items: JsonShape | undefined;
  /** How many samples were objects. */
  objects: number;
}

// Chat2Desk's time formats, written out here rather than taken from the proxy's parser, so
// the contract does not share the code it checks.
const TIME_FORMATS = [/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d UTC$/, /^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/];

/** The contract type of a JSON value. */
export function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return TIME_FORMATS.some((format) => format.test(value)) ? 'time' : 'string';
  if (typeof value === 'number' || typeof value === 'boolean') return typeof value as 'number' | 'boolean';
  return 'object';
}

function emptyShape(): JsonShape {
  return { types: new Set(), keys: new Map(), items: undefined, objects: 0 };
}

function addSample(shape: JsonShape, value: unknown): void {
  const type = jsonType(value);
  shape.types.add(type);
  if (type === 'array') {
    for (const item of value as unknown[]) {
      shape.items ??= emptyShape();
      addSample(shape.items, item);
    }
  }
  if (type === 'object') {
    shape.objects++;
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) {
      let entry = shape.keys.get(key);
      if (!entry) {
        // A key first seen after other objects was missing from them.
        entry = { shape: emptyShape(), always: shape.objects === 1 };
        shape.keys.set(key, entry);
      }
      addSample(entry.shape, child);
    }
    for (const [key, entry] of shape.keys) if (!entries.some(([k]) => k === key)) entry.always = false;
  }
}

/** The shape every sample shares: the union of their keys and types. */
export function jsonShapeOf(samples: readonly unknown[]): JsonShape {
  const shape = emptyShape();
  for (const sample of samples) addSample(shape, sample);
  return shape;
}

/**
 * Where `value` differs from `shape`, one line each (`data.0.last_message: object expected,
 * got time`), empty when it fits. A null fits anywhere (Chat2Desk sends null for any field
 * without a value), and a place the samples only ever held null accepts anything.
 */
export function jsonShapeMismatches(value: unknown, shape: JsonShape, path = '$'): string[] {
  const type = jsonType(value);
  if (type === 'null' || (shape.types.size === 1 && shape.types.has('null'))) return [];
  const fits = shape.types.has(type) || (type === 'time' && shape.types.has('string'));
  if (!fits) return [`${path}: ${[...shape.types].join(' | ')} expected, got ${type} (${JSON.stringify(value)?.slice(0, 60)})`];
  const problems: string[] = [];
  if (type === 'array' && shape.items) {
    (value as unknown[]).forEach((item, i) => problems.push(...jsonShapeMismatches(item, shape.items as JsonShape, `${path}.${i}`)));
  }
  if (type === 'object' && shape.types.has('object')) {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const entry = shape.keys.get(key);
      if (!entry) problems.push(`${path}.${key}: not in the real answers`);
      else problems.push(...jsonShapeMismatches(object[key], entry.shape, `${path}.${key}`));
    }
    for (const [key, entry] of shape.keys) if (entry.always && !(key in object)) problems.push(`${path}.${key}: missing`);
  }
  return problems;
}
