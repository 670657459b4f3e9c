import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../errors/api-exception';

/** One allowed move: `action` takes a row in state `from` to state `to`. */
export interface Transition<S extends string, A extends string> {
  readonly from: S;
  readonly action: A;
  readonly to: S;
}

export interface StateMachine<S extends string, A extends string> {
  /** The resource as it reads inside a sentence, e.g. `timesheet`, `leave request`. */
  readonly noun: string;
  readonly transitions: readonly Transition<S, A>[];
  /**
   * The 409 for an action the current state does not allow; by default
   * `Cannot approve a timesheet that is approved.` Modules whose message is fixed by the reference
   * (`Time request is not pending.`) pass their error catalog entry here.
   */
  readonly conflict?: (from: S, action: A) => ApiException;
}

/**
 * A module's lifecycle as data, e.g.
 * `defineStateMachine<TimesheetStatus, TimesheetAction>('timesheet', [{ from: 'submitted', action: 'approve', to: 'approved' }, ...])`.
 * Refuses a table that lists the same (from, action) twice, so the table is a function.
 */
export function defineStateMachine<S extends string, A extends string>(
  noun: string,
  transitions: readonly Transition<S, A>[],
  conflict?: (from: S, action: A) => ApiException,
): StateMachine<S, A> {
  const seen = new Set<string>();
  for (const { from, action } of transitions) {
    const key = `${from}\u0000${action}`;
    if (seen.has(key)) throw new Error(`State machine "${noun}" lists "${action}" from "${from}" twice.`);
    seen.add(key);
  }
  return { noun, transitions, ...(conflict ? { conflict } : {}) };
}

/** The state `action` leads to from `from`, or undefined when the machine does not allow it. */
export function nextState<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, action: A): S | undefined {
  return machine.transitions.find((transition) => transition.from === from && transition.action === action)?.to;
}

/** The states from which `action` is allowed (for messages such as "must be in 'submitted' status"). */
export function statesAllowing<S extends string, A extends string>(machine: StateMachine<S, A>, action: A): S[] {
  return machine.transitions.filter((transition) => transition.action === action).map((transition) => transition.from);
}

export function transitionConflict<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, action: A): ApiException {
  if (machine.conflict) return machine.conflict(from, action);
  const article = /^[aeiou]/i.test(machine.noun) ? 'an' : 'a';
  return new ApiException(HttpStatus.CONFLICT, `Cannot ${action} ${article} ${machine.noun} that is ${from}.`);
}

/** Like `nextState`, but a disallowed action is the machine's 409. */
export function requireTransition<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, action: A): S {
  const to = nextState(machine, from, action);
  if (to === undefined) throw transitionConflict(machine, from, action);
  return to;
}
