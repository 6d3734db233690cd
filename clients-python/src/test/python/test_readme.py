"""The README's blocks, as they are written there (ReadmeSnippetsTest), run against the reference server."""
import unittest

import dss_apinode_api
import dss_public_api

import support


class ReadmeTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.project_key = support.unique("PYREADME").upper()
        setup = support.dss_client()
        dss_public_api.ProjectsApi(setup).create_project(
            {"projectKey": cls.project_key, "name": "README", "owner": "admin"})
        datasets = dss_public_api.DatasetsApi(setup)
        datasets.create_dataset(cls.project_key, {
            "projectKey": cls.project_key, "name": "orders", "type": "UploadedFiles", "params": {},
            "formatType": "csv", "formatParams": {"separator": ",", "style": "excel", "parseHeaderRow": True}})
        dss_public_api.DatasetDataApi(setup).add_dataset_uploaded_file(
            cls.project_key, "orders", file=("orders.csv", b'id,label\n1,plain\n2,"with, comma"\n'))
        datasets.set_dataset_schema(cls.project_key, "orders", {
            "columns": [{"name": "id", "type": "bigint"}, {"name": "label", "type": "string"}]})

    @classmethod
    def tearDownClass(cls):
        dss_public_api.ProjectsApi(support.dss_client()).delete_project(cls.project_key, clear_managed_datasets=True)

    def test_configures_the_clients_and_makes_three_calls(self):
        variables = support.server_variables()
        scheme, host, port, api_key = variables["scheme"], variables["host"], variables["port"], support.API_KEY
        project_key = self.project_key

        configuration = dss_public_api.Configuration(
            server_variables={"scheme": scheme, "host": host, "port": port},
            username=api_key,
        )
        dss = dss_public_api.ApiClient(configuration)
        projects = dss_public_api.ProjectsApi(dss)

        node = dss_apinode_api.ApiClient(dss_apinode_api.Configuration(host=f"{scheme}://{host}:{port}"))
        predictions = dss_apinode_api.PredictionApi(node)

        summaries = projects.list_projects(include_location=True)
        rows = dss_public_api.DatasetDataApi(dss).read_dataset_data(
            project_key, "orders", format=dss_public_api.TabularDataFormat.JSON)
        scored = predictions.predict_simple(
            "pricing_svc", "house_price", features={"surface_m2": "80", "rooms": "3", "city": "Paris"})

        response = dss_public_api.DatasetDataApi(dss).read_dataset_data_without_preload_content(
            project_key, "orders", format=dss_public_api.TabularDataFormat.TSV_EXCEL_NOHEADER)
        tsv = response.data.decode("utf-8")

        self.assertIn(project_key, [summary.project_key for summary in summaries])
        self.assertEqual([["1", "plain"], ["2", "with, comma"]], rows)
        imputed = predictions.predict_simple("pricing_svc", "house_price")
        self.assertGreater(float(scored.result.prediction), float(imputed.result.prediction) + 200000,
                           "the features travelled as query parameters (Paris adds 250000)")
        self.assertEqual(["1\tplain", "2\twith, comma"], tsv.splitlines())
        self.assertTrue(response.headers["Content-Type"].startswith("text/tab-separated-values"))

    def test_reads_the_dss_error_of_a_failed_call(self):
        projects = dss_public_api.ProjectsApi(support.dss_client())

        try:
            projects.get_project_summary("NO_SUCH_PROJECT")
            self.fail("a missing project is an error")
        except dss_public_api.ApiException as error:
            self.assertEqual(404, error.status)
            self.assertRegex(error.data.error_type, "NotFound|UnknownObject")
            self.assertTrue(error.data.message)


if __name__ == "__main__":
    unittest.main()
