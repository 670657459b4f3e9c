import { FieldErrors } from '../errors/api-exception';

/**
 * Dot paths of every string under `value` that holds a NUL character, which PostgreSQL text cannot store.
 * Iterative, so a deep value cannot overflow the stack (bodies are depth-limited before this anyway).
 */
export function nulCharacterFields(value: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const pending: [path: string, value: unknown][] = [['', value]];
  while (pending.length > 0) {
    const [path, current] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) errors[path || 'body'] = [`The ${path || 'body'} field must not contain NUL characters.`];
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) pending.push([path ? `${path}.${key}` : key, child]);
    }
  }
  return errors;
}
