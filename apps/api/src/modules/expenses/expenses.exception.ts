import { errorCatalog, validationErrorCatalog } from '@app/common';

export const expenseError = errorCatalog({
  NotFound: [404, 'Expense not found.'],
  // auth.md's role refusal: a member other than OW/EM changing an expense they can see but did not create.
  NotOwn: [403, 'This action is unauthorized.'],
} as const);

export const expenseValidationError = validationErrorCatalog({
  CategoryNotInWorkspace: ['category_id', 'The selected category_id is invalid.'],
  ProjectNotInScope: ['project_id', 'The selected project_id is invalid.'],
} as const);

/** The CLI's category management (expenses.md: categories are managed outside the API). */
export const expenseCategoryError = errorCatalog({
  NotFound: [404, 'Expense category not found.'],
  DuplicateName: [409, 'An expense category with this name already exists in the workspace.'],
  InUse: [409, 'The expense category is used by expenses and cannot be deleted; move or delete those expenses first.'],
} as const);
