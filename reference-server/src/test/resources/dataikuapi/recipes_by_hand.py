"""Drives the recipe calls of the official Python client (dataikuapi 14.3, run from source) against a running
reference server, as a user would. Not run by the build: run it by hand after a change to recipes.

    PYTHONPATH=/path/to/dataiku-api-client-python python3 recipes_by_hand.py http://127.0.0.1:11200 ADMIN_KEY
"""
import sys
import uuid
import warnings

import dataikuapi
from dataikuapi.utils import DataikuException

warnings.simplefilter("ignore", DeprecationWarning)
url, key = sys.argv[1], sys.argv[2]
client = dataikuapi.DSSClient(url, key)
project_key = "BYHAND_" + uuid.uuid4().hex[:6].upper()
project = client.create_project(project_key, "Recipes by hand", "admin")


def check(what, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + what + (": " + str(detail) if detail != "" else ""))
    if not condition:
        sys.exit(1)


try:
    orders = project.create_dataset("orders", "UploadedFiles", params={"uploadConnection": "filesystem_managed"},
                                    formatType="csv", formatParams={"separator": ",", "style": "excel", "parseHeaderRow": True})
    orders.uploaded_add_file(open(__file__.replace("recipes_by_hand.py", "orders.csv"), "rb"), "orders.csv")
    orders.set_schema({"columns": [{"name": "id", "type": "bigint"}, {"name": "price", "type": "double"}]})

    # sync, with a new output: the builder's payload
    recipe = project.new_recipe("sync", "compute_orders_copy").with_input("orders") \
        .with_new_output("orders_copy", "filesystem_managed").create()
    check("new_recipe(sync)...create()", recipe.name == "compute_orders_copy")
    check("list_recipes", [r.name for r in project.list_recipes()] == ["compute_orders_copy"])
    settings = recipe.get_settings()
    check("get_settings of a sync", type(settings).__name__ == "SyncRecipeSettings" and settings.type == "sync")
    check("inputs / outputs", settings.get_recipe_inputs()["main"]["items"][0]["ref"] == "orders"
          and settings.get_recipe_outputs()["main"]["items"][0]["ref"] == "orders_copy")
    settings.raw_params["kit"] = "kept"
    settings.save()
    check("settings saved", recipe.get_settings().raw_params["kit"] == "kept")
    status = recipe.get_status()
    check("get_status", status.get_status_severity() == "SUCCESS" and status.get_selected_engine_details()["type"] == "DSS")
    check("compute_schema_updates", not recipe.compute_schema_updates().any_action_required())
    job = project.new_job("NON_RECURSIVE_FORCED_BUILD").with_output("orders_copy").start_and_wait()
    check("a job building the output runs the recipe", "compute_orders_copy" in job.get_log(), job.id)
    check("rows copied", len(list(project.get_dataset("orders_copy").iter_rows())) == 3)
    md = recipe.get_metadata()
    md["tags"] = ["nightly"]
    recipe.set_metadata(md)
    check("get_metadata / set_metadata", recipe.get_metadata()["tags"] == ["nightly"])
    try:
        project.new_recipe("sync", "second").with_input("orders").with_output("orders_copy").create()
        check("a dataset has one producer", False)
    except DataikuException as e:
        check("a dataset has one producer", "compute_orders_copy" in str(e), e)

    # sql_query on the demo database
    project.create_dataset("customers", "H2", params={"connection": "demo_sql", "table": "customers"})
    vips = project.new_recipe("sql_query", "compute_vips").with_input("customers").with_new_output("vips", "filesystem_managed").create()
    vips_settings = vips.get_settings()
    vips_settings.str_payload = "SELECT id, name FROM customers WHERE vip ORDER BY id"
    vips_settings.save()
    updates = vips.compute_schema_updates()
    check("compute_schema_updates of a sql_query", updates.any_action_required())
    updates.apply()
    check("apply", not vips.compute_schema_updates().any_action_required()
          and len(project.get_dataset("vips").get_schema()["columns"]) == 2)
    project.new_job("NON_RECURSIVE_FORCED_BUILD").with_output("vips").start_and_wait()
    check("sql_query built its output", [r[1] for r in project.get_dataset("vips").iter_rows()] == ["Ada Lovelace", "Grace Hopper"])
    definition = vips.get_definition_and_payload()
    definition.set_payload("SELECT nope FROM nowhere")
    vips.set_definition_and_payload(definition)
    check("a broken query is an ERROR status", vips.get_status().get_status_severity() == "ERROR",
          vips.get_status().get_status_messages()[0]["message"])

    # a code recipe keeps its script
    project.create_dataset("py_out", "Filesystem", params={"connection": "filesystem_managed"}, formatType="csv",
                           formatParams={"separator": ",", "style": "excel", "parseHeaderRow": True})
    py = project.new_recipe("python", "compute_py").with_input("orders").with_output("py_out").with_script("print(1)").create()
    check("a code recipe keeps its script", py.get_settings().str_payload == "print(1)")
    check("its status says it cannot run here", py.get_status().get_status_severity() == "WARNING")
    vips.delete()
    check("delete", [r.name for r in project.list_recipes()] == ["compute_orders_copy", "compute_py"])
finally:
    project.delete(clear_managed_datasets=True)
print("all recipe calls behaved")
