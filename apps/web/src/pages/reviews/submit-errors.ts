import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { showFieldErrors } from '../../components/form-errors';

/**
 * A refused submission: each field's problem beside its field; an alert above the button only for what no field
 * holds (a state conflict, a network failure, a problem of the request as a whole).
 */
export function placeErrors(form: FormInstance, error: unknown): unknown {
  const left = showFieldErrors(form, error);
  const allPlaced = error instanceof ApiError && error.details.length > 0 && left.length === 0;
  return allPlaced ? undefined : error;
}
