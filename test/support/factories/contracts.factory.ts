import { Contract } from '../../../apps/api/src/modules/contracts/contract.entity';
import { RateType, ScreenshotMode } from '../../../apps/api/src/modules/contracts/screenshot-modes';
import { FactoryDeps } from './factory-deps';

export interface CreateContractInput {
  workspaceId: number;
  projectId: number;
  userId: number;
  status?: 'active' | 'paused';
  rate?: string | number;
  /** Default: 1 (Custom Rate) with a `rate`, 2 (Member Rate) without, as createContract sets it. */
  rateType?: 1 | 2 | 3;
  currency?: string;
  /** Default: the column's (168). */
  weeklyHoursLimit?: number;
  /** Default: the column's (`full`). */
  screenshots?: ScreenshotMode;
  /** Deleted contract (deleted_at set). */
  deleted?: boolean;
}

export class ContractsFactory {
  constructor(private readonly deps: FactoryDeps) {}

  async create({
    status = 'active',
    rate,
    rateType,
    currency,
    weeklyHoursLimit,
    screenshots,
    deleted = false,
    ...keys
  }: CreateContractInput): Promise<Contract> {
    const repository = this.deps.dataSource.getRepository(Contract);
    const contract = repository.create({
      ...keys,
      status,
      rate: rate === undefined ? null : String(rate),
      rateType: rateType ?? (rate === undefined ? RateType.Member : RateType.Custom),
      currency: currency ?? null,
      ...(weeklyHoursLimit !== undefined && { weeklyHoursLimit }),
      ...(screenshots !== undefined && { screenshots }),
      deletedAt: deleted ? new Date() : null,
    });
    await repository.insert(contract);
    return contract;
  }
}
