// Baseline: a bare Fastify route that keeps the raw body as a Buffer and answers 200.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
app.all('/*', async () => ({ received: true }));
app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(`READY ${app.server.address().port}`));
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
