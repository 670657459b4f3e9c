import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { AllowedTarget, pinnedLookup } from '../webhooks/target-policy';
import { RESPONSE_EXCERPT_BYTES } from './webhook-delivery-attempt.entity';

export interface DeliveryRequest {
  /** What the target policy checked: the connection goes to those addresses and nowhere else (no second DNS lookup). */
  target: AllowedTarget;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface DeliveryResponse {
  latencyMs: number;
  /** Null when no answer arrived in time (timeout, refused connection, TLS error ...). */
  status: number | null;
  error: string | null;
  /** The first 1 KB of the answer's body. */
  body: string | null;
}

/** Text PostgreSQL can store: no NUL, no half character where the excerpt was cut. */
const excerptText = (bytes: Buffer): string =>
  bytes
    .toString('utf8')
    .replaceAll(String.fromCharCode(0), '')
    .replace(/\uFFFD+$/, '');

/**
 * One POST, as webhooks.md's delivery rules want it: to the pinned addresses (TLS still verifies the URL's host
 * name), a fresh connection (no agent, so no socket opened for an earlier address is reused), no redirects (Node's
 * client never follows them; a 3xx is just a non-2xx answer), and one deadline for connecting, the answer and
 * the excerpt together. An answer whose status arrived before the deadline counts, even if its body did not.
 */
export function sendDelivery(delivery: DeliveryRequest): Promise<DeliveryResponse> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    let status: number | null = null;
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (error: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const body = status === null ? null : excerptText(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES));
      resolve({ latencyMs: elapsed(), status, error: status === null ? error : null, body });
      req.destroy();
    };
    const { url, addresses } = delivery.target;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, {
      method: 'POST',
      agent: false,
      lookup: pinnedLookup(addresses) as unknown as LookupFunction,
      headers: { ...delivery.headers, 'Content-Length': String(Buffer.byteLength(delivery.body)) },
    });
    const timer = setTimeout(() => finish(`No answer within ${delivery.timeoutMs} ms`), delivery.timeoutMs);
    req.on('response', (response: IncomingMessage) => {
      status = response.statusCode ?? null;
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received >= RESPONSE_EXCERPT_BYTES) finish(null);
      });
      response.on('end', () => finish(null));
      response.on('error', () => finish(null));
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish(error.code ? `${error.code}: ${error.message}` : error.message));
    req.end(delivery.body);
  });
}
