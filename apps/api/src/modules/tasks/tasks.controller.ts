import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiErrorResponse, ApiPathId, IdParamPipe, Paginated, Responds } from '@app/common';
import { TaskAssigneesService } from './task-assignees.service';
import {
  AssigneeDto,
  CreateTaskDto,
  ListTaskAssigneesQueryDto,
  ListTasksQueryDto,
  TaskAssignmentDto,
  TaskProjectBodyDto,
  TaskProjectQueryDto,
  TaskResponseDto,
  UpdateTaskDto,
} from './tasks.dto';
import { taskError } from './tasks.exception';
import { TasksService } from './tasks.service';

const TASK_NOT_FOUND = taskError.message('NotFound');
const TaskId = (): ParameterDecorator => Param('taskId', new IdParamPipe(TASK_NOT_FOUND));
const ApiTaskId = (): MethodDecorator => ApiPathId('taskId', { notFound: TASK_NOT_FOUND, example: 500, description: 'ID of the task.' });
const UserId = (notFound: string): ParameterDecorator => Param('userId', new IdParamPipe(notFound));

const SCOPE = 'Tasks of archived projects, and projects outside the caller’s project scope, answer 404.';

@ApiTags('Tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly assignees: TaskAssigneesService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.TasksList })
  @ApiOperation({
    summary: 'List tasks',
    description: `The live tasks of one project (\`project_id\`, or the project of \`contract_id\`), by id. ${SCOPE}`,
  })
  @ApiErrorResponse(404, {
    description: 'The project (or the contract) does not exist, is archived, or lies outside the caller’s workspace or project scope.',
    message: taskError.message('ProjectNotFound'),
  })
  @Responds(TaskResponseDto, { paginated: true, message: 'Tasks retrieved successfully' })
  listTasks(@Auth() auth: AuthContext, @Query() query: ListTasksQueryDto): Promise<Paginated<TaskResponseDto>> {
    return this.tasks.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.TasksCreate })
  @ApiOperation({ summary: 'Create a task', description: `OW, EM; TM and PM inside their project scope. Base status codes only. ${SCOPE}` })
  @ApiErrorResponse(404, {
    description: 'The project does not exist, is archived, or lies outside the caller’s workspace or project scope.',
    message: taskError.message('ProjectNotFound'),
  })
  @Responds(TaskResponseDto, { status: 201, message: 'Task created successfully' })
  createTask(@Auth() auth: AuthContext, @Body() dto: CreateTaskDto): Promise<TaskResponseDto> {
    return this.tasks.create(auth, dto);
  }

  @Get(':taskId')
  @Authenticated({ permission: Permission.TasksView })
  @ApiOperation({ summary: 'Get a task', description: `A task that is not in \`project_id\` answers 404. ${SCOPE}` })
  @ApiTaskId()
  @Responds(TaskResponseDto, { message: 'Task retrieved successfully' })
  getTask(@Auth() auth: AuthContext, @TaskId() taskId: number, @Query() query: TaskProjectQueryDto): Promise<TaskResponseDto> {
    return this.tasks.get(auth, taskId, query.project_id);
  }

  @Put(':taskId')
  @Authenticated({ permission: Permission.TasksUpdate })
  @ApiOperation({
    summary: 'Update a task',
    description: 'Partial update. `completed_at` is set when the status moves to 20 or 30 and cleared when it moves back.',
  })
  @ApiTaskId()
  @Responds(TaskResponseDto, { message: 'Task updated successfully' })
  updateTask(@Auth() auth: AuthContext, @TaskId() taskId: number, @Body() dto: UpdateTaskDto): Promise<TaskResponseDto> {
    return this.tasks.update(auth, taskId, dto);
  }

  @Delete(':taskId')
  @Authenticated({ permission: Permission.TasksDelete })
  @ApiOperation({ summary: 'Delete a task', description: 'Soft delete, subtasks included; the task then answers 404.' })
  @ApiTaskId()
  @Responds(null, { message: 'Task deleted successfully' })
  deleteTask(@Auth() auth: AuthContext, @TaskId() taskId: number, @Body() dto: TaskProjectBodyDto): Promise<null> {
    return this.tasks.remove(auth, taskId, dto.project_id);
  }

  @Post(':taskId/assign/:userId')
  @Authenticated({ permission: Permission.TasksAssign })
  @ApiOperation({
    summary: 'Assign a user to a task',
    description:
      'The user must be an active member of the workspace (404 otherwise) with an active contract on the project (409 otherwise).',
  })
  @ApiTaskId()
  @ApiPathId('userId', { notFound: taskError.message('UserNotFound'), example: 101, description: 'ID of the user to assign the task to.' })
  @Responds(TaskAssignmentDto, {
    message: 'Task assigned successfully',
    conflict: {
      description: 'The user holds no active contract on the project, or is already assigned to the task.',
      message: taskError.message('AlreadyAssigned'),
    },
  })
  assignTask(
    @Auth() auth: AuthContext,
    @TaskId() taskId: number,
    @UserId(taskError.message('UserNotFound')) userId: number,
    @Body() dto: TaskProjectBodyDto,
  ): Promise<TaskAssignmentDto> {
    return this.assignees.assign(auth, taskId, userId, dto.project_id);
  }

  @Delete(':taskId/unassign/:userId')
  @Authenticated({ permission: Permission.TasksUnassign })
  @ApiOperation({ summary: 'Unassign a user from a task', description: 'A user who is not assigned to the task answers 404.' })
  @ApiTaskId()
  @ApiPathId('userId', {
    notFound: taskError.message('AssigneeNotFound'),
    example: 101,
    description: 'ID of the user to unassign from the task.',
  })
  @Responds(null, { message: 'Task unassigned successfully' })
  unassignTask(
    @Auth() auth: AuthContext,
    @TaskId() taskId: number,
    @UserId(taskError.message('AssigneeNotFound')) userId: number,
    @Body() dto: TaskProjectBodyDto,
  ): Promise<null> {
    return this.assignees.unassign(auth, taskId, userId, dto.project_id);
  }

  @Get(':taskId/assignees')
  @Authenticated({ permission: Permission.TaskAssigneesList })
  @ApiOperation({ summary: 'List task assignees', description: `In assignment order. ${SCOPE}` })
  @ApiTaskId()
  @Responds(AssigneeDto, { paginated: true, message: 'Task assignees retrieved successfully' })
  listTaskAssignees(
    @Auth() auth: AuthContext,
    @TaskId() taskId: number,
    @Query() query: ListTaskAssigneesQueryDto,
  ): Promise<Paginated<AssigneeDto>> {
    return this.assignees.list(auth, taskId, query.project_id, query);
  }
}
