import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  clearSchedule,
  formatSchedule,
  listSchedule,
  parseWeekdays,
  ScheduleInputError,
  setSchedule,
} from './modules/reports/work-schedules';

/**
 * The work-schedule commands of the CLI (reports.md: schedules are kept outside the API; the attendance report
 * reads them). cli.ts registers them and lends its helpers, so this file holds only the handlers.
 */
export interface ScheduleCliHelpers {
  withApp<T>(work: (app: NestFastifyApplication) => Promise<T>): Promise<T>;
  required(values: ScheduleValues, name: 'email' | 'days' | 'start' | 'end'): string;
  requiredId(values: ScheduleValues, name: 'workspace-id'): number;
  findUser(app: NestFastifyApplication, email: string): Promise<{ id: number; email: string }>;
  print(text: string): void;
  usageError(message: string): Error;
}

export type ScheduleValues = Record<string, string | boolean | string[] | undefined>;

export const SCHEDULE_USAGE = `  schedule:set --workspace-id <id> --email <email> --days mon-fri --start 09:00 --end 17:00 [--required-minutes 480]
      Set a member's working hours (the owner's clock) on those weekdays, for the attendance report;
      required minutes default to end - start.
  schedule:clear --workspace-id <id> --email <email> [--days sat,sun]   Remove those weekdays (all without --days).
  schedule:list --workspace-id <id> --email <email>                     Show the member's schedule.`;

export const SCHEDULE_OPTIONS = {
  days: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  'required-minutes': { type: 'string' },
} as const;

export function scheduleCommands(h: ScheduleCliHelpers): Record<string, (values: ScheduleValues) => Promise<void>> {
  /** Input mistakes are usage errors (exit 2), whether found before or after the database was opened. */
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof ScheduleInputError ? h.usageError(error.message) : error;
    }
  };
  const member = async (app: NestFastifyApplication, values: ScheduleValues) => ({
    dataSource: app.get(DataSource),
    workspaceId: h.requiredId(values, 'workspace-id'),
    userId: (await h.findUser(app, h.required(values, 'email'))).id,
  });
  return {
    async 'schedule:set'(values) {
      const weekdays = await guarded(async () => parseWeekdays(h.required(values, 'days')));
      const raw = values['required-minutes'];
      const requiredMinutes = typeof raw === 'string' ? Number(raw) : undefined;
      if (requiredMinutes !== undefined && !/^\d+$/.test(String(raw))) throw h.usageError('--required-minutes must be a whole number');
      await h.withApp(async (app) => {
        const { dataSource, workspaceId, userId } = await member(app, values);
        const rows = await guarded(() =>
          setSchedule(dataSource, {
            workspaceId,
            userId,
            weekdays,
            start: h.required(values, 'start'),
            end: h.required(values, 'end'),
            requiredMinutes,
          }),
        );
        h.print(formatSchedule(rows));
      });
    },

    async 'schedule:clear'(values) {
      const days = values.days;
      const weekdays = typeof days === 'string' ? await guarded(async () => parseWeekdays(days)) : undefined;
      await h.withApp(async (app) => {
        const { dataSource, workspaceId, userId } = await member(app, values);
        h.print(`${await clearSchedule(dataSource, workspaceId, userId, weekdays)} weekday(s) removed.`);
      });
    },

    async 'schedule:list'(values) {
      await h.withApp(async (app) => {
        const { dataSource, workspaceId, userId } = await member(app, values);
        h.print(formatSchedule(await listSchedule(dataSource, workspaceId, userId)));
      });
    },
  };
}
