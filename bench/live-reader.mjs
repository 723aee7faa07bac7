// The live client of the benchmark, in its own process as the UI is (a reader inside the load
// generator's process would slow the load generator, not the receiver). It counts the capture
// summaries pushed over the stream without decoding them and prints the count when stopped.
// Usage: node bench/live-reader.mjs <ui-url> <token>
import { get } from 'node:http';

const [uiUrl, token] = process.argv.slice(2);
const marker = Buffer.from('"method":');
let pushed = 0;
get(`${uiUrl}/api/stream`, { headers: { authorization: `Bearer ${token}` } }, (response) => {
  console.log(`STREAMING ${response.statusCode}`);
  // The last bytes of each chunk are searched again with the next one: a marker may straddle them.
  let carry = Buffer.alloc(0);
  response.on('data', (chunk) => {
    const text = Buffer.concat([carry, chunk]);
    let end = 0;
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, end)) {
      pushed += 1;
      end = at + marker.length;
    }
    carry = text.subarray(Math.max(end, text.length - marker.length + 1));
  });
});
process.on('SIGTERM', () => {
  console.log(`PUSHED ${pushed}`);
  process.exit(0);
});
