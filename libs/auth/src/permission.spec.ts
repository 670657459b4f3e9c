import { describe, expect, it } from '@jest/globals';
import { Permission, PERMISSION_RULES } from './permission';
import { Role } from './role';
import { Scope } from './scope';

describe('permission table', () => {
  it('has a rule for every permission', () => {
    expect(Object.keys(PERMISSION_RULES).sort()).toEqual(Object.values(Permission).sort());
  });

  it('needs read for GETs and write for project changes (auth.md)', () => {
    expect(PERMISSION_RULES[Permission.ProjectsList].scope).toBe(Scope.Read);
    expect(PERMISSION_RULES[Permission.ProjectsCreate].scope).toBe(Scope.Write);
    expect(PERMISSION_RULES[Permission.ProjectsArchive].scope).toBe(Scope.Write);
  });

  it('limits project changes to Owners and Executive managers (roles.md)', () => {
    for (const permission of [Permission.ProjectsCreate, Permission.ProjectsUpdate, Permission.ProjectsArchive]) {
      expect(PERMISSION_RULES[permission].roles).toEqual([Role.Owner, Role.ExecutiveManager]);
    }
    expect(PERMISSION_RULES[Permission.ProjectsList].roles).toHaveLength(6);
  });
});
