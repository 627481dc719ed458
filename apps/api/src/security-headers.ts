import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

export const API_DOCS_PATH = '/api/docs';

/**
 * Helmet's defaults everywhere: `script-src 'self'`, no inline script, so an injected `<script>` never runs. Two
 * additions for the web application's evidence preview, which fetches a file with the session's token and shows it from
 * a blob: URL: images (`img-src 'self' data: blob:`) and PDFs in a frame (`frame-src 'self' blob:`); nothing else.
 */
const strict = helmet({
  contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'frame-src': ["'self'", 'blob:'] } },
});

/** Swagger UI's page inlines its start-up script and styles; only its own pages get this policy. */
const forApiDocs = helmet({
  contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] } },
});

function isApiDocs(path: string): boolean {
  return path === API_DOCS_PATH || path.startsWith(`${API_DOCS_PATH}/`);
}

/** Security headers for every response, with the relaxed content security policy under /api/docs alone. */
export function securityHeaders(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => (isApiDocs(request.path) ? forApiDocs : strict)(request, response, next);
}
