import { STATUS_CODES } from 'node:http';

const OVERRIDES: Record<number, string> = { 422: 'Unprocessable Entity', 413: 'Payload Too Large' };

export function httpReason(status: number): string {
  return OVERRIDES[status] ?? STATUS_CODES[status] ?? 'Error';
}
