/** Walking a generated JSON Schema: every property with its path and whether it is described. */

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  prefixItems?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
}

export interface PropertyPath {
  /** Dotted path; `[]` for array items, `{}` for record values: `indicators[].target.value`, `facts{}.unit`. */
  path: string;
  node: SchemaNode;
  described: boolean;
}

/** The non-null branches of a node (a nullable field is anyOf [T, null]). */
export function branches(node: SchemaNode): SchemaNode[] {
  const alternatives = node.anyOf ?? node.oneOf;
  if (!alternatives) return [node];
  return alternatives.filter((a) => a.type !== 'null').flatMap(branches);
}

/** A property is described when it, or its single non-null branch, carries a description. */
function isDescribed(node: SchemaNode): boolean {
  if (typeof node.description === 'string' && node.description.trim() !== '') return true;
  const alternatives = branches(node);
  return alternatives.length > 0 && alternatives.every((a) => typeof a.description === 'string' && a.description.trim() !== '');
}

/** Every property path below a node, depth first. */
export function propertyPaths(node: SchemaNode, prefix = ''): PropertyPath[] {
  const out: PropertyPath[] = [];
  for (const branch of branches(node)) {
    for (const [name, child] of Object.entries(branch.properties ?? {})) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      out.push({ path, node: child, described: isDescribed(child) });
      out.push(...propertyPaths(child, path));
    }
    if (branch.items && !Array.isArray(branch.items)) out.push(...propertyPaths(branch.items, `${prefix}[]`));
    for (const item of branch.prefixItems ?? []) out.push(...propertyPaths(item, `${prefix}[]`));
    if (typeof branch.additionalProperties === 'object') out.push(...propertyPaths(branch.additionalProperties, `${prefix}{}`));
  }
  // A path reached through two branches is listed once.
  return out.filter((p, i) => out.findIndex((q) => q.path === p.path) === i);
}
