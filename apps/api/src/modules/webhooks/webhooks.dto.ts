import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PaginationQueryDto, Trim } from '@app/common';
import { WEBHOOK_EVENT_TYPES } from '@app/database';
import { Expose, Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { parseTargetUrl } from './target-policy';

export type WebhookEvent = (typeof WEBHOOK_EVENT_TYPES)[number];

export const MAX_WEBHOOK_URL_LENGTH = 2048;

type Check = readonly [holds: (value: unknown) => boolean, message: string];

/** One rule, one message: the first failing check names the problem. */
function Rule(name: string, checks: readonly Check[]): PropertyDecorator {
  const failing = (value: unknown) => checks.find(([holds]) => !holds(value));
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ value }: ValidationArguments) => failing(value)?.[1] ?? '' },
      validator: { validate: (value: unknown) => failing(value) === undefined },
    });
}

const isPresent = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/**
 * The url's shape. Whether its host may be called (the SSRF target policy, which resolves the name) is the
 * service's check, after the webhook itself was found.
 */
const URL_CHECKS: readonly Check[] = [
  [isPresent, 'The url field is required.'],
  [(value) => typeof value === 'string', 'The url must be a string.'],
  [(value) => (value as string).length <= MAX_WEBHOOK_URL_LENGTH, `The url must not be greater than ${MAX_WEBHOOK_URL_LENGTH} characters.`],
  [(value) => parseTargetUrl(value as string) !== undefined, 'The url must be an absolute http or https URL.'],
];

/** The list's shape; each entry (a known, distinct event name) is checked by the service, as `events.N`. */
const EVENTS_CHECKS: readonly Check[] = [
  [(value) => Array.isArray(value), 'The events must be an array.'],
  [(value) => (value as unknown[]).length >= 1, 'The events must have at least 1 item.'],
];

/**
 * Form-encoded bodies carry a list as repeated fields (`events=a&events=b`, an array once there are two) or in the
 * bracket form (`events[]=a&events[]=b`); a single field arrives as a plain string. All become the JSON body's array.
 */
const toEventList = ({ value, obj }: { value: unknown; obj: Record<string, unknown> }): unknown => {
  const raw = value !== undefined ? value : obj['events[]'];
  return typeof raw === 'string' ? [raw] : raw;
};

/** `@Expose()` makes class-transformer run the transform when only `events[]` was sent. */
const EventList = (): PropertyDecorator => applyDecorators(Expose(), Transform(toEventList));

const Url = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      type: 'string',
      format: 'uri',
      maxLength: MAX_WEBHOOK_URL_LENGTH,
      example: 'https://example.com/webhook/endpoint',
      description:
        'Absolute `http` or `https` URL. Its host must not be, or resolve to, a loopback, private, link-local, metadata or ' +
        'other non-public address, unless the server allows it (WEBHOOK_ALLOWED_TARGETS).',
    }),
    Trim(),
    Rule('isWebhookUrl', URL_CHECKS),
  );

const EVENTS_SCHEMA = { enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEvent', isArray: true, minItems: 1, uniqueItems: true } as const;

export class ListWebhooksQueryDto extends PaginationQueryDto {}

export class CreateWebhookDto {
  @Url()
  url!: string;

  @ApiProperty({
    ...EVENTS_SCHEMA,
    example: ['tracker.started', 'member.invited', 'project.created'],
    description: 'One or more distinct events. Form bodies repeat the field (`events=a&events=b`) or use `events[]`.',
  })
  @EventList()
  @Rule('isWebhookEvents', [[(value) => value !== undefined && value !== null, 'The events field is required.'], ...EVENTS_CHECKS])
  events!: string[];
}

export class UpdateWebhookDto {
  @Url()
  url!: string;

  @ApiPropertyOptional({
    ...EVENTS_SCHEMA,
    example: ['tracker.stopped'],
    description: 'Replaces the whole set; if omitted, the set is unchanged. Form bodies as in create.',
  })
  @EventList()
  // Omittable, but never null: the documented type has no null.
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @Rule('isWebhookEvents', EVENTS_CHECKS)
  events?: string[];
}

export class WebhookResponseDto {
  @ApiProperty({ type: 'string', example: 'abc123def456', description: 'Encoded ID of the webhook (opaque, URL-safe).' })
  id!: string;

  @ApiProperty({ type: 'string', format: 'uri', example: 'https://example.com/webhook/endpoint' })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEvent', isArray: true, example: ['tracker.started', 'tracker.stopped'] })
  events!: WebhookEvent[];

  @ApiProperty({
    type: 'string',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8S7xkoKiFSs=',
    description:
      'Secret token for verifying webhook authenticity: `whsec_` + base64 of 32 random bytes, fixed at creation. Deliveries ' +
      'are signed (Standard Webhooks) with the base64-decoded part after `whsec_`.',
  })
  token!: string;
}
