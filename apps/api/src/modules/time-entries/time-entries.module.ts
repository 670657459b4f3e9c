import { Module } from '@nestjs/common';
import { TimeEntriesController } from './time-entries.controller';
import { TimeEntriesService } from './time-entries.service';

@Module({ controllers: [TimeEntriesController], providers: [TimeEntriesService] })
export class TimeEntriesModule {}
