import { Module } from '@nestjs/common';
import { LeaveBalancesService } from './leave-balances.service';
import { LeavePoliciesService } from './leave-policies.service';
import { LeavesController } from './leaves.controller';
import { LeavesService } from './leaves.service';

@Module({ controllers: [LeavesController], providers: [LeavesService, LeaveBalancesService, LeavePoliciesService] })
export class LeavesModule {}
