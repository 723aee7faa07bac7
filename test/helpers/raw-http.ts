import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  head: string;
  body: Buffer;
}

/**
 * Writes an HTTP/1.1 request byte for byte over a socket, so tests control header order,
 * case, duplicates and body bytes exactly (fetch normalizes some of these).
 */
export function rawRequest(url: string, requestHead: string, body: Buffer = Buffer.alloc(0)): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(Buffer.concat([Buffer.from(requestHead.replace(/\n/g, '\r\n') + '\r\n\r\n', 'latin1'), body]));
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1');
      resolve({ status: Number(head.split(' ')[1]), head, body: all.subarray(split + 4) });
    });
  });
}
