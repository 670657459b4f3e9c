import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { AllExceptionsFilter, APP_CONFIG, AppConfig, EnvelopeInterceptor } from '@app/common';
import { dataSourceOptions, EventsService } from '@app/database';
import { ENTITIES } from './entities';
import { ContractsModule } from './modules/contracts/contracts.module';
import { HealthModule } from './modules/health/health.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { LeavesModule } from './modules/leaves/leaves.module';
import { MembersModule } from './modules/members/members.module';
import { OAuthModule } from './modules/oauth/oauth.module';
import { ProjectViewersModule } from './modules/project-viewers/project-viewers.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { TeamsModule } from './modules/teams/teams.module';
import { TimeEntriesModule } from './modules/time-entries/time-entries.module';
import { TimeTrackingModule } from './modules/time-tracking/time-tracking.module';
import { TimeRequestsModule } from './modules/time-requests/time-requests.module';
import { TimesheetsModule } from './modules/timesheets/timesheets.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';
import { ExpensesModule } from './modules/expenses/expenses.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { WebhookDeliveriesModule } from './modules/webhook-deliveries/webhook-deliveries.module';
import { ReportsModule } from './modules/reports/reports.module';

/** Config with a concrete database URL (the embedded database, once started, supplies one). */
export type RuntimeConfig = AppConfig & { databaseUrl: string };

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions({ url: config.databaseUrl, poolSize: config.dbPoolSize, entities: ENTITIES })),
        AuthModule,
        HealthModule,
        OAuthModule,
        WorkspacesModule,
        ProjectsModule,
        MembersModule,
        InvitationsModule,
        TasksModule,
        ContractsModule,
        ProjectViewersModule,
        TeamsModule,
        TimeTrackingModule,
        TimeEntriesModule,
        TimeRequestsModule,
        TimesheetsModule,
        ExpensesModule,
        WebhooksModule,
        LeavesModule,
        WebhookDeliveriesModule,
        ReportsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        EventsService,
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      // Every module records its webhook events through the one outbox writer.
      exports: [APP_CONFIG, EventsService],
    };
  }
}
