import { describe, expect, it } from '@jest/globals';
import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../errors/api-exception';
import { defineStateMachine, nextState, requireTransition, StateMachine, statesAllowing } from './state-machine';
import { sqlIdentifier } from './sql-identifier';

// Examples shaped after the reference (timesheets.md, time-requests.md, leaves.md); each module defines
// and owns its real machine.
type TimesheetStatus = 'pending' | 'submitted' | 'approved' | 'rejected';
type TimesheetAction = 'submit' | 'unsubmit' | 'approve' | 'reject';

const timesheetMachine: StateMachine<TimesheetStatus, TimesheetAction> = defineStateMachine<TimesheetStatus, TimesheetAction>(
  'timesheet',
  [
    { from: 'pending', action: 'submit', to: 'submitted' },
    { from: 'rejected', action: 'submit', to: 'submitted' },
    { from: 'submitted', action: 'unsubmit', to: 'pending' },
    { from: 'submitted', action: 'approve', to: 'approved' },
    { from: 'submitted', action: 'reject', to: 'rejected' },
  ],
  (_from, action) => {
    const states = statesAllowing(timesheetMachine, action).map((state) => `'${state}'`);
    return new ApiException(HttpStatus.CONFLICT, `Timesheet must be in ${states.join(' or ')} status.`);
  },
);

type RequestStatus = 'pending' | 'approved' | 'rejected';
type RequestAction = 'approve' | 'reject';

const timeRequestMachine = defineStateMachine<RequestStatus, RequestAction>('time request', [
  { from: 'pending', action: 'approve', to: 'approved' },
  { from: 'pending', action: 'reject', to: 'rejected' },
]);

const expenseMachine = defineStateMachine<RequestStatus, RequestAction>('expense', timeRequestMachine.transitions);

function conflictOf(run: () => unknown): ApiException {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiException) return error;
    throw error;
  }
  throw new Error('expected an ApiException');
}

describe('nextState', () => {
  it.each([
    ['pending', 'submit', 'submitted'],
    ['rejected', 'submit', 'submitted'],
    ['submitted', 'unsubmit', 'pending'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'reject', 'rejected'],
  ] as const)('moves a %s timesheet on %s to %s', (from, action, to) => expect(nextState(timesheetMachine, from, action)).toBe(to));

  it.each([
    ['pending', 'approve'],
    ['pending', 'reject'],
    ['pending', 'unsubmit'],
    ['approved', 'submit'],
    ['approved', 'reject'],
    ['rejected', 'approve'],
    ['submitted', 'submit'],
  ] as const)('allows nothing for a %s timesheet on %s', (from, action) =>
    expect(nextState(timesheetMachine, from, action)).toBeUndefined(),
  );

  it('has no way out of a decided time request', () => {
    for (const from of ['approved', 'rejected'] as const) {
      for (const action of ['approve', 'reject'] as const) expect(nextState(timeRequestMachine, from, action)).toBeUndefined();
    }
  });

  it('allows nothing from a state the machine does not know (a stray database value)', () =>
    expect(nextState(timeRequestMachine, 'open' as RequestStatus, 'approve')).toBeUndefined());
});

describe('requireTransition', () => {
  it('returns the new state when allowed', () => expect(requireTransition(timeRequestMachine, 'pending', 'reject')).toBe('rejected'));

  it('throws a 409 naming the action and the current state by default', () => {
    const error = conflictOf(() => requireTransition(timeRequestMachine, 'approved', 'reject'));
    expect(error.status).toBe(409);
    expect(error.message).toBe('Cannot reject a time request that is approved.');
  });

  it('uses "an" before a vowel', () =>
    expect(conflictOf(() => requireTransition(expenseMachine, 'rejected', 'approve')).message).toBe(
      'Cannot approve an expense that is rejected.',
    ));

  it("uses the machine's own conflict error when it has one", () => {
    expect(conflictOf(() => requireTransition(timesheetMachine, 'pending', 'approve')).message).toBe(
      "Timesheet must be in 'submitted' status.",
    );
    expect(conflictOf(() => requireTransition(timesheetMachine, 'approved', 'submit')).message).toBe(
      "Timesheet must be in 'pending' or 'rejected' status.",
    );
  });
});

describe('defineStateMachine', () => {
  it('refuses a table with two moves for the same state and action', () =>
    expect(() =>
      defineStateMachine<RequestStatus, RequestAction>('x', [
        { from: 'pending', action: 'approve', to: 'approved' },
        { from: 'pending', action: 'approve', to: 'rejected' },
      ]),
    ).toThrow('lists "approve" from "pending" twice'));
});

describe('sqlIdentifier', () => {
  it.each(['timesheets', 'time_requests', '_x', 'a'.repeat(63)])('quotes %s', (name) => expect(sqlIdentifier(name)).toBe(`"${name}"`));

  it.each(['', 'Timesheets', 'time-requests', '1table', 'a"; DROP TABLE x; --', 'public.timesheets', 'a b', 'a'.repeat(64)])(
    'refuses %p',
    (name) => expect(() => sqlIdentifier(name)).toThrow('Unsafe SQL identifier'),
  );
});
