import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Membership } from './entities/membership.entity';
import { User } from './entities/user.entity';
import { Workspace } from './entities/workspace.entity';
import { MembershipStatus, Role } from './role';
import { TokenService } from './tokens/token.service';

export interface BootstrapInput {
  email: string;
  workspaceName: string;
  firstname?: string;
  lastname?: string;
}

export interface BootstrapResult {
  userId: number;
  workspaceId: number;
  token: string;
}

/** Creates an owner, their workspace and a personal access token in one transaction (CLI and demo seed). */
@Injectable()
export class BootstrapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(User).count()) === 0;
  }

  async createOwner(input: BootstrapInput): Promise<BootstrapResult> {
    return this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      const users = manager.getRepository(User);
      let user = await users.findOneBy({ email });
      if (!user) {
        user = users.create({ email, firstname: input.firstname ?? 'Workspace', lastname: input.lastname ?? 'Owner' });
        await users.insert(user);
      }
      const workspace = manager.getRepository(Workspace).create({ name: input.workspaceName, ownerId: user.id });
      await manager.getRepository(Workspace).insert(workspace);
      await manager.getRepository(Membership).insert({
        workspaceId: workspace.id,
        userId: user.id,
        role: Role.Owner,
        status: MembershipStatus.Active,
        rateStatus: 1,
        activatedAt: new Date(),
      });
      const { token } = await this.tokens.createPersonalAccessToken(user.id, 'bootstrap', manager);
      return { userId: user.id, workspaceId: workspace.id, token };
    });
  }
}
