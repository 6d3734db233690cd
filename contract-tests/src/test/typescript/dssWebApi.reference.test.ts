/**
 * The web UI's API module (dssWebApi.ts) against a stateful DSS: the reference server, with Prism's proxy in front
 * of it so that every exchange is also checked against the mock-ready documents. Run by PrismProxyIT, which sets up
 * the project (a dataset `orders` of three columns and two rows) and passes the URLs; by hand, against a reference
 * server on 11200 with a project set up the same way:
 *   DSS_URL=http://127.0.0.1:11200 APINODE_URL=http://127.0.0.1:11200 DSS_API_KEY=my-admin-key PROJECT_KEY=DEMO \
 *     node --test contract-tests/target/typescript/dssWebApi.reference.test.js
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DssApiError, DssWebApi } from './dssWebApi';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} must be set (DSS_URL, APINODE_URL, DSS_API_KEY, PROJECT_KEY)`);
  }
  return value;
}

const projectKey = required('PROJECT_KEY');
const api = new DssWebApi({ dssUrl: required('DSS_URL'), apiNodeUrl: required('APINODE_URL'), dssApiKey: required('DSS_API_KEY') });

test('the project list holds the project that was set up', async () => {
  const projects = await api.listProjects();

  assert.ok(projects.some((p) => p.projectKey === projectKey && p.owner === 'admin'), JSON.stringify(projects));
});

test('a dataset preview reads the uploaded rows, cast by the schema', async () => {
  const preview = await api.datasetPreview(projectKey, 'orders', 10);

  assert.deepEqual(preview.columns.map((c) => c.name), ['id', 'price', 'label']);
  assert.deepEqual(preview.records, [
    { id: 1, price: 9.5, label: 'plain' },
    { id: 2, price: null, label: 'with, comma' },
  ]);
});

test('a record is scored by the demo fraud model', async () => {
  const score = await api.scoreRecord('fraud_svc', 'fraud_detection',
    { customer_id: 2136, transaction_amount: 233.33, payment_type: 'CB', utm_medium: 'campaign' }, 'fraud-demo-key-0001');

  assert.equal(score.prediction, 'FRAUDULENT');
  assert.equal(score.ignored, false);
});

test('a dataset of a project that does not exist is a DssApiError 404', async () => {
  await assert.rejects(api.datasetPreview(`${projectKey}_NOPE`, 'orders', 10),
    (e: unknown) => e instanceof DssApiError && e.status === 404 && e.message.length > 0);
});
