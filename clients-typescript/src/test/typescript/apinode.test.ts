import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apinode, DssApiError } from '../src/index';
import { apinodeConfiguration } from './support';

/** Every operation of the API node user API document, on the reference server's demo services. */
const open = apinodeConfiguration();
const fraudKey = apinodeConfiguration('fraud-demo-key-0001');

async function rejection(call: Promise<unknown>): Promise<DssApiError> {
    const thrown = await call.then(() => undefined, (error: unknown) => error);
    if (thrown instanceof DssApiError) {
        return thrown;
    }
    throw new assert.AssertionError({ message: `expected a DssApiError, got ${String(thrown)}` });
}

describe('API node', () => {
    it('predicts one record, several, and one from query parameters', async () => {
        const prediction = new apinode.PredictionApi(fraudKey);
        const one = await prediction.predictRecord({
            serviceId: 'fraud_svc', endpointId: 'fraud_detection',
            predictionRequest: {
                features: { customer_id: 2136, transaction_amount: 233.33, payment_type: 'CB', utm_medium: 'campaign' },
                explanations: { enabled: true, method: apinode.ExplanationMethod.Ice, nExplanations: 2 },
            },
        });
        assert.equal(one.result?.prediction, 'FRAUDULENT');
        const many = await prediction.predictRecords({
            serviceId: 'fraud_svc', endpointId: 'fraud_detection',
            predictionMultiRequest: { items: [{ features: { transaction_amount: 10 } }, { features: { customer_id: 9999 } }] },
        });
        assert.equal(many.results?.length, 2);

        const pricing = new apinode.PredictionApi(open);
        const paris = await pricing.predictSimple({
            serviceId: 'pricing_svc', endpointId: 'house_price', features: { surface_m2: '80', rooms: '3', city: 'Paris' },
        });
        const other = await pricing.predictSimple({
            serviceId: 'pricing_svc', endpointId: 'house_price', features: { surface_m2: '80', rooms: '3', city: 'Other' },
        });
        assert.equal(Number(paris.result?.prediction) - Number(other.result?.prediction), 250000);
    });

    it('forecasts and predicts effects', async () => {
        const forecast = await new apinode.ForecastApi(open).forecast({
            serviceId: 'forecast_svc', endpointId: 'sales_forecast',
            forecastRequest: { items: [{ store: 'A', date: '2024-01-01', sales: 10 }, { store: 'A', date: '2024-01-02', sales: 20 }] },
        });
        assert.equal(forecast.results?.length, 3);
        const effects = new apinode.CausalPredictionApi(open);
        const one = await effects.predictEffect({
            serviceId: 'uplift_svc', endpointId: 'discount_effect', effectRequest: { features: { basket_value: 60 } },
        });
        assert.ok(Math.abs(Number(one.result?.prediction) - (4.0 + 0.05 * 60 - 0.8 * 2)) < 1e-9);
        const many = await effects.predictEffects({
            serviceId: 'uplift_svc', endpointId: 'discount_effect', effectMultiRequest: { items: [{ features: { channel: 'web' } }] },
        });
        assert.equal(many.results?.length, 1);
    });

    it('runs a function and a SQL query, with a body and with query parameters', async () => {
        const functions = new apinode.FunctionsApi(open);
        const posted = await functions.runFunction({ serviceId: 'python_svc', endpointId: 'simple_sum', requestBody: { param1: 30, param2: 12 } });
        assert.match(JSON.stringify(posted.response), /42/);
        const got = await functions.runFunctionWithQueryParams({
            serviceId: 'python_svc', endpointId: 'simple_sum', args: { param1: '30', param2: '12' },
        });
        assert.match(JSON.stringify(got.response), /3012|42/);

        const queries = new apinode.SQLQueriesApi(open);
        const body = await queries.sqlQuery({ serviceId: 'sql_svc', endpointId: 'simple_filter', requestBody: { param1: 60, param2: 'female' } });
        assert.match(JSON.stringify(body), /276/);
        const query = await queries.sqlQueryWithQueryParams({
            serviceId: 'sql_svc', endpointId: 'simple_filter', params: { param1: '60', param2: 'female' },
        });
        assert.deepEqual(query.results, body.results);
    });

    it('looks records up, by body and by query parameters', async () => {
        const lookups = new apinode.LookupsApi(open);
        const one = await lookups.lookupRecord({ serviceId: 'lookup_svc', endpointId: 'passenger_info', lookupRequest: { data: { PassengerId: 42 } } });
        assert.match(String(one.results[0]?.data?.['Name']), /^Turpin/);
        const many = await lookups.lookupRecords({
            serviceId: 'lookup_svc', endpointId: 'passenger_info', lookupMultiRequest: { items: [{ data: { PassengerId: 42 } }] },
        });
        assert.equal(many.results?.length, 1);
        const simple = await lookups.lookupSimple({ serviceId: 'lookup_svc', endpointId: 'passenger_info', keys: { PassengerId: '42' } });
        assert.match(JSON.stringify(simple), /Turpin/);
    });

    it('answers a missing key and a bad feature with a DSSError', async () => {
        const unauthorized = await rejection(new apinode.PredictionApi(open).predictRecord({
            serviceId: 'fraud_svc', endpointId: 'fraud_detection', predictionRequest: { features: { a: 1 } },
        }));
        assert.equal(unauthorized.status, 401);
        assert.match(unauthorized.error.errorType, /Unauthorized/);
        const bad = await rejection(new apinode.PredictionApi(fraudKey).predictRecord({
            serviceId: 'fraud_svc', endpointId: 'fraud_detection', predictionRequest: { features: { transaction_amount: 'huge' } },
        }));
        assert.equal(bad.status, 400);
        assert.match(bad.error.detailedMessage ?? bad.error.message, /transaction_amount/);
        const missing = await rejection(new apinode.FunctionsApi(open).runFunctionWithQueryParams({
            serviceId: 'python_svc', endpointId: 'simple_sum', args: { param1: '30' },
        }));
        assert.equal(missing.status, 400);
        assert.match(missing.error.message, /param2/);
    });
});
