"""Checks, with the official client run from source, what x-dss-permission promises on a few calls of each kind.

Usage (a fresh reference server running with admin key ADMIN on PORT; it creates users, groups, a meaning):
  PYTHONPATH=/work/dataikuapi-src python3 permissions_check.py http://127.0.0.1:PORT ADMIN
Prints one line per check and exits non-zero when a call is not refused/allowed as the contract says.
"""
import sys
import dataikuapi
from dataikuapi.utils import DataikuException

url, admin_key = sys.argv[1], sys.argv[2]
admin = dataikuapi.DSSClient(url, admin_key)
failures = []


def check(label, fn, refused_with=None):
    try:
        fn()
        outcome = "allowed"
    except DataikuException as e:
        outcome = "refused: " + str(e).split(":")[0]
    ok = outcome == "allowed" if refused_with is None else outcome.startswith("refused") and refused_with in outcome
    print(("OK   " if ok else "FAIL ") + label + " -> " + outcome)
    if not ok:
        failures.append(label)


# fixtures: a project, a reader group with read access, users and their personal keys
for g in ("py-readers",):
    if g not in [x["name"] for x in admin.list_groups()]:
        admin.create_group(g, "python permission check")
for login, groups in (("py-plain", []), ("py-reader", ["py-readers"])):
    if login not in [u["login"] for u in admin.list_users()]:
        admin.create_user(login, "pw", login, groups=groups)
if "PYPERM" not in admin.list_project_keys():
    admin.create_project("PYPERM", "Python permission check", "admin")
project = admin.get_project("PYPERM")
perms = project.get_permissions()
perms["permissions"] = [{"group": "py-readers", "readProjectContent": True}]
project.set_permissions(perms)


def as_user(login):
    key = admin.create_personal_api_key_for_user(login, "py-check")  # a DSSPersonalApiKey; its secret is .key
    return dataikuapi.DSSClient(url, key.key)


plain, reader = as_user("py-plain"), as_user("py-reader")

check("authenticated: plain user list_projects", lambda: plain.list_projects())
check("authenticated: plain user get_auth_info", lambda: plain.get_auth_info())
check("project-read: reader get_summary", lambda: reader.get_project("PYPERM").get_summary())
check("project-read: plain user get_summary", lambda: plain.get_project("PYPERM").get_summary(),
      "UnauthorizedException")
check("project-write: reader set_variables",
      lambda: reader.get_project("PYPERM").set_variables({"standard": {}, "local": {}}), "UnauthorizedException")
check("project-admin: reader get_permissions", lambda: reader.get_project("PYPERM").get_permissions(),
      "UnauthorizedException")
check("create-projects: plain user create_project", lambda: plain.create_project("PYNOPE", "x", "py-plain"),
      "UnauthorizedException")
check("global-admin: reader list_users", lambda: reader.list_users(), "UnauthorizedException")
check("global-admin: admin list_users", lambda: admin.list_users())
check("no key: list_projects", lambda: dataikuapi.DSSClient(url, "").list_projects(), "")
check("unknown key: list_projects", lambda: dataikuapi.DSSClient(url, "no-such-key").list_projects(), "")

# create_* calls ignore the response body: they must work whatever the body is
check("create_group ignores the body", lambda: admin.create_group("py-ignored-body", None))
check("create_meaning ignores the body",
      lambda: admin.create_meaning("py_meaning", "Py", "VALUES_LIST", values=["a"]))

admin.get_project("PYPERM").delete()
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
