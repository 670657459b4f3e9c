// SQL statements per request. pg_stat_statements when the server preloads it; otherwise a
// counting proxy on the PostgreSQL wire protocol between the target server and the database.
import { createServer, connect } from 'node:net';
import pg from 'pg';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/**
 * A TCP proxy that forwards bytes untouched and parses only the frontend (client → server) stream:
 * every simple Query ('Q') and every Execute ('E') of the extended protocol is one statement.
 * Parse ('P') messages give the SQL text, kept per statement for the report (spots N+1s).
 */
export async function startCountingProxy(upstreamUrl) {
  const upstream = new URL(upstreamUrl);
  const sockets = new Set();
  const stats = { statements: 0, texts: new Map() };
  const server = createServer((client) => {
    const server = connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client).add(server);
    let pending = Buffer.alloc(0);
    let started = false;
    let lastText = null;
    const named = new Map();
    const record = (text) => stats.texts.set(text, (stats.texts.get(text) ?? 0) + 1);
    client.on('data', (chunk) => {
      server.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (!started) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST && code !== CANCEL_REQUEST) started = true;
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < length + 1) break;
        const type = String.fromCharCode(pending[0]);
        if (type === 'Q') {
          stats.statements++;
          record(pending.toString('utf8', 5, length).replace(/\0$/, ''));
        } else if (type === 'P') {
          // Parse: statement name (cstring), then the query text (cstring). Named statements are parsed
          // once per connection and bound many times: remember their texts by name.
          const nameEnd = pending.indexOf(0, 5);
          lastText = pending.toString('utf8', nameEnd + 1, pending.indexOf(0, nameEnd + 1));
          if (nameEnd > 5) named.set(pending.toString('utf8', 5, nameEnd), lastText);
        } else if (type === 'B') {
          // Bind: portal name (cstring), then the statement name (cstring); '' is the unnamed statement.
          const portalEnd = pending.indexOf(0, 5);
          const statement = pending.toString('utf8', portalEnd + 1, pending.indexOf(0, portalEnd + 1));
          if (statement !== '') lastText = named.get(statement) ?? '(prepared statement)';
        } else if (type === 'E') {
          stats.statements++;
          record(lastText ?? '(prepared statement)');
        }
        pending = pending.subarray(length + 1);
      }
    });
    server.pipe(client);
    const close = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(upstreamUrl);
  url.hostname = '127.0.0.1';
  url.port = String(server.address().port);
  return {
    url: url.toString(),
    snapshot: () => ({ statements: stats.statements, texts: new Map(stats.texts) }),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The statements counted between two snapshots, with their texts, most frequent first. */
export function statementDelta(before, after) {
  const texts = [];
  for (const [text, count] of after.texts) {
    const delta = count - (before.texts.get(text) ?? 0);
    if (delta > 0) texts.push({ count: delta, sql: text.replace(/\s+/g, ' ').trim() });
  }
  texts.sort((a, b) => b.count - a.count);
  return { statements: after.statements - before.statements, texts };
}

/** pg_stat_statements, if the server has it in shared_preload_libraries; null (with the reason) otherwise. */
export async function openStatStatements(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
  } catch (error) {
    await client.end();
    return { available: false, reason: error.message };
  }
  const ownFilter = `dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`;
  return {
    available: true,
    async reset() {
      await client.query('SELECT pg_stat_statements_reset()');
    },
    async read() {
      const { rows } = await client.query(
        `SELECT calls::int AS count, query AS sql FROM pg_stat_statements WHERE ${ownFilter} ORDER BY calls DESC`,
      );
      return {
        statements: rows.reduce((sum, row) => sum + row.count, 0),
        texts: rows.map((row) => ({ ...row, sql: row.sql.replace(/\s+/g, ' ') })),
      };
    },
    close: () => client.end(),
  };
}
