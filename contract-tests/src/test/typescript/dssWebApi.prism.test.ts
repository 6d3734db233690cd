/**
 * The web UI's API module (dssWebApi.ts) against `prism mock` of the bundled documents, as a frontend team runs it
 * before any DSS exists: the spec's examples alone must be enough for every call, and must agree with each other
 * (the rows example has as many cells as the schema example has columns).
 *
 * Run by PrismMockIT, which starts the two mocks and passes their URLs; by hand, with mocks running:
 *   DSS_MOCK_URL=http://127.0.0.1:4010 APINODE_MOCK_URL=http://127.0.0.1:4011 \
 *     node --test contract-tests/target/typescript/dssWebApi.prism.test.js
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DssApiError, DssWebApi } from './dssWebApi';

const dssUrl = process.env.DSS_MOCK_URL;
const apiNodeUrl = process.env.APINODE_MOCK_URL;
if (!dssUrl || !apiNodeUrl) {
  throw new Error('DSS_MOCK_URL and APINODE_MOCK_URL must name the Prism mocks of the DSS and API node documents');
}

// Prism checks the documents' security requirements: outside a DSS page the module sends an API key
const api = new DssWebApi({ dssUrl, apiNodeUrl, dssApiKey: 'any-key' });

test('the project list comes from the spec example', async () => {
  const projects = await api.listProjects();

  assert.ok(projects.length > 0);
  assert.ok(projects.every((p) => typeof p.projectKey === 'string' && p.projectKey.length > 0));
  assert.ok(projects.some((p) => p.projectKey === 'MYPROJECT'), JSON.stringify(projects));
});

test('a dataset preview zips the rows example with the schema example', async () => {
  const preview = await api.datasetPreview('MYPROJECT', 'dataset1', 10);

  assert.ok(preview.columns.length > 0);
  assert.ok(preview.records.length > 0);
  for (const record of preview.records) {
    assert.deepEqual(Object.keys(record), preview.columns.map((c) => c.name));
  }
  const integerColumn = preview.columns.find((c) => c.type === 'bigint');
  assert.ok(integerColumn, 'the schema example has a bigint column');
  assert.equal(typeof preview.records[0]?.[integerColumn.name], 'number', 'its cells cast to numbers');
});

test('a record is scored from the prediction example', async () => {
  const score = await api.scoreRecord('fraud_svc', 'fraud_detection',
    { customer_id: 2136, transaction_amount: 233.33, payment_type: 'CB' }, 'fraud-demo-key-0001');

  assert.equal(score.ignored, false);
  assert.notEqual(score.prediction, undefined);
  const total = Object.values(score.probabilities).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 1) < 1e-6, `probabilities sum to 1, got ${total}`);
});

test('the mock refuses a call without credentials, and the module reports it', async () => {
  const anonymous = new DssWebApi({ dssUrl, apiNodeUrl });

  await assert.rejects(anonymous.listProjects(), (e: unknown) => e instanceof DssApiError && e.status === 401);
});
