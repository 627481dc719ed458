/** What one HTTP call sends; `form` is a multipart body (FormData), `body` a JSON one. */
export interface SmokeRequest {
  token?: string;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/**
 * A plain HTTP client of the running API (fetch, as any client would call it), failing with the route, the request and
 * the answer whenever the status is not the one expected.
 */
export class SmokeApi {
  constructor(readonly baseUrl: string) {}

  async call<T>(expected: number, method: 'GET' | 'POST' | 'PUT', path: string, request: SmokeRequest = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    let body: string | FormData | undefined;
    if (request.form) body = request.form;
    else if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body, signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    if (response.status !== expected) {
      // forEach, not keys(): the browser tests bring the DOM library into the same compilation, whose FormData lacks keys().
      const parts: string[] = [];
      request.form?.forEach((_value, key) => parts.push(key));
      const sent = request.form ? `multipart ${parts.join(', ')}` : JSON.stringify(request.body ?? '');
      throw new Error(`${method} ${path} ${sent}\n  expected ${expected}, got ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The raw bytes of a download that must answer 200. */
  async download(path: string, token: string): Promise<{ bytes: Buffer; contentType: string | null }> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) });
    if (response.status !== 200) throw new Error(`GET ${path}: expected 200, got ${response.status}: ${await response.text()}`);
    return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
  }

  async login(tenant: string, username: string, password: string): Promise<string> {
    const session = await this.call<{ accessToken: string }>(200, 'POST', '/auth/login', { body: { tenant, username, password } });
    return session.accessToken;
  }
}
