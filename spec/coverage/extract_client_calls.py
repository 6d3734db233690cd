"""Lists the (method, path) calls the official Python client dataikuapi makes, read from its source.

Usage: python3 extract_client_calls.py <dataiku-api-client-python checkout>/dataikuapi > dataikuapi-<version>-calls.csv

Reads the source as text (Python's ast module): never imports or runs it. Every call through the client's
_perform_* helpers whose method and path can be read statically is listed once per (scope, method, path), the path's
dynamic parts written {}; scope is dss, apinode (user API) or apinode-admin; govern, fm and iam are other products.
The area and the core flag say which everyday-automation area the call belongs to (ClientCallCoverageTest prints the
document's coverage per area).
"""
import ast, sys, os, re, csv, json

ROOT = sys.argv[1]
PERFORM = {"_perform_json", "_perform_empty", "_perform_raw", "_perform_text", "_perform_http",
           "_perform_json_upload"}

def expr_to_path(node, env):
    """Returns a path template string with {} for dynamic parts, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in env:
        return env[node.id]
    if isinstance(node, ast.JoinedStr):
        out = ""
        for v in node.values:
            if isinstance(v, ast.Constant):
                out += str(v.value)
            else:
                out += "{}"
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        left = expr_to_path(node.left, env)
        if left is None:
            return None
        args = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        parts = re.split(r"%[sd]", left)
        out = parts[0]
        for i, part in enumerate(parts[1:]):
            a = args[i] if i < len(args) else None
            sub = env.get(a.id) if isinstance(a, ast.Name) and a.id in env else "{}"
            out += sub + part
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        l = expr_to_path(node.left, env)
        r = expr_to_path(node.right, env)
        if l is None and r is None:
            return None
        return (l if l is not None else "{}") + (r if r is not None else "{}")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        base = expr_to_path(node.func.value, env)
        if base is None:
            return None
        return re.sub(r"\{[^}]*\}", "{}", base)
    return None

rows = []
unresolved = []
for dirpath, _, files in os.walk(ROOT):
    for f in files:
        if not f.endswith(".py"):
            continue
        p = os.path.join(dirpath, f)
        rel = os.path.relpath(p, ROOT)
        try:
            tree = ast.parse(open(p, encoding="utf-8").read())
        except SyntaxError:
            continue
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            env = {}
            # simple local string assignments: path = "/a/%s" % x
            for st in ast.walk(func):
                if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                    v = expr_to_path(st.value, env)
                    if v is not None and v.startswith("/"):
                        env[st.targets[0].id] = v
            for call in ast.walk(func):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in PERFORM):
                    continue
                args = call.args
                if len(args) < 2:
                    continue
                method = args[0].value if isinstance(args[0], ast.Constant) else None
                path = expr_to_path(args[1], env)
                recv = ast.unparse(call.func.value)
                if method is None or path is None:
                    unresolved.append((rel, func.name, call.lineno, ast.unparse(call)[:120]))
                    continue
                rows.append({"file": rel, "function": func.name, "line": call.lineno, "method": method.upper(),
                             "path": re.sub(r"\{\}+", "{}", path), "perform": call.func.attr})
def scope(f):
    if f.startswith('dss/') or f == 'dssclient.py' or f == 'utils.py': return 'dss'
    if f.startswith('apinode_admin'): return 'apinode-admin'
    if f == 'apinode_client.py': return 'apinode'
    return None  # govern, fm, iam: other products
# (area, regex) in order; first match wins. Core areas: everyday automation.
AREAS = [
 ('Managed folders', r'^/projects/\{\}/managedfolders'),
 ('Scenarios', r'^/projects/\{\}/scenarios'),
 ('Recipes', r'^/projects/\{\}/recipes'),
 ('Jobs', r'^/projects/\{\}/jobs'),
 ('Bundles', r'^/projects/\{\}/bundles|^/projectsFromBundle'),
 ('Datasets', r'^/projects/\{\}/datasets|^/projects/\{\}/actions/(testAndDetect|dataset)'),
 ('Project variables', r'^/projects/\{\}/variables|^/admin/variables'),
 ('Project folders', r'^/project-folders'),
 ('Projects', r'^/projects/(\{\}/?)?$|^/projects/\{\}/(settings|metadata|permissions|export|tags|duplicate|git|libraries|actions)|^/projects/import|^/projects/\{\}/?(\?|$)'),
 ('Flow', r'^/projects/\{\}/flow'),
 ('SQL queries', r'^/sql/'),
 ('Futures', r'^/futures'),
 ('Users & groups', r'^/admin/(users|groups)|^/users|^/groups|^/current-user|^/admin/external|^/admin/list-trial'),
 ('Connections', r'^/admin/connections|^/connections'),
 ('API keys', r'^/admin/global-api-keys|^/admin/globalAPIKeys|^/personal-api-keys|^/admin/personal-api-keys|^/projects/\{\}/apikeys'),
 ('Code envs', r'^/admin/code-envs'),
 ('Plugins', r'^/plugins'),
 ('Instance', r'^/admin/(logs|general-settings|licensing|audit)|^/meanings|^/auth/|^/instance-info'),
 ('Macros', r'^/projects/\{\}/runnables'),
 ('API node user', r'^/\{\}/\{\}/'),
 ('API node admin', r'^/admin/api|^/services|^/keys|^/service-files|^/services-clean'),
]
CORE = {a for a, _ in AREAS}
out = []
seen = set()
for r in rows:
    sc = scope(r['file'])
    if sc is None: continue
    path = r["path"].split("?")[0]
    if sc == 'apinode':
        # the API node client's base is <uri>/public/api/v1/<serviceId>/: paths start at the endpoint
        path = '/{}/' + path if path.startswith('{}') else re.sub(r'^/public/api/v1', '', path)
    key = (sc, r['method'], path)
    if key in seen: continue
    seen.add(key)
    area = 'Other: ' + r['file'].split('/')[-1].replace('.py', '')
    if not path.startswith('/'): area = 'Unresolved'
    for a, rx in AREAS:
        if re.search(rx, path):
            area = a; break
    if sc == 'apinode': area = 'API node user'
    if sc == 'apinode-admin': area = 'API node admin'
    out.append((sc, area, 'yes' if area in CORE else 'no', r['method'], path, '%s:%s' % (r['file'], r['function'])))
out.sort()
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['scope', 'area', 'core', 'method', 'path', 'source'])
for row in out: w.writerow(row)
