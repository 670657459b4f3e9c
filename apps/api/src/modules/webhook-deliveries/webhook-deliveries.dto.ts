import { ApiProperty } from '@nestjs/swagger';
import { PaginationQueryDto } from '@app/common';
import { ATTEMPT_TRIGGERS } from './webhook-delivery-attempt.entity';
import { DELIVERY_STATUSES } from './webhook-delivery.entity';

/** Extension (the published API describes no delivery log): a webhook's messages, newest first. */
export class ListWebhookDeliveriesQueryDto extends PaginationQueryDto {}

export class WebhookDeliveryAttemptDto {
  @ApiProperty({ type: 'integer', example: 1, description: '1, 2, … over every attempt of the message.' }) number!: number;
  @ApiProperty({
    enum: ATTEMPT_TRIGGERS,
    enumName: 'WebhookDeliveryAttemptTrigger',
    example: 'scheduled',
    description: '`scheduled` (the retry schedule) or `redeliver` (redeliverWebhookDelivery).',
  })
  trigger!: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2024-01-15T10:30:00.120Z' }) started_at!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 84,
    description: 'Until the answer or the error; null while the attempt runs or when its worker stopped during it.',
  })
  latency_ms!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 200, description: "The receiver's HTTP status; null when none arrived." })
  response_status!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why no answer arrived: timeout, connection error, refused target ...',
  })
  error!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ok', description: "The first 1 KB of the receiver's response body." })
  response_body!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ example: 'msg_8f14e45fceea467a9a3c5b8f8e2d7c1b', description: 'The `webhook-id` header: the same on every attempt.' })
  id!: string;
  @ApiProperty({ example: 'abc123def456' }) webhook_id!: string;
  @ApiProperty({ example: 'project.created' }) event_type!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2024-01-15T10:30:00Z',
    description: 'The body `timestamp`: when the change committed.',
  })
  event_timestamp!: string;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    enumName: 'WebhookDeliveryStatus',
    example: 'succeeded',
    description:
      '`pending`: attempts remain; `succeeded`: an attempt got a 2xx; `failed`: the receiver answered 410 Gone; `dropped`: the retry schedule ran out.',
  })
  status!: string;
  @ApiProperty({ type: 'integer', example: 1, description: 'Scheduled attempts made (redeliveries not counted).' })
  attempt_count!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'When the next scheduled attempt is due; null once final.',
  })
  next_attempt_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2024-01-15T10:30:00.050Z' }) created_at!: string;
  @ApiProperty({ type: WebhookDeliveryAttemptDto, isArray: true, description: 'Every attempt, oldest first.' })
  attempts!: WebhookDeliveryAttemptDto[];
}
