import { PaginationMeta, RawBody, Reply } from '@app/common';
import { stringify } from 'csv-stringify/sync';

export type ReportFormat = 'json' | 'csv';

const CSV = 'text/csv';
const JSON_TYPE = 'application/json';

/**
 * Extension: `Accept: text/csv` answers a report as CSV; JSON stays the default. The better-ranked of the two
 * (by q, then by order) wins, JSON on a tie, `*` ranges counting for JSON.
 */
export function reportFormat(accept: string | undefined): ReportFormat {
  if (!accept) return 'json';
  let best: { format: ReportFormat; q: number } = { format: 'json', q: -1 };
  for (const range of accept.split(',')) {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    const format: ReportFormat | undefined =
      type === CSV ? 'csv' : type === JSON_TYPE || type === 'application/*' || type === '*/*' ? 'json' : undefined;
    if (format && (q > best.q || (q === best.q && format === 'json' && best.format !== 'json'))) best = { format, q };
  }
  return best.format;
}

/** The Media Type Object of the CSV alternative in the generated document. */
export const CSV_ALTERNATIVE = {
  [CSV]: {
    schema: {
      type: 'string',
      description:
        'Extension: sent for `Accept: text/csv` (JSON is the default), as an attachment (`Content-Disposition`), one row per ' +
        'report line after a header row; a per-user report holds the same page as the JSON answer.',
    },
    'x-extension': true,
  },
} as const;

export type CsvCell = string | number | null;

/** A CSV attachment: a header row, then the rows (null as an empty cell). */
export function csvFile(filename: string, columns: readonly string[], rows: readonly CsvCell[][]): RawBody {
  const text = stringify([...rows], { header: true, columns: [...columns], cast: { number: (value) => String(value) } });
  return new RawBody(text.length > 0 ? text : `${columns.join(',')}\n`, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  });
}

/** JSON (the envelope, with the page of a per-user report) or the CSV of the same report. */
export function answer<T>(format: ReportFormat, report: T, csv: () => RawBody, pagination?: PaginationMeta): Reply<T> | RawBody {
  return format === 'csv' ? csv() : new Reply(report, { pagination });
}
