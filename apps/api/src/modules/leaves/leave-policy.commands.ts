import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDecimal } from '@app/common';
import { LEAVE_TIME_UNITS, LeaveTimeUnit } from './leave-kinds';
import { LeavePoliciesService, LeavePolicyListing } from './leave-policies.service';

/** What cli.ts lends these commands: its option values, its helpers and its usage error. */
export interface LeavePolicyCliKit<Values> {
  withApp: <T>(work: (app: NestFastifyApplication) => Promise<T>) => Promise<T>;
  required: (values: Values, name: 'name' | 'unit' | 'duration' | 'email') => string;
  requiredId: (values: Values, name: 'id' | 'workspace-id') => number;
  findUser: (app: NestFastifyApplication, email: string) => Promise<{ id: number; email: string }>;
  print: (text: string) => void;
  usageError: (message: string) => Error;
}

/** The options these commands read (cli.ts declares them in OPTIONS). */
export interface LeavePolicyOptionValues {
  'hours-per-day'?: string;
  unpaid?: boolean;
  'allow-negative'?: boolean;
  'reason-required'?: boolean;
}

export const LEAVE_POLICY_USAGE = `  leave-policy:create --workspace-id <id> --name <name> --unit days|hours --duration <n> [--hours-per-day 8]
             [--unpaid] [--allow-negative] [--reason-required]
      Create a leave policy: a yearly allowance of <n> days or hours (the unit cannot change later).
  leave-policy:assign --workspace-id <id> --id <policy> --email <email>
      Make the policy apply to that member (leave can be requested under assigned policies only).
  leave-policy:list --workspace-id <id>           List the workspace's leave policies with their members.`;

/** Yearly allowance: numeric(10, 2), not negative. Hours per day: greater than 0, at most 24. */
const DURATION = { precision: 10, scale: 2, min: 0 } as const;
const HOURS_PER_DAY = { precision: 5, scale: 2, min: '0.01', max: 24 } as const;

const flag = (on: boolean | undefined, text: string): string => (on ? text : '');
const describe = (policy: LeavePolicyListing | Omit<LeavePolicyListing, 'members'>): string =>
  [
    policy.id,
    policy.name,
    `${policy.duration} ${policy.time_unit}/year`,
    `${policy.hours_per_day} h/day`,
    policy.is_paid === 'yes' ? 'paid' : 'unpaid',
    flag(policy.allow_negative_balance, 'negative allowed'),
    flag(policy.reason_required, 'reason required'),
    'members' in policy ? `members: ${policy.members.join(', ') || '-'}` : '',
  ]
    .filter((part) => part !== '')
    .join('\t');

/** The `leave-policy:*` commands (leaves.md: policies and assignments are managed outside the API). */
export function leavePolicyCommands<Values extends LeavePolicyOptionValues>(
  kit: LeavePolicyCliKit<Values>,
): Record<string, (values: Values) => Promise<void>> {
  const decimal = (text: string, spec: typeof DURATION | typeof HOURS_PER_DAY, option: string, rule: string): string => {
    const parsed = parseDecimal(text, spec);
    if (!parsed.ok) throw kit.usageError(`--${option} must be ${rule}`);
    return parsed.value;
  };
  return {
    async 'leave-policy:create'(values) {
      const workspaceId = kit.requiredId(values, 'workspace-id');
      const unit = kit.required(values, 'unit');
      if (!(LEAVE_TIME_UNITS as readonly string[]).includes(unit)) throw kit.usageError('--unit must be days or hours');
      const name = kit.required(values, 'name');
      if (name.length > 255) throw kit.usageError('--name must be at most 255 characters');
      const duration = decimal(kit.required(values, 'duration'), DURATION, 'duration', 'a number of at least 0 with at most 2 decimals');
      const hoursPerDay =
        values['hours-per-day'] === undefined
          ? undefined
          : decimal(values['hours-per-day'], HOURS_PER_DAY, 'hours-per-day', 'greater than 0 and at most 24, with at most 2 decimals');
      await kit.withApp(async (app) => {
        const policy = await app.get(LeavePoliciesService).create(workspaceId, {
          name,
          timeUnit: unit as LeaveTimeUnit,
          duration,
          hoursPerDay,
          isPaid: values.unpaid !== true,
          allowNegativeBalance: values['allow-negative'] === true,
          reasonRequired: values['reason-required'] === true,
        });
        kit.print(describe(policy));
      });
    },

    async 'leave-policy:assign'(values) {
      const [workspaceId, policyId] = [kit.requiredId(values, 'workspace-id'), kit.requiredId(values, 'id')];
      await kit.withApp(async (app) => {
        const user = await kit.findUser(app, kit.required(values, 'email'));
        await app.get(LeavePoliciesService).assign(workspaceId, policyId, user.id);
        kit.print(`Leave policy ${policyId} applies to ${user.email} (${user.id}).`);
      });
    },

    async 'leave-policy:list'(values) {
      const workspaceId = kit.requiredId(values, 'workspace-id');
      await kit.withApp(async (app) => {
        for (const policy of await app.get(LeavePoliciesService).list(workspaceId)) kit.print(describe(policy));
      });
    },
  };
}
