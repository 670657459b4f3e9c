import 'reflect-metadata';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, INestApplication, Post } from '@nestjs/common';
import { ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ApiExtensionProperty } from './api-extension.decorator';

class WithExtensionDto {
  @ApiProperty() name!: string;
  @ApiExtensionProperty({ type: 'string', description: 'Ours.' }) color?: string;
}

@Controller('things')
class ThingsController {
  @Post()
  createThing(@Body() body: WithExtensionDto): WithExtensionDto {
    return body;
  }
}

describe('ApiExtensionProperty', () => {
  let app: INestApplication;
  afterAll(async () => app?.close());

  it('marks the property x-extension: true, optional, in the generated document', async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ThingsController] }).compile();
    app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const schema = document.components?.schemas?.WithExtensionDto as { properties: Record<string, object>; required: string[] };
    expect(schema.properties.color).toMatchObject({ type: 'string', 'x-extension': true });
    expect(schema.required).toEqual(['name']);
  });
});
