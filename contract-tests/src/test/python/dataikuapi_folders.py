"""
The official Python client's managed-folder calls and the dataset calls that go with them (create_dataset_from_files,
autodetect_settings, managed dataset creation, info, usages), driven as a user would against a running reference
server (or a `prism proxy` in front of it), every HTTP call counted and checked:

    PYTHONPATH=/path/to/dataikuapi python3 contract-tests/src/test/python/dataikuapi_folders.py \
        --dss http://127.0.0.1:11200 --api-key my-admin-key

Prints one line per call (method, path, status) and a summary; exits 1 when a check failed. The client itself is not
part of this repository: point PYTHONPATH at a dataikuapi 14.3 source tree.
"""
import argparse
import io
import os
import sys
import tempfile
import time
import traceback
import uuid

import requests

try:
    import dataikuapi
    from dataikuapi.utils import DataikuException
    from dataikuapi.dss.future import DSSFuture
except ImportError:
    sys.exit("dataikuapi is not importable: set PYTHONPATH to a dataikuapi source tree (14.3)")

CALLS = []
_request = requests.Session.request


def _counting_request(self, method, url, *args, **kwargs):
    response = _request(self, method, url, *args, **kwargs)
    CALLS.append((method, url, response.status_code))
    return response


requests.Session.request = _counting_request


def expect_error(fragment, action):
    try:
        action()
    except DataikuException as e:
        assert fragment in str(e), "expected %r in %s" % (fragment, e)
        return str(e)
    raise AssertionError("expected an error containing %r" % fragment)


def folder_lifecycle(project):
    folder = project.create_managed_folder("drops")
    assert len(folder.id) == 8, folder.id
    listed = project.list_managed_folders()
    assert [f["id"] for f in listed] == [folder.id], listed
    assert listed[0]["params"]["connection"] == "filesystem_folders"

    settings = folder.get_settings()
    assert settings.type == "Filesystem"
    settings.get_raw()["description"] = "partner drops"
    settings.add_discrete_partitioning_dimension("country")
    settings.set_partitioning_file_pattern("/%{country}/.*")
    settings.save()
    definition = folder.get_definition()
    assert definition["description"] == "partner drops"
    assert definition["partitioning"]["dimensions"][0]["name"] == "country"
    definition["tags"] = ["partners"]
    assert "msg" in folder.set_definition(definition)

    folder.rename("partner_drops")
    assert folder.get_settings().get_raw()["name"] == "partner_drops"
    other = project.create_managed_folder("other")
    expect_error("already exists", lambda: other.rename("partner_drops"))
    other.delete()
    expect_error("NotFoundException", lambda: other.get_definition())
    return folder


def folder_files(folder):
    uploaded = folder.put_file("/2015/orders.csv", io.BytesIO(b"id,country\n1,FR\n2,DE\n"))
    assert uploaded["path"] == "/2015/orders.csv" and uploaded["size"] == 21, uploaded
    folder.put_file("/readme.txt", "a string is the content itself")
    with tempfile.TemporaryDirectory() as local:
        os.makedirs(os.path.join(local, "a"))
        with open(os.path.join(local, "a", "b.csv"), "w") as f:
            f.write("x\n1\n")
        with open(os.path.join(local, "top.csv"), "w") as f:
            f.write("y\n2\n")
        folder.upload_folder("/tree", local)
    paths = [i["path"] for i in folder.list_contents()["items"]]
    assert paths == ["/2015/orders.csv", "/readme.txt", "/tree/a/b.csv", "/tree/top.csv"], paths
    with folder.get_file("/2015/orders.csv") as r:
        assert r.raw.read() == b"id,country\n1,FR\n2,DE\n"
    assert folder.get_file("readme.txt").text == "a string is the content itself"
    folder.delete_file("/tree/top.csv")
    folder.delete_file("/tree/top.csv")  # no error when it does not exist
    expect_error("NotFoundException", lambda: folder.get_file("/tree/top.csv"))
    for bad in ["a//b.txt", "%2e%2e/x", "/x/%2E%2E/y"]:
        message = expect_error("filePath", lambda: folder.put_file(bad, "x"))
        assert bad in message, message
    # raw dot segments are resolved by the URL rules before routing (RFC 3986, the server's container does it):
    # "contents/../escape.txt" is another URL (404), "contents//a/../../escape.txt" is "contents/escape.txt";
    # a backslash travels as %5C, which the container refuses (400 "Suspicious Path Character") before the API
    expect_error("No such API endpoint", lambda: folder.put_file("../escape.txt", "x"))
    assert folder.put_file("/a/../../escape.txt", "x")["path"] == "/escape.txt"
    expect_error("Suspicious Path Character", lambda: folder.put_file("a\\b.txt", "x"))
    folder.delete_file("/escape.txt")
    last = folder.get_last_metric_values()
    assert last.get_global_value("basic:COUNT_FILES") == 3, last.get_raw()
    history = folder.get_metric_history("basic:COUNT_FILES")
    # one measure per change of the files: 4 puts, 1 deletion (the second one changed nothing), /escape.txt put and deleted
    assert [v["value"] for v in history["values"]] == ["1", "2", "3", "4", "3", "4", "3"], history
    assert history["lastValue"]["value"] == "3", history
    resp = folder.compute_metrics()
    computed = DSSFuture(folder.client, resp.get("jobId", None), resp).wait_for_result()
    assert {c["metricId"]: c["value"] for c in computed["computed"]}["basic:COUNT_FILES"] == "3", computed
    resp = folder.compute_metrics(metric_ids=["basic:SIZE"])
    assert [c["metricId"] for c in DSSFuture(folder.client, resp["jobId"], resp).wait_for_result()["computed"]] == ["basic:SIZE"]
    expect_error("metricLookup", lambda: folder.get_metric_history("records:COUNT_RECORDS"))

    target = folder.project.create_managed_folder("copy_target")
    target.put_file("/old.txt", "old")
    result = folder.copy_to(target, write_mode="APPEND").wait_for_result()
    assert result["copiedFiles"] == 3, result
    assert len(target.list_contents()["items"]) == 4
    folder.copy_to(target).wait_for_result()  # OVERWRITE by default
    assert sorted(i["path"] for i in target.list_contents()["items"]) == sorted(
        i["path"] for i in folder.list_contents()["items"])
    expect_error("itself", lambda: folder.copy_to(folder))


def files_in_folder_dataset(project):
    sales_folder = project.create_managed_folder("sales")
    sales_folder.put_file("/2015.csv", "id;country;amount\n1;FR;9.5\n2;\"DE;AT\";12\n")
    sales_folder.put_file("/2016.csv", "id;country;amount\n3;IT;1\n")
    dataset = sales_folder.create_dataset_from_files("sales")
    assert sales_folder.get_usages() == [{"type": "DATASET_SOURCE", "objectId": "sales", "objectProjectKey": project.project_key}]
    settings = dataset.autodetect_settings(infer_storage_types=True)
    raw = settings.get_raw()
    assert raw["formatType"] == "csv" and raw["formatParams"]["separator"] == ";", raw["formatParams"]
    assert raw["formatParams"]["parseHeaderRow"] is True
    assert [(c["name"], c["type"]) for c in raw["schema"]["columns"]] == [("id", "bigint"), ("country", "string"), ("amount", "double")]
    settings.save()
    rows = list(dataset.iter_rows())
    assert rows == [[1, "FR", 9.5], [2, "DE;AT", 12.0], [3, "IT", 1.0]], rows
    strings = dataset.autodetect_settings()  # without storage types: every column a string
    assert {c["type"] for c in strings.get_raw()["schema"]["columns"]} == {"string"}


def uploaded_dataset_autodetect(project):
    dataset = project.create_upload_dataset("people")
    dataset.uploaded_add_file(io.BytesIO(b"name\tage\tvip\nAda\t36\ttrue\nBob\t41\tfalse\n"), "people.tsv")
    settings = dataset.autodetect_settings(infer_storage_types=True)
    assert settings.get_raw()["formatParams"]["separator"] == "\t"
    settings.save()
    assert [c["type"] for c in dataset.get_schema()["columns"]] == ["string", "bigint", "boolean"]
    assert list(dataset.iter_rows()) == [["Ada", 36, True], ["Bob", 41, False]]
    dataset.compute_metrics()
    history = dataset.get_metric_history("records:COUNT_RECORDS")
    assert [v["value"] for v in history["values"]] == ["2"], history
    expect_error("metricLookup", lambda: dataset.get_metric_history("no:SUCH_METRIC"))
    copy = project.create_upload_dataset("people_copy")
    result = dataset.copy_to(copy).wait_for_result()
    assert result["copiedRows"] == 2, result
    assert list(copy.iter_rows()) == [["Ada", 36, True], ["Bob", 41, False]]
    expect_error("itself", lambda: dataset.copy_to(dataset))
    empty = project.create_upload_dataset("nothing_yet")
    expect_error("Format detection failed", lambda: empty.autodetect_settings())


def managed_dataset(project):
    builder = project.new_managed_dataset("copy")
    builder.with_store_into("filesystem_managed")
    dataset = builder.create()
    info = dataset.get_info()
    assert info.get_raw()["dataset"]["managed"] is True
    assert info.last_build_start_time is None
    assert dataset.get_usages() == []
    dataset.build()
    info = dataset.get_info()
    assert info.is_last_build_successful and info.last_build_end_time is not None, info.get_raw()
    again = project.new_managed_dataset("copy").with_store_into("filesystem_managed")
    expect_error("already exists", lambda: again.create())
    assert again.create(overwrite=True).get_info().last_build_start_time is None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dss", required=True, help="DSS URL (the reference server, or a Prism proxy in front of it)")
    parser.add_argument("--api-key", required=True, help="DSS admin API key")
    args = parser.parse_args()

    client = dataikuapi.DSSClient(args.dss, args.api_key)
    key = "PY_FOLDERS_" + uuid.uuid4().hex[:8].upper()
    project = client.create_project(key, "Folders from Python", "admin")
    failures = []
    state = {}

    def flow(name, action):
        before = len(CALLS)
        started = time.monotonic()
        try:
            action()
            outcome = "ok"
        except Exception as e:  # report every flow, not only the first that breaks
            outcome = "FAILED: %s" % e
            failures.append((name, traceback.format_exc()))
        print("flow %-28s %3d calls %5.1f s  %s" % (name, len(CALLS) - before, time.monotonic() - started, outcome))

    flow("folder lifecycle", lambda: state.update(folder=folder_lifecycle(project)))
    flow("folder files", lambda: folder_files(state["folder"]))
    flow("files-in-folder dataset", lambda: files_in_folder_dataset(project))
    flow("uploaded dataset autodetect", lambda: uploaded_dataset_autodetect(project))
    flow("managed dataset", lambda: managed_dataset(project))
    flow("folder deletion", lambda: state["folder"].delete())
    flow("project deletion", lambda: project.delete())

    for method, url, status in CALLS:
        print("  %-6s %s -> %d" % (method, url, status))
    errors = [c for c in CALLS if c[2] >= 400]
    print("%d calls, %d answered >= 400 (expected refusals included), %d flows failed" % (len(CALLS), len(errors), len(failures)))
    for name, trace in failures:
        print("--- %s\n%s" % (name, trace))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
