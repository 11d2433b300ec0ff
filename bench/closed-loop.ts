/**
 * A small closed-loop HTTP/1.1 load client: `connections` keep-alive sockets, each sending its
 * next request as soon as the previous response has fully arrived, for `seconds`. Raw sockets
 * rather than node:http's client, so that the client, sharing the machine with the server, costs
 * it as little CPU as it can (it reads only the status line and Content-Length; every response
 * of this server has one).
 */
import { connect, type Socket } from 'node:net';

export interface LoadTarget {
  host: string;
  port: number;
  /** The request's bytes, for each request in turn (`n` counts the requests of this run). */
  request(n: number): Buffer;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Responses whose status was not 2xx, and connections that failed. */
  errors: number;
  /** Every latency in milliseconds, sorted. */
  latencies: Float64Array;
}

/** A request's bytes: method, path, headers and an optional JSON body. */
export function requestBytes(method: string, path: string, host: string, headers: Record<string, string>, body?: string): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: keep-alive', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (body === undefined) return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  const payload = Buffer.from(body);
  lines.push('Content-Type: application/json', `Content-Length: ${payload.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), payload]);
}

export async function closedLoop(target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, () => new Promise<void>((resolve) => {
    const socket: Socket = connect({ host: target.host, port: target.port, noDelay: true });
    let pending: Buffer[] = [];
    let buffered = 0;
    let bodyLeft = -1;
    let status = 0;
    let start = 0;
    const next = () => {
      if (performance.now() >= until) {
        socket.end();
        resolve();
        return;
      }
      start = performance.now();
      socket.write(target.request(sent++));
    };
    const done = () => {
      latencies.push(performance.now() - start);
      if (status < 200 || status >= 300) errors++;
      pending = [];
      buffered = 0;
      bodyLeft = -1;
      next();
    };
    socket.on('data', (chunk: Buffer) => {
      if (bodyLeft >= 0) {
        bodyLeft -= chunk.length;
        if (bodyLeft <= 0) done();
        return;
      }
      pending.push(chunk);
      buffered += chunk.length;
      const head = pending.length === 1 ? chunk : Buffer.concat(pending, buffered);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const text = head.toString('latin1', 0, end);
      status = Number(text.slice(9, 12));
      const length = /\r\ncontent-length: *(\d+)/i.exec(text);
      if (!length) throw new Error(`a response without Content-Length: ${text.split('\r\n')[0]}`);
      bodyLeft = Number(length[1]) - (buffered - end - 4);
      if (bodyLeft <= 0) done();
    });
    socket.on('error', () => {
      errors++;
      resolve();
    });
    socket.once('connect', next);
  })));
  const sorted = Float64Array.from(latencies).sort();
  return { requests: sorted.length, seconds: (performance.now() - started) / 1000, errors, latencies: sorted };
}

/** The latency at percentile `p` (0–100), in milliseconds. */
export function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
