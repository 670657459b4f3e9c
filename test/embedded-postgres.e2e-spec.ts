import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres } from '@app/database';

describe('Embedded PostgreSQL (PGlite)', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('keeps its data across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'webwork-pglite-'));
    dirs.push(dataDir);

    const first = await startEmbeddedPostgres({ dataDir });
    const writer = new pg.Client({ connectionString: first.url });
    await writer.connect();
    await writer.query('CREATE TABLE kept (id int PRIMARY KEY, label text)');
    await writer.query(`INSERT INTO kept VALUES (1, 'survives')`);
    await writer.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    const reader = new pg.Client({ connectionString: second.url });
    await reader.connect();
    const { rows } = await reader.query('SELECT label FROM kept WHERE id = 1');
    await reader.end();
    await second.stop();
    expect(rows).toEqual([{ label: 'survives' }]);
    // Two cold starts of the WASM database: slow on a busy 2-core machine.
  }, 120_000);
});
