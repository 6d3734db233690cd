"""Drives every scenario call of the official Python client (dataikuapi 14.3, run from source) against a running
reference server, as a user would. Not run by the build: run it by hand after a change to scenarios.

    PYTHONPATH=/path/to/dataiku-api-client-python python3 scenarios_by_hand.py http://127.0.0.1:11200 ADMIN_KEY

Prints one line per checked behaviour and exits non-zero at the first surprise.
"""
import datetime
import sys
import time
import uuid
import warnings

import dataikuapi
from dataikuapi.utils import DataikuException

warnings.simplefilter("ignore", DeprecationWarning)
url, key = sys.argv[1], sys.argv[2]
client = dataikuapi.DSSClient(url, key)
project_key = "BYHAND_" + uuid.uuid4().hex[:6].upper()
project = client.create_project(project_key, "Scenarios by hand", "admin")


def check(what, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + what + (": " + str(detail) if detail != "" else ""))
    if not condition:
        sys.exit(1)


try:
    ds = project.create_dataset("orders", "UploadedFiles", params={"uploadConnection": "filesystem_managed"},
                                formatType="csv", formatParams={"separator": ",", "style": "excel", "parseHeaderRow": True})
    ds.uploaded_add_file(open(__file__.replace("scenarios_by_hand.py", "orders.csv"), "rb"), "orders.csv")

    scenario = project.create_scenario("Nightly build", "step_based")
    check("create_scenario derives the id from the name", scenario.id == "NIGHTLY_BUILD", scenario.id)
    # DSSScenarioListItem.id returns the *name* in dataikuapi 14.3.3 (a client bug): to_scenario() has the id
    check("list_scenarios", [s.to_scenario().id for s in project.list_scenarios()] == ["NIGHTLY_BUILD"])

    settings = scenario.get_settings()
    check("get_settings of a step-based scenario", type(settings).__name__ == "StepBasedScenarioSettings")
    settings.raw_steps.append({"id": "build", "type": "build_flowitem", "name": "Build orders",
                               "params": {"jobType": "RECURSIVE_BUILD",
                                          "builds": [{"type": "DATASET", "itemId": "orders", "partitionsSpec": ""}]}})
    settings.raw_steps.append({"id": "count", "type": "exec_sql",
                               "params": {"connection": "demo_sql", "sql": "SELECT * FROM customers WHERE id <= ${upTo}"}})
    settings.add_periodic_trigger(every_minutes=30)
    settings.save()
    check("settings saved (steps, trigger)", len(scenario.get_settings().raw_steps) == 2
          and len(scenario.get_settings().raw_triggers) == 1)
    check("get_definition(with_status=False)", scenario.get_definition(with_status=False)["id"] == "NIGHTLY_BUILD")
    check("get_definition(with_status=True)", scenario.get_definition()["running"] is False)

    t0 = time.time()
    run = scenario.run_and_wait(params={"upTo": 3})
    check("run_and_wait ends SUCCESS", run.outcome == "SUCCESS", "%.1f s" % (time.time() - t0))
    details = run.get_details()
    check("get_details: two step runs", len(details.steps) == 2, [s.outcome for s in details.steps])
    check("job_ids of the build step", len(details.steps[0].job_ids) == 1, details.steps[0].job_ids)
    check("the job ran", project.get_job(details.steps[0].job_ids[0]).get_status()["baseStatus"]["state"] == "DONE")
    check("get_log", "Read 3 row(s)" in run.get_log())
    check("get_log(step_id)", "Started job" in run.get_log("build") and "customers" not in run.get_log("build"))
    check("get_duration", run.get_duration() >= 0, run.get_duration())
    check("get_start_time / end_time", run.end_time >= run.start_time)
    check("trigger of the run", run.trigger["id"] == "manual")
    check("get_last_runs", [r.id for r in scenario.get_last_runs()] == [run.id])
    check("get_last_finished_run", scenario.get_last_finished_run().id == run.id)
    check("get_last_successful_run", scenario.get_last_successful_run().id == run.id)
    check("get_current_run is None", scenario.get_current_run() is None)
    check("get_run", scenario.get_run(run.id).outcome == "SUCCESS")
    check("get_runs_by_date", len(scenario.get_runs_by_date(datetime.date.today().strftime("%Y-%m-%d"),
                                                          datetime.datetime.now() + datetime.timedelta(days=1))) == 1)
    check("get_average_duration(1)", scenario.get_average_duration(limit=1) is not None)
    status = scenario.get_status()
    check("get_status", status.running is False and status.next_run is None)

    fire = scenario.get_trigger_fire("manual", run.run["trigger"]["runId"])
    check("get_trigger_fire", fire.is_cancelled() is False and fire.get_scenario_run().id == run.id)

    # a failing step
    failing = project.create_scenario("Fragile", "step_based", definition={"params": {"steps": [
        {"id": "broken", "type": "exec_sql", "params": {"connection": "demo_sql", "sql": "DELETE FROM no_such_table"}}]}})
    try:
        failing.run_and_wait()
        check("run_and_wait raises on FAILED", False)
    except DataikuException as e:
        check("run_and_wait raises on FAILED", "FAILED" in str(e), e)
    failed = failing.run_and_wait(no_fail=True)
    check("first_error_details", "NO_SUCH_TABLE" in failed.get_details().first_error_details["message"].upper(),
          failed.get_details().first_error_details["message"])

    # test scenarios report in JUnit XML
    fs = failing.get_settings()
    fs.get_raw()["markedAsTest"] = True
    fs.save()
    test_run = failing.run_and_wait(no_fail=True)
    check("get_report (JUnit XML)", b'failures="1"' in test_run.get_report().content)
    check("get_step_run_report", b"<failure" in test_run.get_step_run_report("broken").content)
    testing = project.get_testing_status()
    check("get_testing_status", testing.nb_total_ran_scenarios == 1 and testing.nb_scenarios_per_outcome == {"FAILED": 1},
          testing.get_raw())
    check("get_last_test_scenario_runs_report", b"FRAGILE" in project.get_last_test_scenario_runs_report().content)
    check("get_last_test_scenario_runs_html_report", b"FRAGILE" in project.get_last_test_scenario_runs_html_report().content)
    try:
        run.get_report()
        check("get_report of a non-test scenario raises", False)
    except DataikuException as e:
        check("get_report of a non-test scenario raises", "not marked as a test" in str(e), e)

    # abort, and one run at a time
    endless = project.create_scenario("Endless", "step_based", definition={"params": {"steps": [
        {"id": "endless", "type": "exec_sql", "params": {"connection": "demo_sql",
         "sql": "SELECT SUM(a.X * b.X) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b"}}]}})
    trigger_fire = endless.run()
    current = trigger_fire.wait_for_scenario_run()
    check("wait_for_scenario_run", current.running)
    check("get_current_run while running", endless.get_current_run().id == current.id)
    check("get_status().running", endless.get_status().running is True)
    second = endless.run()
    check("a second fire is cancelled", second.is_cancelled(refresh=True) is True)
    check("wait_for_scenario_run(no_fail=True) of a cancelled fire", second.wait_for_scenario_run(no_fail=True) is None)
    endless.abort()
    current.wait_for_completion(no_fail=True)
    check("abort ends the run ABORTED", current.outcome == "ABORTED")

    # a Python scenario keeps its script
    py = project.create_scenario("Script", "custom_python")
    py_settings = py.get_settings()
    check("get_settings of a Python scenario", type(py_settings).__name__ == "PythonScriptBasedScenarioSettings")
    py_settings.code = "print('hello')"
    py_settings.save()
    check("script saved", py.get_settings().code == "print('hello')")
    py.set_payload("print('bye')")
    check("set_payload / get_payload", py.get_payload() == "print('bye')")

    scenario.delete()
    check("delete", [s.to_scenario().id for s in project.list_scenarios()] == ["ENDLESS", "FRAGILE", "SCRIPT"])
finally:
    project.delete(clear_managed_datasets=True)
print("all scenario calls behaved")
