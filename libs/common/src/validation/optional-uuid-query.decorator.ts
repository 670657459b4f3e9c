import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, registerDecorator } from 'class-validator';
import { parseUuid } from './uuid-param.pipe';

/** An optional `id`-style query filter: a canonical UUID (either case), passed on in lowercase; blank means absent. */
export function OptionalUuidQuery(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (value === '' ? undefined : (parseUuid(value) ?? value))),
    IsOptional(),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isUuid',
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: '$property must be a UUID.' },
        validator: { validate: (value: unknown) => parseUuid(value) !== undefined },
      }),
  );
}
