import { Contract } from '../../../apps/api/src/modules/contracts/contract.entity';
import { FactoryDeps } from './factory-deps';

export interface CreateContractInput {
  workspaceId: number;
  projectId: number;
  userId: number;
  status?: 'active' | 'paused';
  rate?: string | number;
  rateType?: 1 | 2 | 3;
  currency?: string;
  weeklyHoursLimit?: number;
  screenshots?: string;
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
      rateType: rateType ?? null,
      currency: currency ?? null,
      weeklyHoursLimit: weeklyHoursLimit ?? null,
      screenshots: screenshots ?? null,
      deletedAt: deleted ? new Date() : null,
    });
    await repository.insert(contract);
    return contract;
  }
}
