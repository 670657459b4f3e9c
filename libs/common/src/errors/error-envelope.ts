import { responseMeta, ResponseMeta } from '../envelope/meta';
import { FieldErrors } from './api-exception';
import { httpReason } from './http-reason';

export interface ErrorEnvelope {
  success: false;
  message: string;
  error: string;
  errors?: FieldErrors;
  meta: ResponseMeta;
}

export function errorEnvelope(status: number, message: string, errors?: FieldErrors): ErrorEnvelope {
  return {
    success: false,
    message,
    error: httpReason(status),
    ...(errors ? { errors } : {}),
    meta: responseMeta(),
  };
}
