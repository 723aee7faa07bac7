// Yardstick: the least a durable receiver can do on the required stack. Fastify keeps the raw body,
// better-sqlite3 stores it with the raw headers in one WAL table (no index, no verification, no live
// push), commits are grouped per event-loop turn, and the 200 goes out only after the commit: the
// same durability promise Hookscope makes. Whatever this server loses against node:http is the
// price of the stack and of that promise, not of Hookscope's own work.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(join(process.argv[2], 'yardstick.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'CREATE TABLE IF NOT EXISTS captures (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL)',
);
const insert = db.prepare('INSERT INTO captures (received_at, headers, body) VALUES (?, ?, ?)');
const insertAll = db.transaction((items) => {
  for (const item of items) insert.run(item.receivedAt, item.headers, item.body);
});

let pending = [];
function commit() {
  const batch = pending;
  pending = [];
  insertAll(batch);
  for (const item of batch) item.done();
}

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
app.all('/*', async (request) => {
  await new Promise((done) => {
    if (pending.length === 0) setImmediate(commit);
    pending.push({ receivedAt: Date.now(), headers: JSON.stringify(request.raw.rawHeaders), body: request.body ?? Buffer.alloc(0), done });
  });
  return { received: true };
});
app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(`READY ${app.server.address().port}`));
process.on('SIGTERM', () =>
  app.close().then(() => {
    db.close();
    process.exit(0);
  }),
);
