import { ErrorDetail } from './domain-error';

/** The one error shape every endpoint returns. */
export interface ErrorBody {
  code: string;
  message: string;
  details: ErrorDetail[];
  requestId?: string;
}
