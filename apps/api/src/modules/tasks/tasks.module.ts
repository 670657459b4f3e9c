import { Module } from '@nestjs/common';
import { TaskAssigneesService } from './task-assignees.service';
import { TaskReader } from './task-reader';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ controllers: [TasksController], providers: [TasksService, TaskAssigneesService, TaskReader] })
export class TasksModule {}
