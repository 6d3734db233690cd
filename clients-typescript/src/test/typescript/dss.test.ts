import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dss, DssApiError } from '../src/index';
import { apiKey, dssConfiguration, unique } from './support';

/** Every operation of the DSS public API document, against the reference server (TypeScriptClientIT). */
const config = dssConfiguration();
const projects = new dss.ProjectsApi(config);
const variables = new dss.VariablesApi(config);
const folders = new dss.ProjectFoldersApi(config);
const futures = new dss.FuturesApi(config);
const datasets = new dss.DatasetsApi(config);
const data = new dss.DatasetDataApi(config);
const jobs = new dss.JobsApi(config);
const sql = new dss.SQLQueriesApi(config);

async function rejection(call: Promise<unknown>): Promise<DssApiError> {
    const thrown = await call.then(() => undefined, (error: unknown) => error);
    if (thrown instanceof DssApiError) {
        return thrown;
    }
    throw new assert.AssertionError({ message: `expected a DssApiError, got ${String(thrown)}` });
}

describe('projects, variables and folders', () => {
    const projectKey = unique('TS_PROJ').toUpperCase();

    before(async () => {
        const created = await projects.createProject({
            projectCreation: { projectKey, name: 'TypeScript client', owner: 'admin', description: 'clients-typescript' },
        });
        assert.equal(created.projectKey, projectKey);
    });

    it('reads and writes a project', async () => {
        const listed = await projects.listProjects({ includeLocation: true });
        assert.ok(listed.some((p) => p.projectKey === projectKey));
        assert.equal((await projects.getProjectSummary({ projectKey })).projectKey, projectKey);

        const metadata = await projects.getProjectMetadata({ projectKey });
        await projects.setProjectMetadata({ projectKey, projectMetadata: { ...metadata, label: 'Relabelled' } });
        assert.equal((await projects.getProjectMetadata({ projectKey })).label, 'Relabelled');

        const permissions = await projects.getProjectPermissions({ projectKey });
        await projects.setProjectPermissions({ projectKey, projectPermissions: permissions });

        const zip = await projects.exportProject({ projectKey, exportOptions: { exportUploads: true } });
        const bytes = new Uint8Array(await zip.arrayBuffer());
        assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a zip file (PK)');

        assert.ok(Array.isArray(await projects.listRecipes({ projectKey })));
        assert.ok(Array.isArray(await projects.listScenarios({ projectKey })));
    });

    it('reads and writes variables, typed with a boolean', async () => {
        const current = await variables.getProjectVariables({ projectKey });
        await variables.setProjectVariables({
            projectKey, projectVariables: { ...current, standard: { ...(current.standard ?? {}), region: 'emea', n: 3 } },
        });
        const resolved = await variables.getResolvedProjectVariables({ projectKey, typed: true });
        assert.equal(resolved['region'], 'emea');
        assert.equal(resolved['n'], 3);

        const global = await variables.getGlobalVariables();
        await variables.setGlobalVariables({ requestBody: { ...global, ts_client: projectKey } });
        assert.equal((await variables.getGlobalVariables())['ts_client'], projectKey);
    });

    it('moves projects and folders', async () => {
        const root = await folders.getProjectFolder({ folderId: 'ROOT' });
        const a = await folders.createProjectSubFolder({ folderId: root.id!, name: unique('ts_a') });
        const b = await folders.createProjectSubFolder({ folderId: root.id!, name: unique('ts_b') });
        const settings = await folders.getProjectFolderSettings({ folderId: a.id! });
        await folders.setProjectFolderSettings({ folderId: a.id!, projectFolderSettings: { ...settings, name: unique('ts_renamed') } });
        await folders.moveProjectFolder({ folderId: b.id!, destination: a.id! });
        await folders.moveProjectToFolder({ folderId: root.id!, projectKey, destination: b.id! });
        assert.equal((await folders.locateProjectFolder({ projectKey })).id, b.id);
        await folders.moveProjectToFolder({ folderId: b.id!, projectKey, destination: root.id! });
        await folders.deleteProjectFolder({ folderId: b.id! });
        await folders.deleteProjectFolder({ folderId: a.id! });
    });

    it('deletes a project as a future, and aborts it', async () => {
        const doomed = unique('TS_DOOMED').toUpperCase();
        await projects.createProject({ projectCreation: { projectKey: doomed, name: 'doomed', owner: 'admin' } });
        const future = await projects.deleteProject({
            projectKey: doomed, clearManagedDatasets: true, clearOutputManagedFolders: false,
            clearJobAndScenarioLogs: true, wait: false,
        });
        assert.ok(future.jobId);
        const state = await futures.getFutureState({ futureId: future.jobId!, peek: true });
        assert.equal(state.jobId, future.jobId);
        assert.ok(Array.isArray(await futures.listFutures({ withScenarios: true, withNotScenarios: true, allUsers: true })));
        await futures.abortFuture({ futureId: future.jobId! });
        const missing = await rejection(futures.abortFuture({ futureId: 'no_such_future' }));
        assert.equal(missing.status, 404);
    });

    after(async () => {
        await projects.deleteProject({ projectKey, clearManagedDatasets: true, wait: true });
        const gone = await rejection(projects.getProjectSummary({ projectKey }));
        assert.equal(gone.status, 404);
        assert.ok(gone.error.errorType.length > 0);
    });
});

describe('datasets, uploads, rows, metrics and jobs', () => {
    const projectKey = unique('TS_DATA').toUpperCase();
    const datasetName = 'orders';

    before(async () => {
        await projects.createProject({ projectCreation: { projectKey, name: 'datasets', owner: 'admin' } });
    });

    it('creates a dataset, uploads a file and reads its rows as JSON and TSV', async () => {
        await datasets.createDataset({
            projectKey,
            datasetCreation: {
                projectKey, name: datasetName, type: 'UploadedFiles', params: {},
                formatType: 'csv', formatParams: { separator: ',', style: 'excel', parseHeaderRow: true },
            },
        });
        const uploaded = await data.addDatasetUploadedFile({
            projectKey, datasetName,
            file: new File(['id,price,label\n1,9.5,plain\n2,3.25,"with, comma"\n'], 'orders.csv', { type: 'text/csv' }),
        });
        assert.equal(uploaded.path, '/orders.csv');
        assert.deepEqual((await data.listDatasetUploadedFiles({ projectKey, datasetName })).map((f) => f.path), ['/orders.csv']);
        const schema = await datasets.setDatasetSchema({
            projectKey, datasetName, datasetSchema: {
                columns: [{ name: 'id', type: 'bigint' }, { name: 'price', type: 'double' }, { name: 'label', type: 'string' }],
            },
        });
        assert.equal(schema.columns?.length, 3);
        assert.equal((await datasets.getDatasetSchema({ projectKey, datasetName })).columns?.[1]?.type, 'double');

        const rows = await data.readDatasetData({ projectKey, datasetName, format: dss.TabularDataFormat.JSON });
        assert.deepEqual(rows, [['1', '9.5', 'plain'], ['2', '3.25', 'with, comma']]);
        const limited = await data.readDatasetData({
            projectKey, datasetName, format: dss.TabularDataFormat.JSON, columns: 'label', readSessionId: 'ts-session',
        });
        assert.deepEqual(limited, [['plain'], ['with, comma']]);
        await data.finishDatasetStreaming({ projectKey, datasetName, readSessionId: 'ts-session' });
        const csv = await data.readDatasetDataRaw({ projectKey, datasetName, format: dss.TabularDataFormat.CSV_EXCEL_HEADER });
        assert.match(await csv.raw.text(), /^id,price,label\r?\n1,9.5,plain/);
    });

    it('reads and writes settings, metadata, partitions, metrics and checks', async () => {
        const listed = await datasets.listDatasets({ projectKey, foreign: false });
        assert.deepEqual(listed.map((d) => d.name), [datasetName]);
        const settings = await datasets.getDatasetSettings({ projectKey, datasetName });
        const saved = await datasets.setDatasetSettings({
            projectKey, datasetName, datasetSettings: { ...settings, description: 'from TypeScript' },
        });
        assert.equal(saved.name, datasetName);
        const metadata = await datasets.getDatasetMetadata({ projectKey, datasetName });
        const tagged = await datasets.setDatasetMetadata({ projectKey, datasetName, datasetMetadata: { ...metadata, tags: ['ts'] } });
        assert.deepEqual(tagged.tags, ['ts']);
        assert.deepEqual(await datasets.listDatasetPartitions({ projectKey, datasetName }), ['NP']);
        await datasets.computeDatasetMetrics({ projectKey, datasetName, partition: 'NP', metricProbes: {} });
        await datasets.computeDatasetMetricsFromIds({
            projectKey, datasetName, partition: 'NP', metricIdsRequest: { metricIds: ['records:COUNT_RECORDS'] },
        });
        assert.ok(await datasets.getDatasetLastMetricValues({ projectKey, datasetName, partitionId: 'NP' }));
        assert.ok(await datasets.runDatasetChecks({ projectKey, datasetName, partition: 'NP', requestBody: [] }));
    });

    it('builds the dataset in a job, reads its status and log, aborts one', async () => {
        const started = await jobs.startJob({
            projectKey, jobDefinition: { type: 'NON_RECURSIVE_FORCED_BUILD', outputs: [{ id: datasetName }] },
        });
        assert.ok(started.id);
        let status = await jobs.getJobStatus({ projectKey, jobId: started.id! });
        for (let i = 0; i < 100 && !['DONE', 'FAILED', 'ABORTED'].includes(String(status.baseStatus?.state)); i++) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            status = await jobs.getJobStatus({ projectKey, jobId: started.id! });
        }
        assert.ok(['DONE', 'FAILED'].includes(String(status.baseStatus?.state)), String(status.baseStatus?.state));
        assert.ok((await jobs.getJobLog({ projectKey, jobId: started.id! })).length > 0);
        assert.ok((await jobs.listJobs({ projectKey, limit: 10 })).some((j) => j.def?.id === started.id));
        const aborted = await jobs.abortJob({ projectKey, jobId: started.id! });
        assert.ok(aborted);
    });

    it('clears the data, deletes the file and the dataset', async () => {
        await data.deleteDatasetUploadedFile({ projectKey, datasetName, fileName: 'orders.csv' });
        assert.deepEqual(await data.listDatasetUploadedFiles({ projectKey, datasetName }), []);
        await data.clearDatasetData({ projectKey, datasetName });
        await datasets.deleteDataset({ projectKey, datasetName, dropData: true });
        const gone = await rejection(datasets.getDatasetSettings({ projectKey, datasetName }));
        assert.equal(gone.status, 404);
    });

    after(async () => {
        await projects.deleteProject({ projectKey, clearManagedDatasets: true });
    });
});

describe('SQL queries', () => {
    it('runs a query and streams its results as JSON rows', async () => {
        const started = await sql.startSqlQuery({
            sqlQueryRequest: { query: 'SELECT id, name FROM customers ORDER BY id', connection: 'demo_sql', type: dss.SqlQueryType.Sql },
        });
        assert.ok(started.queryId);
        const rows = await sql.streamSqlQueryResults({ queryId: started.queryId!, format: dss.TabularDataFormat.JSON });
        assert.equal(rows.length, 5);
        assert.equal(rows[0]?.[0], '1');
        await sql.finishSqlQueryStreaming({ queryId: started.queryId! });
    });

    it('answers a failed query with a DSSError', async () => {
        const failure = await rejection(sql.startSqlQuery({
            sqlQueryRequest: { query: 'SELECT * FROM no_such_table', connection: 'demo_sql', type: dss.SqlQueryType.Sql },
        }).then((started) => sql.streamSqlQueryResults({ queryId: started.queryId!, format: dss.TabularDataFormat.JSON })));
        assert.ok(failure.status >= 400);
        assert.ok(failure.error.message.length > 0);
    });
});

describe('administration', () => {
    const users = new dss.UsersApi(config);
    const groups = new dss.GroupsApi(config);
    const connections = new dss.ConnectionsApi(config);
    const keys = new dss.APIKeysApi(config);
    const meanings = new dss.MeaningsApi(config);

    it('manages groups and users', async () => {
        const groupName = unique('ts_group');
        const login = unique('ts_user');
        await groups.createGroup({ groupCreation: { name: groupName, description: 'TypeScript' } });
        const group = await groups.getGroup({ groupName });
        await groups.setGroup({ groupName, group: { ...group, description: 'TypeScript (changed)' } });
        assert.ok((await groups.listGroups()).some((g) => g.name === groupName));

        await users.createUser({ userCreation: { login, password: `pw-${login}`, displayName: 'TypeScript user' } });
        const user = await users.getUser({ login });
        const changed = await users.setUser({ login, user: { ...user, groups: [...(user.groups ?? []), groupName] } });
        assert.ok(changed.groups?.includes(groupName));
        assert.ok((await users.listUsers({ includeSettings: true, connected: false })).some((u) => u.login === login));
        assert.equal((await users.getUserInfo({ login })).login, login);

        const personal = await keys.createPersonalApiKeyForUser({
            personalApiKeyForUserCreation: { user: login, label: 'ts', description: 'for the user' },
        });
        assert.equal(personal.user, login);
        assert.ok((await keys.listAllPersonalApiKeys()).some((k) => k.id === personal.id));

        await users.deleteUser({ login, allowSelfDeletion: false });
        await groups.deleteGroup({ groupName });
        assert.equal((await rejection(users.getUser({ login }))).status, 404);
    });

    it('manages connections', async () => {
        const connectionName = unique('ts_fs');
        await connections.createConnection({
            connectionCreation: { name: connectionName, type: 'Filesystem', params: { root: `/tmp/${connectionName}` } },
        });
        const definition = await connections.getConnection({ connectionName });
        await connections.setConnection({ connectionName, connection: { ...definition, allowWrite: false } });
        assert.equal((await connections.getConnection({ connectionName })).allowWrite, false);
        assert.ok((await connections.listConnections())[connectionName]);
        assert.equal((await connections.getConnectionInfo({ connectionName, contextualProjectKey: undefined })).name, connectionName);
        await connections.deleteConnection({ connectionName });
    });

    it('manages global and personal API keys', async () => {
        const global = await keys.createGlobalApiKey({
            globalApiKeyCreation: { label: 'ts', description: 'clients-typescript', globalPermissions: { admin: false } },
        });
        assert.ok(global.id && global.key);
        assert.equal((await keys.getGlobalApiKey({ keyId: global.id! })).label, 'ts');
        await keys.setGlobalApiKey({ keyId: global.id!, globalApiKey: { ...global, label: 'ts (renamed)' } });
        assert.equal((await keys.getGlobalApiKeyBySecret({ secret: global.key! })).id, global.id);
        assert.ok((await keys.listGlobalApiKeys()).some((k) => k.id === global.id));
        await keys.deleteGlobalApiKey({ keyId: global.id! });

        const personal = await keys.createPersonalApiKey({ personalApiKeyCreation: { label: 'ts', description: 'mine' } });
        const mine = await keys.getPersonalApiKey({ keyId: personal.id! });
        await keys.setPersonalApiKey({ keyId: personal.id!, personalApiKey: { ...mine, label: 'ts (renamed)' } });
        assert.ok((await keys.listPersonalApiKeys()).some((k) => k.id === personal.id));
        await keys.deletePersonalApiKey({ keyId: personal.id! });
    });

    it('manages meanings', async () => {
        const id = unique('ts_meaning');
        await meanings.createMeaning({ meaning: { id, label: 'SKU', type: 'PATTERN', pattern: '[A-Z]{3}-[0-9]{5}' } });
        const meaning = await meanings.getMeaning({ meaningId: id });
        await meanings.setMeaning({ meaningId: id, meaning: { ...meaning, label: 'Product SKU' } });
        assert.ok((await meanings.listMeanings()).some((m) => m.id === id));
        await meanings.deleteMeaning({ meaningId: id });
    });

    it('reads the instance: settings, auth, licensing, logs, plugins, code envs; writes an audit entry', async () => {
        const settingsApi = new dss.GeneralSettingsApi(config);
        await settingsApi.setGeneralSettings({ generalSettings: await settingsApi.getGeneralSettings() });
        const auth = await new dss.AuthApi(config).getAuthInfo({ withSecrets: false });
        assert.ok(auth.authIdentifier);
        assert.ok(await new dss.LicensingApi(config).getLicensingStatus());
        const logsApi = new dss.LogsApi(config);
        const logs = await logsApi.listLogs();
        const first = logs.logs?.[0]?.name;
        if (first) {
            assert.ok(await logsApi.getLog({ logName: first }));
        } else {
            assert.equal((await rejection(logsApi.getLog({ logName: 'no-such.log' }))).status, 404);
        }
        assert.ok(Array.isArray(await new dss.PluginsApi(config).listPlugins()));
        assert.ok(Array.isArray(await new dss.CodeEnvsApi(config).listCodeEnvs()));
        await new dss.AuditApi(config).logCustomAudit({ customType: 'ts-client', requestBody: { who: 'clients-typescript' } });
    });

    it('authenticates with a bearer token too, and refuses a wrong key', async () => {
        const bearer = new dss.AuthApi(new dss.Configuration({
            basePath: config.basePath, accessToken: apiKey, middleware: config.middleware,
        }));
        assert.ok((await bearer.getAuthInfo({})).authIdentifier);
        const wrong = await rejection(new dss.AuthApi(dssConfiguration('no-such-key')).getAuthInfo({}));
        assert.equal(wrong.status, 401);
        assert.ok(wrong.error.errorType.length > 0);
    });
});

describe('answers of a newer DSS', () => {
    it('keeps a value the document does not list (enums in answers are open)', () => {
        const schema = dss.DatasetSchemaFromJSON({ columns: [{ name: 'at', type: 'datetimetz' }], userModified: true });
        assert.equal(schema.columns?.[0]?.type, 'datetimetz');
        const job = dss.JobSummaryFromJSON({ state: 'WAITING_FOR_A_SLOT', def: { id: 'j1', outputs: [{ id: 'orders' }] } });
        assert.equal(job.state, 'WAITING_FOR_A_SLOT');
    });
});
