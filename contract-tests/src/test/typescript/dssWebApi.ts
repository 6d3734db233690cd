/**
 * The calls a web UI makes to DSS and to the API node: the project list, a dataset preview (schema and first rows)
 * and scoring one record. Written against the browser's `fetch` (Node 20 has the same global), so the module can
 * be lifted into a frontend as is; its pact-js consumer test is dssWebApi.pact.test.ts.
 */

/** Base the DSS public API is served under (the one the Python and Java clients use). */
export const DSS_BASE = '/dip/publicapi';

export interface WebApiConfig {
  /** Origin of DSS, e.g. `https://dss.example.com` (empty for same-origin calls from a page DSS serves). */
  dssUrl: string;
  /** Origin of the API node, e.g. `https://apinode.example.com`. */
  apiNodeUrl: string;
  /**
   * DSS API key, for calls made from outside a page DSS serves (a Node backend, a test against a mock server). In
   * the browser leave it out: the DSS session cookie authenticates the page's calls.
   */
  dssApiKey?: string;
}

/** What the project list shows of each project. */
export interface ProjectListItem {
  projectKey: string;
  name: string;
  owner: string;
}

export type ColumnType =
  | 'string' | 'boolean' | 'tinyint' | 'smallint' | 'int' | 'bigint' | 'float' | 'double'
  | 'date' | 'dateonly' | 'datetimenotz' | 'geopoint' | 'geometry' | 'array' | 'map' | 'object';

export interface SchemaColumn {
  name: string;
  type: ColumnType;
}

/** A cell once cast by its column's type; `null` for an empty or uncastable cell. */
export type Cell = string | number | boolean | null;

export type PreviewRecord = Record<string, Cell>;

export interface DatasetPreview<R extends PreviewRecord = PreviewRecord> {
  columns: SchemaColumn[];
  records: R[];
}

/** A feature value of a record to score (any JSON scalar, `null` for a missing value). */
export type FeatureValue = string | number | boolean | null;

export interface Score {
  /** The predicted class (classification) or value (regression); absent when the record was ignored. */
  prediction?: string | number;
  /** Probability of each class (classification only). */
  probabilities: Record<string, number>;
  ignored: boolean;
  ignoreReason?: string;
}

/** A non-2xx answer, with what DSS (or the API node) said in its `DSSError` body. */
export class DssApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    readonly detailedMessage: string | undefined,
    readonly url: string,
  ) {
    super(message);
    this.name = 'DssApiError';
  }
}

const INTEGER_TYPES: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'int', 'bigint']);
const DECIMAL_TYPES: ReadonlySet<string> = new Set(['float', 'double']);
const DATE_TYPES: ReadonlySet<string> = new Set(['date', 'dateonly', 'datetimenotz']);

/**
 * Casts a cell the way the Python client does (TabularDataFormat in the spec): numbers that do not parse give null,
 * booleans are true only for "true" in any case, empty dates are null; dates otherwise stay ISO strings. A bigint
 * beyond 2^53 loses precision in a JS number; a UI that shows such ids should keep the string instead.
 */
export function castCell(value: string | null, type: ColumnType): Cell {
  if (value === null) {
    return null;
  }
  if (INTEGER_TYPES.has(type) || DECIMAL_TYPES.has(type)) {
    // Number('') and Number(' ') are 0, not a failed cast
    const n = value.trim() === '' ? NaN : Number(value);
    return Number.isFinite(n) && (!INTEGER_TYPES.has(type) || Number.isInteger(n)) ? n : null;
  }
  if (type === 'boolean') {
    return value.toLowerCase() === 'true';
  }
  if (DATE_TYPES.has(type) && value === '') {
    return null;
  }
  return value;
}

export class DssWebApi {
  private readonly dssUrl: string;
  private readonly apiNodeUrl: string;
  private readonly dssHeaders: Record<string, string>;

  constructor(config: WebApiConfig) {
    this.dssUrl = stripTrailingSlash(config.dssUrl, 'dssUrl');
    this.apiNodeUrl = stripTrailingSlash(config.apiNodeUrl, 'apiNodeUrl');
    this.dssHeaders = { Accept: 'application/json' };
    if (config.dssApiKey) {
      this.dssHeaders.Authorization = basicAuth(config.dssApiKey);
    }
  }

  async listProjects(): Promise<ProjectListItem[]> {
    // the list needs no folder locations, so the optional includeLocation is left out (the Java client always sends it)
    const projects = await this.getJson<ProjectListItem[]>(`${DSS_BASE}/projects/`);
    return projects.map(({ projectKey, name, owner }) => ({ projectKey, name, owner }));
  }

  /**
   * The schema of a dataset and its first `maxRows` rows, as records keyed by column name with cells cast by
   * column type.
   */
  async datasetPreview<R extends PreviewRecord = PreviewRecord>(
    projectKey: string,
    dataset: string,
    maxRows: number,
  ): Promise<DatasetPreview<R>> {
    requireName(projectKey, 'projectKey');
    requireName(dataset, 'dataset');
    if (!Number.isInteger(maxRows) || maxRows < 0) {
      throw new RangeError(`maxRows must be a non-negative integer, got ${maxRows}`);
    }
    const path = `${DSS_BASE}/projects/${encodeURIComponent(projectKey)}/datasets/${encodeURIComponent(dataset)}`;
    // schema first, not in parallel: a missing project or dataset then costs one request, and the schema is what
    // the rows are zipped with
    const { columns } = await this.getJson<{ columns: SchemaColumn[] }>(`${path}/schema`);
    // format=json, not the Java/Python clients' tsv-excel-noheader: a browser parses JSON natively. No
    // readSessionId (and no finish-streaming): the UI reads the whole answer at once instead of streaming it.
    // The spec's data read has no row limit, so the first rows are cut here.
    const rows = await this.getJson<(string | null)[][]>(`${path}/data/?format=json`);
    const records = rows.slice(0, maxRows).map((row, index) => {
      if (row.length !== columns.length) {
        throw new Error(`row ${index} of ${projectKey}.${dataset} has ${row.length} cells for ${columns.length} columns`);
      }
      const record: PreviewRecord = {};
      columns.forEach((column, i) => {
        record[column.name] = castCell(row[i] ?? null, column.type);
      });
      return record as R;
    });
    return { columns, records };
  }

  /** Scores one record on a prediction endpoint of the API node. */
  async scoreRecord(
    service: string,
    endpoint: string,
    features: Record<string, FeatureValue>,
    apiKey?: string,
  ): Promise<Score> {
    requireName(service, 'service');
    requireName(endpoint, 'endpoint');
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (apiKey) {
      headers.Authorization = basicAuth(apiKey);
    }
    const url = `${this.apiNodeUrl}/public/api/v1/${encodeURIComponent(service)}/${encodeURIComponent(endpoint)}/predict`;
    const answer = await send<{ result: PredictionResult }>(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ features }),
    });
    const { prediction, probas, ignored, ignoreReason } = answer.result;
    return {
      ...(prediction === undefined ? {} : { prediction }),
      probabilities: probas ?? {},
      ignored: ignored ?? false,
      ...(ignoreReason === undefined ? {} : { ignoreReason }),
    };
  }

  private getJson<T>(path: string): Promise<T> {
    return send<T>(`${this.dssUrl}${path}`, { headers: this.dssHeaders });
  }
}

interface PredictionResult {
  prediction?: string | number;
  probas?: Record<string, number>;
  ignored?: boolean;
  ignoreReason?: string;
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    throw errorOf(response, text, url);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DssApiError(response.status, 'InvalidResponse',
      `${init.method ?? 'GET'} ${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
      undefined, url);
  }
}

function errorOf(response: Response, text: string, url: string): DssApiError {
  let body: { errorType?: unknown; message?: unknown; detailedMessage?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') {
      body = parsed;
    }
  } catch {
    // a proxy's HTML error page, an empty body: the status is all there is
  }
  const errorType = typeof body.errorType === 'string' ? body.errorType : 'Unknown error';
  const message = typeof body.message === 'string' ? body.message
    : `HTTP ${response.status} ${response.statusText}`.trim();
  const detailed = typeof body.detailedMessage === 'string' ? body.detailedMessage : undefined;
  return new DssApiError(response.status, errorType, message, detailed, url);
}

/** DSS and the API node take an API key as the Basic user name with an empty password. */
function basicAuth(apiKey: string): string {
  return `Basic ${btoa(`${apiKey}:`)}`;
}

function stripTrailingSlash(url: string, what: string): string {
  if (typeof url !== 'string') {
    throw new TypeError(`${what} must be a URL string, got ${typeof url}`);
  }
  return url.replace(/\/+$/, '');
}

function requireName(value: string, what: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${what} must be a non-empty string`);
  }
}
