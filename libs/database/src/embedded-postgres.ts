import { mkdir } from 'node:fs/promises';

export interface EmbeddedPostgres {
  /** A `postgresql://` URL that `pg` (and so TypeORM) can connect to. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory that persists the database; omit for a throw-away in-memory database. */
  dataDir?: string;
  /** Concurrent client connections the socket multiplexer accepts. */
  maxConnections?: number;
}

/**
 * Real PostgreSQL compiled to WASM (PGlite), served over the wire protocol on a loopback port,
 * so the server needs no installed database by default. It runs one transaction at a time.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections ?? 10 });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
