import { Module } from '@nestjs/common';
import { ExpenseCategoriesService } from './expense-categories.service';
import { ExpensesController } from './expenses.controller';
import { ExpensesService } from './expenses.service';

@Module({ controllers: [ExpensesController], providers: [ExpensesService, ExpenseCategoriesService], exports: [ExpenseCategoriesService] })
export class ExpensesModule {}
