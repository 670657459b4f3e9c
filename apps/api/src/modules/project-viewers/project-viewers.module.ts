import { Module } from '@nestjs/common';
import { ProjectViewersController } from './project-viewers.controller';
import { ProjectViewersService } from './project-viewers.service';

@Module({ controllers: [ProjectViewersController], providers: [ProjectViewersService], exports: [ProjectViewersService] })
export class ProjectViewersModule {}
