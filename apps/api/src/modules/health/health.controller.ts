import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@app/auth';
import { ApiErrorResponse, Responds } from '@app/common';
import { PreparedStatement } from '@app/database';
import { DataSource } from 'typeorm';
import { healthError } from './health.exception';

const PING = PreparedStatement.sql('health.ping', 'SELECT 1', []);

export class HealthDto {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
  @ApiProperty({ example: 'up' }) database!: 'up';
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database check', description: 'Served outside /api/v2; 503 when the database does not answer.' })
  @Responds(HealthDto)
  @ApiErrorResponse(503, { description: 'The database does not answer.', message: healthError.message('DatabaseUnavailable') })
  async getHealth(): Promise<HealthDto> {
    try {
      await PING.run(this.dataSource.manager, {});
    } catch {
      throw healthError('DatabaseUnavailable');
    }
    return { status: 'ok', database: 'up' };
  }
}
