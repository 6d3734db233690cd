"""
By-hand check of the calls whose server side reads the generated models (issue #16, server side), with the official
Python client against a running reference server, plus the bad bodies the client never sends (through its session):

    PYTHONPATH=/work/dataikuapi-src python3 reference-server/src/test/python/generated_models_by_hand.py \
        --url http://127.0.0.1:11200 --api-key my-admin-key

Prints one line per check and exits 1 when one failed.
"""
import argparse
import sys
import uuid

import dataikuapi

RESULTS = []


def check(name, action):
    try:
        detail = action()
        RESULTS.append((name, True, detail))
    except Exception as e:  # report every check, not only the first that breaks
        RESULTS.append((name, False, "%s: %s" % (type(e).__name__, e)))


def error_of(client, method, path, body):
    """The DSSError of a call the Python client would not make (its session, its auth)."""
    r = client._session.request(method, client.host + "/dip/publicapi" + path, json=body)
    assert 400 <= r.status_code < 500, "expected a 4xx, got %d %s" % (r.status_code, r.text)
    e = r.json()
    assert "\tat " not in r.text
    return r.status_code, e.get("field"), e.get("rule"), e.get("message")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--api-key", required=True)
    args = parser.parse_args()
    client = dataikuapi.DSSClient(args.url, args.api_key)
    s = uuid.uuid4().hex[:6]
    key = "HAND_" + s.upper()

    def project():
        p = client.create_project(key, "By hand", "admin", description="generated models")
        md = p.get_metadata()
        md["tags"] = ["a", "b"]
        md["custom"]["kv"]["k"] = None
        p.set_metadata(md)
        back = p.get_metadata()
        assert back["tags"] == ["a", "b"] and back["description"] == "generated models", back
        perms = p.get_permissions()
        perms["permissions"].append({"group": "readers", "readProjectContent": True})
        p.set_permissions(perms)
        assert any(x["group"] == "readers" for x in p.get_permissions()["permissions"])
        v = p.get_variables()
        v["standard"]["n"] = 1
        v["local"]["l"] = "x"
        p.set_variables(v)
        assert p.get_variables()["standard"]["n"] == 1
        with p.get_export_stream({"exportUploads": False}) as stream:
            assert stream.read(2) == b"PK"
        return "metadata, permissions, variables, export"
    check("project: create, metadata, permissions, variables, export", project)

    check("project: missing name", lambda: error_of(client, "POST", "/projects/", {"projectKey": "X" + s, "owner": "admin"}))
    check("project: bad key", lambda: error_of(client, "POST", "/projects/", {"projectKey": "bad key", "name": "x", "owner": "admin"}))
    check("project: unknown owner", lambda: error_of(client, "POST", "/projects/", {"projectKey": "Y" + s, "name": "x", "owner": "ghost"}))

    def users_groups():
        g = client.create_group("hand_g_" + s, description="by hand")
        d = g.get_definition()
        d["description"] = "changed"
        g.set_definition(d)
        assert g.get_definition()["description"] == "changed"
        u = client.create_user("hand_u_" + s, "pw", display_name="Hand", groups=["hand_g_" + s])
        st = u.get_settings()
        st.get_raw()["displayName"] = "Hand 2"
        st.save()
        assert u.get_settings().get_raw()["displayName"] == "Hand 2"
        u.delete()
        g.delete()
        return "created, changed, deleted"
    check("users and groups", users_groups)
    check("user: no password", lambda: error_of(client, "POST", "/admin/users/", {"login": "nopw" + s}))
    check("user: definition without login", lambda: error_of(client, "PUT", "/admin/users/admin", {"displayName": "x"}))
    check("group: no name", lambda: error_of(client, "POST", "/admin/groups/", {"description": "x"}))

    def keys():
        k = client.create_global_api_key(label="hand", description="by hand", admin=False)
        d = k.get_definition()
        d["label"] = "hand 2"
        k.set_definition(d)
        assert k.get_definition()["label"] == "hand 2"
        k.delete()
        client.create_user("hand_k_" + s, "pw")
        pk = client.create_personal_api_key_for_user("hand_k_" + s, label="for user")
        assert pk.get_definition()["user"] == "hand_k_" + s
        client.get_user("hand_k_" + s).delete()
        return "global key changed, personal key for a user"
    check("API keys", keys)
    check("personal key for user: no user", lambda: error_of(client, "POST", "/admin/personal-api-keys/", {"label": "x"}))

    def meanings():
        m = client.create_meaning("hand_m_" + s, "Hand", "VALUES_LIST", values=["a", "b"])
        d = m.get_definition()
        d["label"] = "Hand 2"
        m.set_definition(d)
        assert m.get_definition()["label"] == "Hand 2"
        return "created, changed"
    check("meanings", meanings)
    check("meaning: unknown type", lambda: error_of(client, "POST", "/meanings/", {"id": "m" + s, "label": "x", "type": "NOPE"}))
    check("meaning: bad pattern", lambda: error_of(client, "POST", "/meanings/", {"id": "p" + s, "label": "x", "type": "PATTERN", "pattern": "("}))

    check("job: unknown type", lambda: error_of(client, "POST", "/projects/%s/jobs/" % key, {"type": "FAST", "outputs": [{"id": "d"}]}))
    check("job: no outputs", lambda: error_of(client, "POST", "/projects/%s/jobs/" % key, {"outputs": []}))
    check("job: output without id", lambda: error_of(client, "POST", "/projects/%s/jobs/" % key, {"outputs": [{"type": "DATASET"}]}))
    check("sql: no query", lambda: error_of(client, "POST", "/sql/queries/", {"connection": "x"}))
    check("sql: blank query", lambda: error_of(client, "POST", "/sql/queries/", {"query": "  ", "connection": "x"}))

    def dataset_metadata():
        p = client.get_project(key)
        ds = p.create_dataset("hand_ds", "UploadedFiles", params={"uploadConnection": "filesystem_managed"})
        md = ds.get_metadata()
        md["tags"] = ["t"]
        md["custom"]["kv"]["owner"] = "me"
        ds.set_metadata(md)
        back = ds.get_metadata()
        assert back["tags"] == ["t"] and back["custom"]["kv"]["owner"] == "me", back
        return "tags and custom kv saved"
    check("dataset metadata", dataset_metadata)
    check("project deletion", lambda: client.get_project(key).delete())

    failed = 0
    for name, ok, detail in RESULTS:
        failed += not ok
        print("%-4s %-45s %s" % ("ok" if ok else "FAIL", name, detail))
    print("%d checks, %d failed" % (len(RESULTS), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
