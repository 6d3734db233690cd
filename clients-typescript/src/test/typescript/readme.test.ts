import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apinode, dss, dssErrorOf, throwDssErrors } from '../src/index';
import { apiKey, dssConfiguration, dssUrl, logRequests, unique } from './support';

/** The README's blocks, as they are written there (ReadmeSnippetsTest), run against the reference server. */
describe('README', () => {
    const projectKey = unique('README').toUpperCase();
    const setup = dssConfiguration();

    before(async () => {
        await new dss.ProjectsApi(setup).createProject({
            projectCreation: { projectKey, name: 'README', owner: 'admin' },
        });
        const datasets = new dss.DatasetsApi(setup);
        await datasets.createDataset({
            projectKey,
            datasetCreation: {
                projectKey, name: 'orders', type: 'UploadedFiles', params: {},
                formatType: 'csv', formatParams: { separator: ',', style: 'excel', parseHeaderRow: true },
            },
        });
        await new dss.DatasetDataApi(setup).addDatasetUploadedFile({
            projectKey, datasetName: 'orders', file: new Blob(['id,label\n1,plain\n2,"with, comma"\n']),
        });
        await datasets.setDatasetSchema({
            projectKey, datasetName: 'orders',
            datasetSchema: { columns: [{ name: 'id', type: 'bigint' }, { name: 'label', type: 'string' }] },
        });
    });

    after(async () => {
        await new dss.ProjectsApi(setup).deleteProject({ projectKey, clearManagedDatasets: true });
    });

    it('configures the clients and makes three calls', async () => {
        const config = new dss.Configuration({
            basePath: `${dssUrl}/public/api`,
            username: apiKey,
            password: '',
            middleware: [throwDssErrors],
        });
        const projects = new dss.ProjectsApi(config);

        const node = new apinode.Configuration({ basePath: dssUrl, middleware: [throwDssErrors] });
        const predictions = new apinode.PredictionApi(node);

        const summaries = await projects.listProjects({ includeLocation: true });
        const rows = await new dss.DatasetDataApi(config).readDatasetData({
            projectKey, datasetName: 'orders', format: dss.TabularDataFormat.JSON,
        });
        const scored = await predictions.predictSimple({
            serviceId: 'pricing_svc', endpointId: 'house_price', features: { surface_m2: '80', rooms: '3', city: 'Paris' },
        });

        const tsv = await new dss.DatasetDataApi(config).readDatasetDataRaw({
            projectKey, datasetName: 'orders', format: dss.TabularDataFormat.TSV_EXCEL_NOHEADER,
        });
        const text = await tsv.raw.text();

        assert.ok(summaries.some((p) => p.projectKey === projectKey));
        assert.deepEqual(rows, [['1', 'plain'], ['2', 'with, comma']]);
        const imputed = await predictions.predictSimple({ serviceId: 'pricing_svc', endpointId: 'house_price' });
        assert.ok(Number(scored.result?.prediction) > Number(imputed.result?.prediction) + 200000,
            'the features travelled as query parameters (Paris adds 250000)');
        assert.equal(text, '1\tplain\n2\twith, comma\n');
        assert.equal(tsv.raw.headers.get('content-type')?.split(';')[0], 'text/tab-separated-values');
    });

    it('reads the DSSError of a failed call', async () => {
        const config = new dss.Configuration({
            basePath: `${dssUrl}/public/api`, username: apiKey, password: '', middleware: [logRequests],
        });
        const projects = new dss.ProjectsApi(config);

        try {
            await projects.getProjectSummary({ projectKey: 'NO_SUCH_PROJECT' });
            assert.fail('a missing project is an error');
        } catch (thrown) {
            const failure = await dssErrorOf(thrown);
            assert.equal(failure.status, 404);
            assert.match(failure.error.errorType, /NotFound|UnknownObject/);
            assert.ok(failure.error.message.length > 0);
        }
    });
});
