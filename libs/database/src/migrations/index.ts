import { Initial1795820590441 } from './1795820590441-Initial';
import { OAuthServer1795821876657 } from './1795821876657-OAuthServer';
import { OAuthCodeTokenFamily1796183357424 } from './1796183357424-OAuthCodeTokenFamily';
import { SignInThrottles1796183923747 } from './1796183923747-SignInThrottles';
import { OutboxEvents1796185677200 } from './1796185677200-OutboxEvents';
import { AuthNotify1796188075869 } from './1796188075869-AuthNotify';
import { MembersInvitations1796300000001 } from './1796300000001-MembersInvitations';
import { Tasks1796310000001 } from './1796310000001-Tasks';
import { ContractsApi1796320000001 } from './1796320000001-ContractsApi';
import { ContractEvents1796320000002 } from './1796320000002-ContractEvents';
import { ViewersAndTeams1796330000001 } from './1796330000001-ViewersAndTeams';
import { TimeLedger1796340000001 } from './1796340000001-TimeLedger';
import { LeaveExpenseEvents1796350000000 } from './1796350000000-LeaveExpenseEvents';
import { Expenses1796350000002 } from './1796350000002-Expenses';
import { Leaves1796350000001 } from './1796350000001-Leaves';
import { Reports1796350000003 } from './1796350000003-Reports';
import { Webhooks1796350000004 } from './1796350000004-Webhooks';
import { WebhookDeliveries1796350000005 } from './1796350000005-WebhookDeliveries';
import { OutboxRetention1796360000001 } from './1796360000001-OutboxRetention';

// Every migration class, in order. Listed explicitly (not globbed) so ESM builds and tests load the same set.
export const MIGRATIONS = [
  Initial1795820590441,
  OAuthServer1795821876657,
  OAuthCodeTokenFamily1796183357424,
  SignInThrottles1796183923747,
  OutboxEvents1796185677200,
  AuthNotify1796188075869,
  MembersInvitations1796300000001,
  Tasks1796310000001,
  ContractsApi1796320000001,
  ContractEvents1796320000002,
  ViewersAndTeams1796330000001,
  TimeLedger1796340000001,
  LeaveExpenseEvents1796350000000,
  Leaves1796350000001,
  Expenses1796350000002,
  Reports1796350000003,
  Webhooks1796350000004,
  WebhookDeliveries1796350000005,
  OutboxRetention1796360000001,
];
