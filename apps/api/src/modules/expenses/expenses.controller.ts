import { Body, Controller, Delete, Get, Post, Put, Query, Param } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiErrorResponse, ApiPathId, Paginated, Responds, UuidParamPipe } from '@app/common';
import { ExpenseCategoriesService } from './expense-categories.service';
import {
  CreateExpenseDto,
  ExpenseCategoryResponseDto,
  ExpenseResponseDto,
  ListExpenseCategoriesQueryDto,
  ListExpensesQueryDto,
  UpdateExpenseDto,
} from './expenses.dto';
import { expenseError } from './expenses.exception';
import { ExpensesService } from './expenses.service';

const NOT_FOUND = expenseError.message('NotFound');
const ExpenseId = (): ParameterDecorator => Param('expenseId', new UuidParamPipe(NOT_FOUND));
const ApiExpenseId = (): MethodDecorator =>
  ApiPathId('expenseId', {
    notFound: NOT_FOUND,
    type: 'uuid',
    example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
    description: 'Expense id.',
  });
const NOT_OWN = {
  description: 'A member other than OW/EM tried to change an expense they can see but did not create.',
  message: expenseError.message('NotOwn'),
};
const OWNERSHIP = 'OW and EM change any expense; TM, PM and RU only their own (others they can see: 403; others: 404). PV 403.';

@ApiTags('Expenses')
@Controller('expenses')
export class ExpensesController {
  constructor(
    private readonly expenses: ExpensesService,
    private readonly categories: ExpenseCategoriesService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.ExpensesList })
  @ApiOperation({
    summary: 'List expenses',
    description:
      'Newest first by creation time; `date_from`/`date_to` compare the expense date. OW/EM see everyone, TM/PM their person ' +
      'scope, RU their own; PV 403.',
  })
  @Responds(ExpenseResponseDto, { paginated: true, message: 'Expenses retrieved successfully' })
  listExpenses(@Auth() auth: AuthContext, @Query() query: ListExpensesQueryDto): Promise<Paginated<ExpenseResponseDto>> {
    return this.expenses.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.ExpensesCreate })
  @ApiOperation({
    summary: 'Create expense',
    description:
      "The caller's own expense (every role but PV). `category_id` must be a category of the workspace and `project_id` a " +
      "project within the caller's project scope (422 otherwise). `type` is `billable` when `is_billable` is true.",
  })
  @Responds(ExpenseResponseDto, { status: 201, message: 'Expense created successfully' })
  createExpense(@Auth() auth: AuthContext, @Body() dto: CreateExpenseDto): Promise<ExpenseResponseDto> {
    return this.expenses.create(auth, dto);
  }

  // Declared before `:expenseId`, and a static segment: `categories` is never read as an expense id.
  @Get('categories')
  @Authenticated({ permission: Permission.ExpenseCategoriesList })
  @ApiOperation({
    summary: 'List expense categories',
    description: "The workspace's expense categories by name; their ids are the values for `category_id`. Every role but PV.",
  })
  @Responds(ExpenseCategoryResponseDto, { paginated: true, message: 'Expense categories retrieved successfully' })
  listExpenseCategories(
    @Auth() auth: AuthContext,
    @Query() query: ListExpenseCategoriesQueryDto,
  ): Promise<Paginated<ExpenseCategoryResponseDto>> {
    return this.categories.list(auth, query);
  }

  @Put(':expenseId')
  @Authenticated({ permission: Permission.ExpensesUpdate })
  @ApiOperation({ summary: 'Update expense', description: `Partial update; the fields mirror createExpense. ${OWNERSHIP}` })
  @ApiExpenseId()
  // A partial update with `workspace_id` in the query (conventions.md): an empty body is a valid no-op update.
  @ApiBody({ type: UpdateExpenseDto, required: false })
  @ApiErrorResponse(403, NOT_OWN)
  @Responds(ExpenseResponseDto, { message: 'Expense updated successfully' })
  updateExpense(@Auth() auth: AuthContext, @ExpenseId() expenseId: string, @Body() dto: UpdateExpenseDto): Promise<ExpenseResponseDto> {
    return this.expenses.update(auth, expenseId, dto);
  }

  @Delete(':expenseId')
  @Authenticated({ permission: Permission.ExpensesDelete })
  @ApiOperation({
    summary: 'Delete expense',
    description: `Deletes the expense permanently. \`workspace_id\` may also travel in the body. ${OWNERSHIP}`,
  })
  @ApiExpenseId()
  @ApiErrorResponse(403, NOT_OWN)
  @Responds(null, { message: 'Expense deleted successfully' })
  deleteExpense(@Auth() auth: AuthContext, @ExpenseId() expenseId: string): Promise<null> {
    return this.expenses.remove(auth, expenseId);
  }
}
