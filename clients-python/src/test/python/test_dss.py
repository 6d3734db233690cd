"""Every operation of the DSS public API document, against the reference server (PythonClientIT)."""
import time
import unittest

import dss_public_api
from dss_public_api import TabularDataFormat

import support


def plain(value):
    """A model as the JSON object it came from (free-form answers are dicts already)."""
    return value.to_dict() if hasattr(value, "to_dict") else value


class DssTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = support.dss_client()
        cls.projects = dss_public_api.ProjectsApi(cls.client)

    def rejection(self, call, *args, **kwargs):
        with self.assertRaises(dss_public_api.ApiException) as raised:
            call(*args, **kwargs)
        return raised.exception


class ProjectsVariablesAndFoldersTest(DssTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_key = support.unique("PYPROJ").upper()
        created = cls.projects.create_project({"projectKey": cls.project_key, "name": "Python client",
                                               "owner": "admin", "description": "clients-python"})
        assert created.project_key == cls.project_key

    @classmethod
    def tearDownClass(cls):
        cls.projects.delete_project(cls.project_key, clear_managed_datasets=True, wait=True)

    def test_reads_and_writes_a_project(self):
        key = self.project_key
        self.assertIn(key, [p.project_key for p in self.projects.list_projects(include_location=True)])
        self.assertEqual(key, self.projects.get_project_summary(key).project_key)
        metadata = plain(self.projects.get_project_metadata(key))
        metadata["label"] = "Relabelled"
        self.projects.set_project_metadata(key, metadata)
        self.assertEqual("Relabelled", plain(self.projects.get_project_metadata(key))["label"])
        self.projects.set_project_permissions(key, plain(self.projects.get_project_permissions(key)))
        exported = self.projects.export_project(key, {"exportUploads": True})
        self.assertEqual(b"PK", bytes(exported[:2]))
        self.assertIsInstance(self.projects.list_recipes(key), list)
        self.assertIsInstance(self.projects.list_scenarios(key), list)

    def test_reads_and_writes_variables_typed_with_a_boolean(self):
        key = self.project_key
        api = dss_public_api.VariablesApi(self.client)
        current = plain(api.get_project_variables(key))
        current.setdefault("standard", {}).update({"region": "emea", "n": 3})
        api.set_project_variables(key, current)
        resolved = plain(api.get_resolved_project_variables(key, typed=True))
        self.assertEqual("emea", resolved["region"])
        self.assertEqual(3, resolved["n"])
        global_variables = plain(api.get_global_variables())
        global_variables["py_client"] = key
        api.set_global_variables(global_variables)
        self.assertEqual(key, plain(api.get_global_variables())["py_client"])

    def test_moves_projects_and_folders(self):
        folders = dss_public_api.ProjectFoldersApi(self.client)
        root = folders.get_project_folder("ROOT")
        a = folders.create_project_sub_folder(root.id, support.unique("py_a"))
        b = folders.create_project_sub_folder(root.id, support.unique("py_b"))
        settings = plain(folders.get_project_folder_settings(a.id))
        settings["name"] = support.unique("py_renamed")
        folders.set_project_folder_settings(a.id, settings)
        folders.move_project_folder(b.id, a.id)
        folders.move_project_to_folder(root.id, self.project_key, b.id)
        self.assertEqual(b.id, folders.locate_project_folder(self.project_key).id)
        folders.move_project_to_folder(b.id, self.project_key, root.id)
        folders.delete_project_folder(b.id)
        folders.delete_project_folder(a.id)

    def test_deletes_a_project_as_a_future_and_aborts_it(self):
        doomed = support.unique("PYDOOMED").upper()
        self.projects.create_project({"projectKey": doomed, "name": "doomed", "owner": "admin"})
        future = self.projects.delete_project(doomed, clear_managed_datasets=True, clear_output_managed_folders=False,
                                              clear_job_and_scenario_logs=True, wait=False)
        self.assertTrue(future.job_id)
        futures = dss_public_api.FuturesApi(self.client)
        self.assertEqual(future.job_id, futures.get_future_state(future.job_id, peek=True).job_id)
        self.assertIsInstance(futures.list_futures(with_scenarios=True, with_not_scenarios=True, all_users=True), list)
        futures.abort_future(future.job_id)
        self.assertEqual(404, self.rejection(futures.abort_future, "no_such_future").status)


class DatasetsRowsMetricsAndJobsTest(DssTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_key = support.unique("PYDATA").upper()
        cls.projects.create_project({"projectKey": cls.project_key, "name": "datasets", "owner": "admin"})
        cls.datasets = dss_public_api.DatasetsApi(cls.client)
        cls.data = dss_public_api.DatasetDataApi(cls.client)
        cls.datasets.create_dataset(cls.project_key, {
            "projectKey": cls.project_key, "name": "orders", "type": "UploadedFiles", "params": {},
            "formatType": "csv", "formatParams": {"separator": ",", "style": "excel", "parseHeaderRow": True}})
        uploaded = cls.data.add_dataset_uploaded_file(
            cls.project_key, "orders", file=("orders.csv", b'id,price,label\n1,9.5,plain\n2,3.25,"with, comma"\n'))
        assert uploaded.path == "/orders.csv", uploaded
        cls.datasets.set_dataset_schema(cls.project_key, "orders", {"columns": [
            {"name": "id", "type": "bigint"}, {"name": "price", "type": "double"}, {"name": "label", "type": "string"}]})

    @classmethod
    def tearDownClass(cls):
        cls.projects.delete_project(cls.project_key, clear_managed_datasets=True)

    def test_1_reads_rows_as_json_and_tsv(self):
        key = self.project_key
        self.assertEqual(["/orders.csv"], [f.path for f in self.data.list_dataset_uploaded_files(key, "orders")])
        self.assertEqual("double", plain(self.datasets.get_dataset_schema(key, "orders"))["columns"][1]["type"])
        rows = self.data.read_dataset_data(key, "orders", format=TabularDataFormat.JSON)
        self.assertEqual([["1", "9.5", "plain"], ["2", "3.25", "with, comma"]], rows)
        limited = self.data.read_dataset_data(key, "orders", format=TabularDataFormat.JSON, columns="label",
                                              read_session_id="py-session")
        self.assertEqual([["plain"], ["with, comma"]], limited)
        self.data.finish_dataset_streaming(key, "orders", "py-session")
        csv = self.data.read_dataset_data_without_preload_content(key, "orders", format=TabularDataFormat.CSV_EXCEL_HEADER)
        self.assertTrue(csv.data.decode("utf-8").startswith("id,price,label"))

    def test_2_reads_and_writes_settings_metadata_partitions_metrics_and_checks(self):
        key = self.project_key
        self.assertEqual(["orders"], [d.name for d in self.datasets.list_datasets(key, foreign=False)])
        settings = plain(self.datasets.get_dataset_settings(key, "orders"))
        settings["description"] = "from Python"
        self.assertEqual("orders", plain(self.datasets.set_dataset_settings(key, "orders", settings))["name"])
        metadata = plain(self.datasets.get_dataset_metadata(key, "orders"))
        metadata["tags"] = ["py"]
        self.assertEqual(["py"], plain(self.datasets.set_dataset_metadata(key, "orders", metadata))["tags"])
        self.assertEqual(["NP"], self.datasets.list_dataset_partitions(key, "orders"))
        self.datasets.compute_dataset_metrics(key, "orders", partition="NP", metric_probes={})
        self.datasets.compute_dataset_metrics_from_ids(
            key, "orders", partition="NP", metric_ids_request={"metricIds": ["records:COUNT_RECORDS"]})
        self.assertIsNotNone(self.datasets.get_dataset_last_metric_values(key, "orders", "NP"))
        self.assertIsNotNone(self.datasets.run_dataset_checks(key, "orders", partition="NP", request_body=[]))

    def test_3_builds_in_a_job_reads_its_status_and_log_aborts_it(self):
        key = self.project_key
        jobs = dss_public_api.JobsApi(self.client)
        started = jobs.start_job(key, {"type": "NON_RECURSIVE_FORCED_BUILD", "outputs": [{"id": "orders"}]})
        state = None
        for _ in range(100):
            state = plain(jobs.get_job_status(key, started.id))["baseStatus"]["state"]
            if state in ("DONE", "FAILED", "ABORTED"):
                break
            time.sleep(0.2)
        self.assertIn(state, ("DONE", "FAILED"))
        self.assertTrue(jobs.get_job_log(key, started.id))
        self.assertIn(started.id, [job.var_def.id for job in jobs.list_jobs(key, limit=10)])
        self.assertIsNotNone(jobs.abort_job(key, started.id))

    def test_4_clears_data_deletes_the_file_and_the_dataset(self):
        key = self.project_key
        self.data.delete_dataset_uploaded_file(key, "orders", "orders.csv")
        self.assertEqual([], self.data.list_dataset_uploaded_files(key, "orders"))
        self.data.clear_dataset_data(key, "orders")
        self.datasets.delete_dataset(key, "orders", drop_data=True)
        self.assertEqual(404, self.rejection(self.datasets.get_dataset_settings, key, "orders").status)


class SqlQueriesTest(DssTestCase):

    def test_runs_a_query_and_streams_its_results_as_json_rows(self):
        sql = dss_public_api.SQLQueriesApi(self.client)
        started = sql.start_sql_query({"query": "SELECT id, name FROM customers ORDER BY id",
                                       "connection": "demo_sql", "type": "sql"})
        rows = sql.stream_sql_query_results(started.query_id, format=TabularDataFormat.JSON)
        self.assertEqual(5, len(rows))
        self.assertEqual("1", rows[0][0])
        sql.finish_sql_query_streaming(started.query_id)


class AdministrationTest(DssTestCase):

    def test_manages_groups_and_users(self):
        users = dss_public_api.UsersApi(self.client)
        groups = dss_public_api.GroupsApi(self.client)
        keys = dss_public_api.APIKeysApi(self.client)
        group_name, login = support.unique("py_group"), support.unique("py_user")
        groups.create_group({"name": group_name, "description": "Python"})
        group = plain(groups.get_group(group_name))
        group["description"] = "Python (changed)"
        groups.set_group(group_name, group)
        self.assertIn(group_name, [plain(g)["name"] for g in groups.list_groups()])
        users.create_user({"login": login, "password": "pw-" + login, "displayName": "Python user"})
        user = plain(users.get_user(login))
        user["groups"] = user.get("groups", []) + [group_name]
        self.assertIn(group_name, plain(users.set_user(login, user))["groups"])
        self.assertIn(login, [plain(u)["login"] for u in users.list_users(include_settings=True, connected=False)])
        self.assertEqual(login, users.get_user_info(login).login)
        personal = keys.create_personal_api_key_for_user({"user": login, "label": "py", "description": "for the user"})
        self.assertEqual(login, personal.user)
        self.assertIn(personal.id, [k.id for k in keys.list_all_personal_api_keys()])
        users.delete_user(login, allow_self_deletion=False)
        groups.delete_group(group_name)
        self.assertEqual(404, self.rejection(users.get_user, login).status)

    def test_manages_connections(self):
        connections = dss_public_api.ConnectionsApi(self.client)
        name = support.unique("py_fs")
        connections.create_connection({"name": name, "type": "Filesystem", "params": {"root": "/tmp/" + name}})
        definition = plain(connections.get_connection(name))
        definition["allowWrite"] = False
        connections.set_connection(name, definition)
        self.assertFalse(plain(connections.get_connection(name))["allowWrite"])
        self.assertIn(name, plain(connections.list_connections()))
        self.assertEqual(name, connections.get_connection_info(name).name)
        connections.delete_connection(name)

    def test_manages_global_and_personal_api_keys(self):
        keys = dss_public_api.APIKeysApi(self.client)
        created = plain(keys.create_global_api_key(
            {"label": "py", "description": "clients-python", "globalPermissions": {"admin": False}}))
        self.assertEqual("py", plain(keys.get_global_api_key(created["id"]))["label"])
        created["label"] = "py (renamed)"
        keys.set_global_api_key(created["id"], created)
        self.assertEqual(created["id"], plain(keys.get_global_api_key_by_secret(created["key"]))["id"])
        self.assertIn(created["id"], [plain(k)["id"] for k in keys.list_global_api_keys()])
        keys.delete_global_api_key(created["id"])
        personal = plain(keys.create_personal_api_key({"label": "py", "description": "mine"}))
        mine = plain(keys.get_personal_api_key(personal["id"]))
        mine["label"] = "py (renamed)"
        keys.set_personal_api_key(personal["id"], mine)
        self.assertIn(personal["id"], [plain(k)["id"] for k in keys.list_personal_api_keys()])
        keys.delete_personal_api_key(personal["id"])

    def test_manages_meanings(self):
        meanings = dss_public_api.MeaningsApi(self.client)
        meaning_id = support.unique("py_meaning")
        meanings.create_meaning({"id": meaning_id, "label": "SKU", "type": "PATTERN", "pattern": "[A-Z]{3}-[0-9]{5}"})
        meaning = plain(meanings.get_meaning(meaning_id))
        meaning["label"] = "Product SKU"
        meanings.set_meaning(meaning_id, meaning)
        self.assertIn(meaning_id, [plain(m)["id"] for m in meanings.list_meanings()])
        meanings.delete_meaning(meaning_id)

    def test_reads_the_instance_and_writes_an_audit_entry(self):
        settings = dss_public_api.GeneralSettingsApi(self.client)
        settings.set_general_settings(plain(settings.get_general_settings()))
        self.assertTrue(dss_public_api.AuthApi(self.client).get_auth_info(with_secrets=False).auth_identifier)
        self.assertIsNotNone(dss_public_api.LicensingApi(self.client).get_licensing_status())
        logs = dss_public_api.LogsApi(self.client)
        listed = plain(logs.list_logs()).get("logs") or []
        if listed:
            self.assertIsNotNone(logs.get_log(listed[0]["name"]))
        else:
            self.assertEqual(404, self.rejection(logs.get_log, "no-such.log").status)
        self.assertIsInstance(dss_public_api.PluginsApi(self.client).list_plugins(), list)
        self.assertIsInstance(dss_public_api.CodeEnvsApi(self.client).list_code_envs(), list)
        dss_public_api.AuditApi(self.client).log_custom_audit("py-client", {"who": "clients-python"})

    def test_authenticates_with_a_bearer_token_too_and_refuses_a_wrong_key(self):
        bearer = dss_public_api.ApiClient(dss_public_api.Configuration(
            host=support.DSS_URL + "/public/api", access_token=support.API_KEY))
        self.assertTrue(dss_public_api.AuthApi(bearer).get_auth_info().auth_identifier)
        wrong = self.rejection(dss_public_api.AuthApi(support.dss_client("no-such-key")).get_auth_info)
        self.assertEqual(401, wrong.status)
        self.assertTrue(wrong.data.error_type)


class NewerDssAnswersTest(unittest.TestCase):

    def test_keeps_a_value_the_document_does_not_list(self):
        # enums in answers are open: a newer DSS's column type or job state does not make the client raise
        schema = dss_public_api.DatasetSchema.from_dict({"columns": [{"name": "at", "type": "datetimetz"}]})
        self.assertEqual("datetimetz", schema.columns[0].type)
        job = dss_public_api.JobSummary.from_dict(
            {"state": "WAITING_FOR_A_SLOT", "def": {"id": "j1", "outputs": [{"id": "orders"}]}})
        self.assertEqual("WAITING_FOR_A_SLOT", job.state)


if __name__ == "__main__":
    unittest.main()
