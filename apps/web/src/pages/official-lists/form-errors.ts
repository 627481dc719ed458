import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { showFieldErrors } from '../../components/form-errors';

/** Each refused field's words beside it; what no field holds (a state conflict, the file) is returned for an alert. */
export function placeErrors(form: FormInstance, error: unknown): unknown {
  const left = showFieldErrors(form, error);
  return error instanceof ApiError && error.details.length > 0 && left.length === 0 ? undefined : error;
}
