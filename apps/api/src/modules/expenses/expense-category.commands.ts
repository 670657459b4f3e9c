import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseUuid } from '@app/common';
import { DataSource } from 'typeorm';
import { ExpenseCategoriesService } from './expense-categories.service';
import { ExpenseCategoryResponseDto, MAX_EXPENSE_NAME } from './expenses.dto';

/** The options these commands read. */
export interface ExpenseCategoryValues {
  'workspace-id'?: string;
  name?: string;
  id?: string;
}

/** What cli.ts lends the commands: its app bootstrap, option readers, output and usage errors. */
export interface CliKit {
  withApp<T>(work: (app: NestFastifyApplication) => Promise<T>): Promise<T>;
  required(values: ExpenseCategoryValues, name: 'name' | 'id'): string;
  requiredId(values: ExpenseCategoryValues, name: 'workspace-id'): number;
  print(text: string): void;
  usageError(message: string): Error;
}

const MAX_PAGE = 100;

/**
 * `expense-category:create|list|delete`: expense categories are managed outside the API (expenses.md), which
 * only lists them. Deleting a category that expenses still use is refused (exit 1, with the reason).
 */
export function expenseCategoryCommands(kit: CliKit): Record<string, (values: ExpenseCategoryValues) => Promise<void>> {
  const printCategory = (category: ExpenseCategoryResponseDto): void => kit.print(`${category.id}\t${category.name}`);

  /** An unknown or deleted workspace is a usage error, not a database error. */
  const categoriesIn = async (app: NestFastifyApplication, workspaceId: number): Promise<ExpenseCategoriesService> => {
    const rows: unknown[] = await app.get(DataSource).query('SELECT 1 FROM workspaces WHERE id = $1 AND deleted_at IS NULL', [workspaceId]);
    if (rows.length === 0) throw kit.usageError(`no workspace with id ${workspaceId}`);
    return app.get(ExpenseCategoriesService);
  };

  return {
    async 'expense-category:create'(values) {
      const workspaceId = kit.requiredId(values, 'workspace-id');
      const name = kit.required(values, 'name');
      if (name.length > MAX_EXPENSE_NAME) throw kit.usageError(`--name must be at most ${MAX_EXPENSE_NAME} characters`);
      await kit.withApp(async (app) => printCategory(await (await categoriesIn(app, workspaceId)).create(workspaceId, name)));
    },

    async 'expense-category:list'(values) {
      const workspaceId = kit.requiredId(values, 'workspace-id');
      await kit.withApp(async (app) => {
        const categories = await categoriesIn(app, workspaceId);
        for (let page = 1, last = 1; page <= last; page++) {
          const { items, pagination } = await categories.page(workspaceId, { page, perPage: MAX_PAGE });
          items.forEach(printCategory);
          last = pagination.last_page;
        }
      });
    },

    async 'expense-category:delete'(values) {
      const workspaceId = kit.requiredId(values, 'workspace-id');
      const id = parseUuid(kit.required(values, 'id'));
      if (id === undefined) throw kit.usageError('--id must be a category id (a UUID)');
      await kit.withApp(async (app) => {
        await (await categoriesIn(app, workspaceId)).remove(workspaceId, id);
        kit.print(`Expense category ${id} deleted.`);
      });
    },
  };
}
