import { describe, expect, it } from '@jest/globals';
import { parseScopes, Scope, scopesAllow } from './scope';

describe('scopes', () => {
  it('orders admin ⊃ write ⊃ read', () => {
    expect(scopesAllow([Scope.Admin], Scope.Read)).toBe(true);
    expect(scopesAllow([Scope.Write], Scope.Read)).toBe(true);
    expect(scopesAllow([Scope.Write], Scope.Admin)).toBe(false);
    expect(scopesAllow([Scope.Read], Scope.Write)).toBe(false);
    expect(scopesAllow([], Scope.Read)).toBe(false);
  });

  it('parses space-separated scopes and drops unknown ones', () => {
    expect(parseScopes('read  write bogus')).toEqual([Scope.Read, Scope.Write]);
  });
});
