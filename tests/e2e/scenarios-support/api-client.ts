import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Session } from '../../support/factories';

export type Method = 'get' | 'post' | 'put';

export interface ApiCall {
  method: Method;
  path: string;
  body?: object;
  headers?: Record<string, string>;
  /** A multipart upload: the part named `file` plus text fields. */
  file?: { bytes: Buffer; name: string; contentType: string; fields?: Record<string, string> };
}

/** Thrown when a call answers with another status than the step expects: names the route, the request and the answer. */
export class UnexpectedResponseError extends Error {}

/**
 * Calls the API as a signed-in user (or anonymously, as the public) and checks the status the scenario expects. A
 * mismatch fails the step with route, request body and response, which is what the scenario report needs.
 */
export class ApiClient {
  constructor(private readonly app: INestApplication) {}

  async call<T>(session: Session | null, expected: number, call: ApiCall): Promise<{ status: number; body: T; headers: Record<string, string> }> {
    const url = `/api/v1${call.path}`;
    let pending = request(this.app.getHttpServer())[call.method](url);
    if (session) pending = pending.set(session.headers);
    for (const [name, value] of Object.entries(call.headers ?? {})) pending = pending.set(name, value);
    if (call.file) {
      for (const [name, value] of Object.entries(call.file.fields ?? {})) pending = pending.field(name, value);
      pending = pending.attach('file', call.file.bytes, { filename: call.file.name, contentType: call.file.contentType });
    } else if (call.body !== undefined) {
      pending = pending.send(call.body);
    }
    const response = await pending;
    if (response.status !== expected) {
      throw new UnexpectedResponseError(
        `${call.method.toUpperCase()} ${url} ${call.body ? JSON.stringify(call.body) : ''}\n  expected ${expected}, got ${response.status}: ${JSON.stringify(response.body)}`,
      );
    }
    return { status: response.status, body: response.body as T, headers: response.headers as Record<string, string> };
  }

  /** The body of a call that must answer `expected`. */
  async expect<T>(session: Session | null, expected: number, call: ApiCall): Promise<T> {
    return (await this.call<T>(session, expected, call)).body;
  }
}

/** A small but real PDF (header, one page, cross-reference table, trailer), so content sniffing accepts it. */
export function pdfBytes(text = 'evidence'): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj`,
    `4 0 obj << /Length ${text.length + 20} >> stream\nBT /F1 12 Tf (${text}) Tj ET\nendstream endobj`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${object}\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
