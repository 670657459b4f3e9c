/** OAuth scopes; `admin` ⊃ `write` ⊃ `read` (auth.md). */
export enum Scope {
  Read = 'read',
  Write = 'write',
  Admin = 'admin',
}

const RANK: Record<Scope, number> = { [Scope.Read]: 1, [Scope.Write]: 2, [Scope.Admin]: 3 };

export function parseScopes(value: string): Scope[] {
  return value.split(/\s+/).filter((s): s is Scope => (Object.values(Scope) as string[]).includes(s));
}

export function scopesAllow(granted: readonly Scope[], needed: Scope): boolean {
  return granted.some((scope) => RANK[scope] >= RANK[needed]);
}
