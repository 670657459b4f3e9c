import { User } from '@app/auth';
import { FactoryDeps, unique } from './factory-deps';

export type CreateUserInput = Partial<User> & {
  /** Sets a sign-in password (the OAuth pages); none by default. */
  password?: string;
};

export class UsersFactory {
  constructor(private readonly deps: FactoryDeps) {}

  /** `users.create({ isDisabled: true })`; a unique e-mail unless one is given. */
  async create({ password, ...overrides }: CreateUserInput = {}): Promise<User> {
    const repository = this.deps.dataSource.getRepository(User);
    const user = repository.create({ email: `user-${unique()}@example.com`, firstname: 'Test', lastname: 'User', ...overrides });
    await repository.insert(user);
    if (password !== undefined) await this.setPassword(user.id, password);
    return user;
  }

  /** Through the real sign-in service, so the hash is what sign-in checks. */
  setPassword(userId: number, password: string): Promise<void> {
    return this.deps.signIn.setPassword(userId, password);
  }
}
