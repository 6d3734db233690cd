/**
 * pact-js consumer test of the web UI's API module (dssWebApi.ts). Writes
 * dss-web-frontend-dss-reference-server.json and dss-web-frontend-dss-apinode.json into PACT_DIR, where the Java
 * provider verification (DssReferenceServerPactIT, ApiNodePactIT) and the spec check (PactsMatchSpecIT) pick them up.
 *
 * Run by WebFrontendPactTest; by hand from the repository root:
 *   node_modules/.bin/tsc -p contract-tests/src/test/typescript
 *   PACT_DIR=contract-tests/target/pacts node --test contract-tests/target/typescript/dssWebApi.pact.test.js
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { DssApiError, DssWebApi } from './dssWebApi';

const { like, eachLike, regex, boolean, decimal } = MatchersV3;

const PACT_DIR = path.resolve(process.env.PACT_DIR || path.join(__dirname, '..', 'pacts'));

const CONSUMER = 'dss-web-frontend';
// Provider names and states must be PactNames.java's, character for character: the Java verification picks pacts
// by provider name and runs the @State methods by their exact text.
const DSS_PROVIDER = 'dss-reference-server';
const APINODE_PROVIDER = 'dss-apinode';
const STATE_PROJECT_WITH_ORDERS = 'project PACT_P exists with uploaded dataset orders holding 3 rows';
const STATE_NO_SUCH_PROJECT = 'project NO_SUCH_PROJECT does not exist';
const STATE_DEMO_SERVICES = 'the demo services fraud_svc, lookup_svc, sql_svc and python_svc are deployed';
const FRAUD_KEY = 'fraud-demo-key-0001';

const BASE = '/dip/publicapi';
const ORDERS = `${BASE}/projects/PACT_P/datasets/orders`;
const COLUMN_TYPE = '^(string|boolean|tinyint|smallint|int|bigint|float|double|date|dateonly|datetimenotz|geopoint|geometry|array|map|object)$';
const INTEGER_CELL = '^-?[0-9]+$';
const DECIMAL_CELL = '^-?[0-9]+(\\.[0-9]+)?$';
const JSON_RESPONSE = { 'Content-Type': regex('^application/json(;.*)?$', 'application/json') };
const ACCEPT_JSON = { Accept: 'application/json' };

// pact-js merges into an existing pact file, which would keep interactions dropped from this test (and, with
// pact-js 16.5, duplicates the rows interaction on a rerun): each run starts from no frontend pact
before(() => {
  for (const provider of [DSS_PROVIDER, APINODE_PROVIDER]) {
    rmSync(path.join(PACT_DIR, `${CONSUMER}-${provider}.json`), { force: true });
  }
});

const dss = new PactV4({ consumer: CONSUMER, provider: DSS_PROVIDER, dir: PACT_DIR, logLevel: 'warn' });
const apiNode = new PactV4({ consumer: CONSUMER, provider: APINODE_PROVIDER, dir: PACT_DIR, logLevel: 'warn' });

// DSS and the API node are one mock server each; the UI module is pointed at whichever the interaction needs
function webApi(url: string): DssWebApi {
  return new DssWebApi({ dssUrl: url, apiNodeUrl: url });
}

describe('web UI against DSS (pact with dss-reference-server)', () => {
  test('lists the projects', async () => {
    await dss.addInteraction()
      .given(STATE_PROJECT_WITH_ORDERS)
      .uponReceiving('a request from the web UI to list the projects')
      .withRequest('GET', `${BASE}/projects/`, (req) => req.headers(ACCEPT_JSON))
      .willRespondWith(200, (res) => res.headers(JSON_RESPONSE).jsonBody(
        eachLike({ projectKey: like('PACT_P'), name: like('Pact project'), owner: like('admin') })))
      .executeTest(async (mock) => {
        const projects = await webApi(mock.url).listProjects();
        assert.deepEqual(projects, [{ projectKey: 'PACT_P', name: 'Pact project', owner: 'admin' }]);
      });
  });

  test('previews a dataset: its schema, then its first rows as records typed by column', async () => {
    // two interactions on one mock server (the first is registered on the pact, the second runs the test): the
    // preview makes both calls
    dss.addInteraction()
      .given(STATE_PROJECT_WITH_ORDERS)
      .uponReceiving("a request from the web UI for a dataset's schema")
      .withRequest('GET', `${ORDERS}/schema`, (req) => req.headers(ACCEPT_JSON))
      .willRespondWith(200, (res) => res.headers(JSON_RESPONSE).jsonBody({
        // exactly the two columns of the state: the UI zips each row's cells with them by position
        columns: [
          { name: like('id'), type: regex(COLUMN_TYPE, 'bigint') },
          { name: like('price'), type: regex(COLUMN_TYPE, 'double') },
        ],
      }));
    await dss.addInteraction()
      .given(STATE_PROJECT_WITH_ORDERS)
      .uponReceiving("a request from the web UI for a dataset's rows as JSON")
      .withRequest('GET', `${ORDERS}/data/`, (req) => req.query({ format: 'json' }).headers(ACCEPT_JSON))
      .willRespondWith(200, (res) => res.headers(JSON_RESPONSE).jsonBody(
        // the state holds exactly 3 rows; cells are strings (DataRows), cast by the UI with the schema's types
        [['1', '9.5'], ['2', '3.25'], ['3', '12']].map(([id, price]) => [
          regex(INTEGER_CELL, id as string), regex(DECIMAL_CELL, price as string)])))
      .executeTest(async (mock) => {
        const preview = await webApi(mock.url).datasetPreview<{ id: number; price: number }>('PACT_P', 'orders', 2);
        assert.deepEqual(preview.columns, [{ name: 'id', type: 'bigint' }, { name: 'price', type: 'double' }]);
        assert.deepEqual(preview.records, [{ id: 1, price: 9.5 }, { id: 2, price: 3.25 }]);
        const first = preview.records[0];
        assert.ok(first);
        assert.equal(first.price * 2, 19, 'cells are numbers, not strings');
      });
  });

  test("a project that does not exist: the preview throws the DSS error with status 404", async () => {
    await dss.addInteraction()
      .given(STATE_NO_SUCH_PROJECT)
      .uponReceiving("a request from the web UI for the schema of a dataset in a project that does not exist")
      .withRequest('GET', `${BASE}/projects/NO_SUCH_PROJECT/datasets/orders/schema`, (req) => req.headers(ACCEPT_JSON))
      .willRespondWith(404, (res) => res.headers(JSON_RESPONSE).jsonBody({
        errorType: like('com.dataiku.dip.server.controllers.NotFoundException'),
        message: like("Project 'NO_SUCH_PROJECT' does not exist"),
      }))
      .executeTest(async (mock) => {
        // only the schema call is made: the rows are never asked for once the schema failed
        await assert.rejects(webApi(mock.url).datasetPreview('NO_SUCH_PROJECT', 'orders', 10), (error: unknown) => {
          assert.ok(error instanceof DssApiError, `expected a DssApiError, got ${String(error)}`);
          assert.equal(error.status, 404);
          assert.equal(error.errorType, 'com.dataiku.dip.server.controllers.NotFoundException');
          assert.match(error.message, /NO_SUCH_PROJECT/);
          return true;
        });
      });
  });
});

describe('web UI against the API node (pact with dss-apinode)', () => {
  test('scores a record on fraud_svc/fraud_detection', async () => {
    const features = { customer_id: 2136, transaction_amount: 233.33, payment_type: 'CB' };
    await apiNode.addInteraction()
      .given(STATE_DEMO_SERVICES)
      .uponReceiving('a request from the web UI to score one record')
      .withRequest('POST', '/public/api/v1/fraud_svc/fraud_detection/predict', (req) => req
        .headers({
          // recorded literally, as the Java pact does: the demo key is public and the service is not
          Authorization: `Basic ${Buffer.from(`${FRAUD_KEY}:`).toString('base64')}`,
          'Content-Type': 'application/json',
          ...ACCEPT_JSON,
        })
        // only the features: the UI leaves explanations to the endpoint's default (the Java client always sends them)
        .jsonBody({ features }))
      .willRespondWith(200, (res) => res.headers(JSON_RESPONSE).jsonBody({
        result: {
          prediction: regex('^(FRAUDULENT|NOT_FRAUDULENT)$', 'FRAUDULENT'),
          probas: { FRAUDULENT: decimal(0.65), NOT_FRAUDULENT: decimal(0.35) },
          ignored: boolean(false),
        },
        apiContext: { serviceId: 'fraud_svc', endpointId: 'fraud_detection', serviceGeneration: like('v1') },
      }))
      .executeTest(async (mock) => {
        const score = await webApi(mock.url).scoreRecord('fraud_svc', 'fraud_detection', features, FRAUD_KEY);
        assert.deepEqual(score, {
          prediction: 'FRAUDULENT',
          probabilities: { FRAUDULENT: 0.65, NOT_FRAUDULENT: 0.35 },
          ignored: false,
        });
      });
  });
});

describe('the consumer check can fail', () => {
  // a pact of its own, written (if ever) to a throwaway directory: these interactions must never reach PACT_DIR
  const scratch = mkdtempSync(path.join(tmpdir(), 'dss-web-frontend-failing-'));
  const failing = new PactV4({ consumer: `${CONSUMER}-failing`, provider: DSS_PROVIDER, dir: scratch, logLevel: 'error' });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  function describeListProjects() {
    return failing.addInteraction()
      .given(STATE_PROJECT_WITH_ORDERS)
      .uponReceiving('a request to list the projects')
      .withRequest('GET', `${BASE}/projects/`, (req) => req.headers(ACCEPT_JSON))
      .willRespondWith(200, (res) => res.headers(JSON_RESPONSE).jsonBody(eachLike({ projectKey: like('PACT_P') })));
  }

  test('a call to a path the pact does not describe makes executeTest reject', async (t) => {
    t.diagnostic('the mismatch report pact-js logs for this test is the expected failure');
    await assert.rejects(describeListProjects().executeTest(async (mock) => {
      // the mock server answers an undescribed request with a 500, which the UI module turns into a DssApiError
      await webApi(mock.url).datasetPreview('PACT_P', 'orders', 1);
    }), (error: unknown) => error instanceof DssApiError && error.status === 500);
  });

  test('an interaction the UI never makes fails the test as well', async () => {
    await assert.rejects(describeListProjects().executeTest(async () => undefined), /Test failed for the following reasons/);
  });

  test('nothing of the failing pact was written', () => {
    assert.deepEqual(readdirSync(scratch), []);
  });
});
