import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedRequest {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; subject: string; streamversion: number; time: string; data: Record<string, unknown> } & Record<string, unknown>;
  answered: number;
}

/** An HTTP receiver that records every request and answers what `answer` says (200 by default). */
export class RecordingReceiver {
  readonly requests: ReceivedRequest[] = [];
  answer: (request: Omit<ReceivedRequest, 'answered'>) => number = () => 200;
  private server: Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Requests answered with a 2xx, in arrival order. */
  get accepted(): ReceivedRequest[] {
    return this.requests.filter((request) => request.answered < 300);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const received = { at: Date.now(), headers: req.headers, body, event: JSON.parse(body) as ReceivedRequest['event'] };
        const status = this.answer(received);
        this.requests.push({ ...received, answered: status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
