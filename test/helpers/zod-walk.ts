/**
 * Walking the zod schemas of the contract: the named object types (every ZodObject exported from
 * src/schema), and for each its fields relative to it, stopping at fields that are named types.
 */
import type { z } from 'zod';
import * as schema from '../../src/schema/index.js';

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; items?: z.ZodType[]; shape?: Record<string, z.ZodType> };

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Exported object schemas by name (Document, Source, Indicator, Provenance, ResultLine, …), keyed by
 * their definition: `.describe()` makes a new schema object that shares the definition.
 */
export function namedTypes(): Map<Def, string> {
  const out = new Map<Def, string>();
  for (const [name, value] of Object.entries(schema)) {
    if (typeof value === 'object' && value !== null && '_zod' in value && defOf(value as z.ZodType).type === 'object') out.set(defOf(value as z.ZodType), name);
  }
  return out;
}

/** The schema under nullable/optional/default wrappers. */
export function unwrap(s: z.ZodType): z.ZodType {
  let current = s;
  for (;;) {
    const def = defOf(current);
    if (!['nullable', 'optional', 'default', 'prefault', 'readonly', 'nonoptional'].includes(def.type) || !def.innerType) return current;
    current = def.innerType;
  }
}

export interface FieldRef {
  /** The named type the field is documented under. */
  type: string;
  /** Path relative to that type: `target`, `parts[].label`, `rubric.id`. */
  field: string;
  /** The full path from the root: `indicators[].target`. */
  fullPath: string;
}

/**
 * Every field below a named root type, each attributed to the named type that declares it: for
 * `Document`, `indicators[].target.value` is field `value` of `Quantity`, reached through
 * `Indicator.target` and `Document.indicators`.
 */
export function fieldRefs(root: z.ZodType, names = namedTypes()): FieldRef[] {
  const out: FieldRef[] = [];
  const visit = (s: z.ZodType, type: string, relative: string, full: string): void => {
    const inner = unwrap(s);
    const named = names.get(defOf(inner));
    if (named !== undefined && relative !== '') {
      // A named type inside another: its fields are documented under its own name.
      visit(inner, named, '', full);
      return;
    }
    const def = defOf(inner);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) {
        const field = relative === '' ? key : `${relative}.${key}`;
        const path = full === '' ? key : `${full}.${key}`;
        out.push({ type, field, fullPath: path });
        visit(child, type, field, path);
      }
    } else if (def.type === 'array' && def.element) visit(def.element, type, `${relative}[]`, `${full}[]`);
    else if (def.type === 'record' && def.valueType) visit(def.valueType, type, `${relative}{}`, `${full}{}`);
    else if (def.type === 'tuple') for (const item of def.items ?? []) visit(item, type, `${relative}[]`, `${full}[]`);
  };
  const name = names.get(defOf(root));
  if (name === undefined) throw new Error('not a named type');
  visit(root, name, '', '');
  return out;
}
