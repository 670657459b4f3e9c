import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiErrorResponse, ApiPathId, IdParamPipe, Paginated, Responds } from '@app/common';
import { ContractResponseDto, CreateContractDto, ListContractsQueryDto, UpdateContractDto } from './contracts.dto';
import { contractError } from './contracts.exception';
import { ContractsService } from './contracts.service';

const CONTRACT_NOT_FOUND = contractError.message('NotFound');
const ContractId = (): ParameterDecorator => Param('contractId', new IdParamPipe(CONTRACT_NOT_FOUND));
const ApiContractId = (): MethodDecorator => ApiPathId('contractId', { notFound: CONTRACT_NOT_FOUND, example: 100 });

@ApiTags('Contracts')
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Get()
  @Authenticated({ permission: Permission.ContractsList })
  @ApiOperation({
    summary: 'Get all workspace contracts',
    description:
      'Contracts the caller may see (OW/EM all; PM managed projects’ contracts + own; TM managed teams’ contracts + own; RU own; ' +
      'PV contracts of assigned projects), oldest first. Rate fields only with rate permission on billable projects. ' +
      'The pagination object is also repeated at the top level as `pagination`.',
  })
  @Responds(ContractResponseDto, { paginated: true, topLevelPagination: true, message: 'Contracts retrieved successfully' })
  listContracts(@Auth() auth: AuthContext, @Query() query: ListContractsQueryDto): Promise<Paginated<ContractResponseDto>> {
    return this.contracts.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.ContractsCreate })
  @ApiOperation({
    summary: 'Create contract',
    description:
      'Assigns a member to a project (Owners and Executive managers only). One live contract per user and project, paused ' +
      'included. `status` starts `active`; `rate` is saved only if the caller may view rates, and then `rate_type` is 1, otherwise 2.',
  })
  @ApiErrorResponse(404, {
    description: 'The project (missing, archived or in another workspace) or the user (no active or invited membership) does not exist.',
    message: contractError.message('ProjectNotFound'),
  })
  @Responds(ContractResponseDto, {
    status: 201,
    message: 'Contract created successfully',
    conflict: { description: 'The user already holds a contract on this project.', message: contractError.message('AlreadyAssigned') },
  })
  createContract(@Auth() auth: AuthContext, @Body() dto: CreateContractDto): Promise<ContractResponseDto> {
    return this.contracts.create(auth, dto);
  }

  @Get(':contractId')
  @Authenticated({ permission: Permission.ContractsView })
  @ApiOperation({ summary: 'Get contract', description: 'One contract, with the visibility rules of the list; others are 404.' })
  @ApiContractId()
  @Responds(ContractResponseDto, { message: 'Contract retrieved successfully' })
  getContract(@Auth() auth: AuthContext, @ContractId() contractId: number): Promise<ContractResponseDto> {
    return this.contracts.get(auth, contractId);
  }

  @Put(':contractId')
  @Authenticated({ permission: Permission.ContractsUpdate })
  @ApiOperation({
    summary: 'Update contract',
    description: 'Partial update of the hours limit, screenshot mode, rate (only if the caller may view rates) or status.',
  })
  @ApiContractId()
  @ApiBody({ type: UpdateContractDto, required: false })
  @Responds(ContractResponseDto, { message: 'Contract updated successfully' })
  updateContract(
    @Auth() auth: AuthContext,
    @ContractId() contractId: number,
    @Body() dto: UpdateContractDto,
  ): Promise<ContractResponseDto> {
    return this.contracts.update(auth, contractId, dto);
  }

  @Delete(':contractId')
  @Authenticated({ permission: Permission.ContractsDelete })
  @ApiOperation({
    summary: 'Delete contract',
    description: 'Soft delete; the contract then returns 404. Tracked time keeps its contract_id.',
  })
  @ApiContractId()
  @Responds(null, { message: 'Contract deleted successfully' })
  deleteContract(@Auth() auth: AuthContext, @ContractId() contractId: number): Promise<null> {
    return this.contracts.delete(auth, contractId);
  }
}
