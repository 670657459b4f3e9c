import { isEmail, ValidationOptions, ValidateBy } from 'class-validator';

/** A UTF-16 surrogate without its partner: JSON can carry one (`"\ud800"`), Unicode text cannot. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * An e-mail address, as class-validator's `@IsEmail()` judges it, except that a string holding a lone
 * surrogate is simply not one: validator.js measures addresses with `encodeURI`, which throws a URIError on
 * such a string (a 500 where a 422 belongs).
 */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value);
}

export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isEmail', validator: { validate: isEmailAddress } }, options);
}
