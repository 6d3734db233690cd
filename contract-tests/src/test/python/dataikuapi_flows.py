"""
The official Python client's flows (projects, datasets, upload and row reads, jobs, SQL, admin, API node) against a
DSS and an API node, counting every HTTP call it makes. Meant to run through `prism proxy` in front of the reference
server, so that Prism validates each exchange against the mock-ready documents (see contract-tests/README.md,
"The official Python client through Prism"):

    PYTHONPATH=/path/to/dataikuapi python3 contract-tests/src/test/python/dataikuapi_flows.py \
        --dss http://127.0.0.1:4010 --apinode http://127.0.0.1:4011 --api-key my-admin-key

Prints one line per call (method, path, status) and a summary; exits 1 when a flow failed. The client itself is not
part of this repository: point PYTHONPATH at a dataikuapi 14.3 source tree or install it.
"""
import argparse
import io
import sys
import time
import traceback
import uuid

import requests

try:
    import dataikuapi
except ImportError:
    sys.exit("dataikuapi is not importable: set PYTHONPATH to a dataikuapi source tree (14.3)")

CALLS = []
_request = requests.Session.request


def _counting_request(self, method, url, *args, **kwargs):
    response = _request(self, method, url, *args, **kwargs)
    CALLS.append((method, url, response.status_code))
    return response


requests.Session.request = _counting_request


def projects(client, key):
    project = client.create_project(key, "Python through Prism", "admin", description="made by dataikuapi_flows.py")
    assert key in client.list_project_keys()
    assert project.get_summary()["projectKey"] == key
    metadata = project.get_metadata()
    metadata["label"] = "Relabelled"
    project.set_metadata(metadata)
    permissions = project.get_permissions()
    project.set_permissions(permissions)
    variables = project.get_variables()
    variables["standard"]["region"] = "emea"
    project.set_variables(variables)
    assert project.get_variables()["standard"]["region"] == "emea"
    with project.get_export_stream() as stream:
        assert stream.read(2) == b"PK"
    project.list_recipes()
    project.list_scenarios()
    folder = client.get_root_project_folder()
    folder.list_project_keys()
    return project


def datasets_rows_and_jobs(project):
    dataset = project.create_dataset("orders", "UploadedFiles", params={},
                                     formatType="csv", formatParams={"separator": ",", "style": "excel",
                                                                     "parseHeaderRow": True})
    dataset.uploaded_add_file(io.BytesIO(b"id,price,label\n1,9.5,plain\n2,3.25,\"with, comma\"\n"), "orders.csv")
    assert [f["path"] for f in dataset.uploaded_list_files()] == ["/orders.csv"]
    dataset.set_schema({"columns": [{"name": "id", "type": "bigint"}, {"name": "price", "type": "double"},
                                    {"name": "label", "type": "string"}]})
    assert len(dataset.get_schema()["columns"]) == 3
    rows = list(dataset.iter_rows())
    assert rows == [[1, 9.5, "plain"], [2, 3.25, "with, comma"]], rows
    assert dataset.list_partitions() == ["NP"]
    assert dataset.exists()
    settings = dataset.get_settings()
    settings.get_raw()["description"] = "through Prism"
    settings.save()
    metadata = dataset.get_metadata()
    metadata["tags"] = ["prism"]
    dataset.set_metadata(metadata)
    assert [d["name"] for d in project.list_datasets()] == ["orders"]
    dataset.compute_metrics()
    dataset.get_last_metric_values()
    dataset.run_checks()
    job = dataset.build(wait=True, no_fail=True)
    assert job.get_status()["baseStatus"]["state"] in ("DONE", "FAILED")
    assert job.get_log()
    assert any(j["def"]["id"] == job.id for j in project.list_jobs())
    dataset.clear()
    dataset.delete()


def sql(client):
    query = client.sql_query("SELECT id, name FROM customers ORDER BY id", connection="demo_sql")
    rows = list(query.iter_rows())
    query.verify()
    assert len(rows) == 5, rows


def admin(client, suffix):
    group = client.create_group("py_group_" + suffix, description="made by dataikuapi_flows.py")
    user = client.create_user("py_user_" + suffix, "pw-" + suffix, display_name="Python user")
    settings = user.get_settings()
    settings.get_raw()["groups"].append("py_group_" + suffix)
    settings.save()
    assert any(u["login"] == "py_user_" + suffix for u in client.list_users())
    assert any(g["name"] == "py_group_" + suffix for g in client.list_groups())
    connection = client.create_connection("py_fs_" + suffix, "Filesystem", params={"root": "/tmp/py-" + suffix})
    definition = connection.get_definition()
    definition["allowWrite"] = False
    connection.set_definition(definition)
    client.list_connections()
    key = client.create_global_api_key(label="py", description="dataikuapi_flows.py", admin=False)
    client.list_global_api_keys()
    key.delete()
    personal = client.create_personal_api_key(label="py")
    client.list_personal_api_keys()
    client.get_personal_api_key(personal["id"]).delete()
    settings = client.get_general_settings()
    settings.save()
    variables = client.get_global_variables()
    variables["py_var"] = suffix
    client.set_variables(variables)
    client.log_custom_audit("py-flows", {"who": "python client"})
    client.get_auth_info()
    client.get_licensing_status()
    client.list_plugins()
    client.list_code_envs()
    client.list_meanings()
    client.list_logs()
    client.list_futures()
    connection.delete()
    user.delete()
    group.delete()


def api_node(url):
    fraud = dataikuapi.APINodeClient(url, "fraud_svc", "fraud-demo-key-0001")
    one = fraud.predict_record("fraud_detection", {"customer_id": 2136, "transaction_amount": 233.33,
                                                   "payment_type": "CB", "utm_medium": "campaign"},
                               with_explanations=True, explanation_method="ICE", n_explanations=2)
    assert one["result"]["prediction"] == "FRAUDULENT", one
    many = fraud.predict_records("fraud_detection", [{"features": {"transaction_amount": 10}}])
    assert len(many["results"]) == 1
    forecast = dataikuapi.APINodeClient(url, "forecast_svc").forecast("sales_forecast", [
        {"store": "A", "date": "2024-01-01", "sales": 10}, {"store": "A", "date": "2024-01-02", "sales": 20}])
    assert len(forecast["results"]) == 3, forecast
    uplift = dataikuapi.APINodeClient(url, "uplift_svc")
    uplift.predict_effect("discount_effect", {"basket_value": 60})
    uplift.predict_effects("discount_effect", [{"features": {"channel": "web"}}])
    assert "276" in str(dataikuapi.APINodeClient(url, "sql_svc").sql_query("simple_filter",
                                                                           {"param1": 60, "param2": "female"}))
    lookup = dataikuapi.APINodeClient(url, "lookup_svc")
    assert lookup.lookup_record("passenger_info", {"PassengerId": 42})["data"]["Name"].startswith("Turpin")
    lookup.lookup_records("passenger_info", [{"data": {"PassengerId": 42}}])
    assert "42" in str(dataikuapi.APINodeClient(url, "python_svc").run_function("simple_sum", param1=30, param2=12))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dss", required=True, help="DSS URL (the Prism proxy of the DSS mock document)")
    parser.add_argument("--apinode", required=True, help="API node URL (the Prism proxy of the API node document)")
    parser.add_argument("--api-key", required=True, help="DSS admin API key")
    args = parser.parse_args()

    client = dataikuapi.DSSClient(args.dss, args.api_key)
    suffix = uuid.uuid4().hex[:8]
    key = "PY_PRISM_" + suffix.upper()
    failures = []
    project = None

    def flow(name, action):
        before = len(CALLS)
        started = time.monotonic()
        try:
            action()
            outcome = "ok"
        except Exception as e:  # report every flow, not only the first that breaks
            outcome = "FAILED: %s" % e
            failures.append((name, traceback.format_exc()))
        print("flow %-22s %3d calls %5.1f s  %s" % (name, len(CALLS) - before, time.monotonic() - started, outcome))

    def projects_flow():
        nonlocal project
        project = projects(client, key)

    flow("projects", projects_flow)
    flow("datasets, rows, jobs", lambda: datasets_rows_and_jobs(project or client.get_project(key)))
    flow("sql", lambda: sql(client))
    flow("admin", lambda: admin(client, suffix))
    flow("api node", lambda: api_node(args.apinode))
    flow("project deletion", lambda: client.get_project(key).delete())

    for method, url, status in CALLS:
        print("  %-6s %s -> %d" % (method, url, status))
    failed_calls = [c for c in CALLS if c[2] >= 400]
    print("%d calls, %d answered >= 400, %d flows failed" % (len(CALLS), len(failed_calls), len(failures)))
    for name, trace in failures:
        print("--- %s\n%s" % (name, trace))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
