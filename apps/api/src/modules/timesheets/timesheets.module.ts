import { Module } from '@nestjs/common';
import { TimesheetTransitionsService } from './timesheet-transitions.service';
import { TimesheetsController } from './timesheets.controller';
import { TimesheetsService } from './timesheets.service';

@Module({ controllers: [TimesheetsController], providers: [TimesheetsService, TimesheetTransitionsService] })
export class TimesheetsModule {}
