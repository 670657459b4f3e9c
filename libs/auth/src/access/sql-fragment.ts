/** A SQL predicate with its named (TypeORM `:name`) parameters, namespaced so several can share one query. */
export interface SqlPredicate {
  sql: string;
  params: Record<string, unknown>;
}

const REFERENCE = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * Aliases and column references are code constants, never client input; this check keeps a typo (or a
 * future misuse) from ever becoming SQL injection.
 */
export function sqlReference(name: string): string {
  if (!REFERENCE.test(name)) throw new Error(`not a safe SQL alias or column reference: ${name}`);
  return name;
}

/** `:ns_name` placeholders: each predicate instance gets its own namespace. */
export function namespaced(ns: string): (name: string) => string {
  sqlReference(ns);
  return (name) => `${ns}_${name}`;
}
