import { Role } from '../role';
import { personScope } from './person-scope';
import { projectScope } from './project-scope';
import { ScopeSubject } from './scope-subject';
import { namespaced, SqlPredicate, sqlReference } from './sql-fragment';

/**
 * Which contracts the caller sees (roles.md "listContracts, getContract"), as a predicate on the contracts alias
 * `c` and its project's alias `p`: OW/EM all (null); TM the contracts of the members of managed teams plus their
 * own (the person scope); PM the contracts on managed projects plus their own; RU their own; PV the contracts on
 * projects assigned to them (the project scope).
 */
export function contractScope(auth: ScopeSubject, contractAlias: string, projectAlias: string, ns = 'contract_scope'): SqlPredicate | null {
  const c = sqlReference(contractAlias);
  const param = namespaced(ns);
  switch (auth.role) {
    case Role.Owner:
    case Role.ExecutiveManager:
      return null;
    case Role.ProjectManager: {
      const managed = projectScope(auth, projectAlias, param('project')) as SqlPredicate;
      const own = `:${param('user_id')}`;
      return { sql: `(${c}.user_id = ${own} OR ${managed.sql})`, params: { ...managed.params, [param('user_id')]: auth.userId } };
    }
    case Role.ProjectViewer:
      return projectScope(auth, projectAlias, param('project'));
    case Role.TeamManager:
    case Role.RegularUser:
      return personScope(auth, `${c}.user_id`, param('person'));
  }
}
