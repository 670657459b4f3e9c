const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A table or column name for SQL text, double-quoted. Names are code constants, but they are still
 * checked (lowercase letters, digits, underscores; PostgreSQL's 63-byte limit), so a mistake can never
 * become an injection.
 */
export function sqlIdentifier(name: string): string {
  if (!SAFE_IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
