import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A loopback SMTP server that only counts: the worker's e-mail jobs are part of a submission's effects, and each
 * applicant must be told once. Message ids are kept to find a message sent twice.
 */
export class CountingMailSink {
  readonly messageIds: string[] = [];
  received = 0;

  private constructor(private readonly server: SMTPServer, readonly port: number) {}

  static async start(): Promise<CountingMailSink> {
    let sink: CountingMailSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 8_192) head += chunk.toString('utf8');
        });
        stream.on('end', () => {
          sink!.received += 1;
          const id = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head.split(/\r?\n\r?\n/)[0])?.[1];
          if (id) sink!.messageIds.push(id);
          callback();
        });
      },
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    sink = new CountingMailSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}
