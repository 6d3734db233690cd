# Long-lived worker of the dss-contract-kit API node: runs Python function endpoints.
# Protocol: one JSON object per line on stdin {"file", "function", "args"}; one JSON object per line on stdout:
#   {"ok": true, "result": <any JSON>, "internalMicros": n}
#   {"ok": false, "kind": "ARGUMENTS" | "LOAD" | "EXCEPTION" | "RESULT", "errorType", "message", "traceback"}
# The function's own prints go to stderr so they never corrupt the protocol.
import importlib.util
import inspect
import json
import os
import sys
import time
import traceback

protocol_out = sys.stdout
sys.stdout = sys.stderr
modules = {}


def load(path, function_name):
    mtime = os.path.getmtime(path)
    cached = modules.get(path)
    if cached is None or cached[0] != mtime:
        spec = importlib.util.spec_from_file_location("apinode_fn_%d" % len(modules), path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cached = (mtime, module)
        modules[path] = cached
    target = cached[1]
    for part in function_name.split("."):
        target = getattr(target, part)
    return target


def answer(obj):
    protocol_out.write(json.dumps(obj) + "\n")
    protocol_out.flush()


for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    try:
        request = json.loads(line)
    except ValueError as e:
        answer({"ok": False, "kind": "PROTOCOL", "errorType": "ValueError", "message": str(e)})
        continue
    try:
        fn = load(request["file"], request["function"])
    except Exception as e:
        answer({"ok": False, "kind": "LOAD", "errorType": type(e).__name__, "message": str(e),
                "traceback": traceback.format_exc()})
        continue
    args = request.get("args") or {}
    try:
        inspect.signature(fn).bind(**args)
    except TypeError as e:
        answer({"ok": False, "kind": "ARGUMENTS", "errorType": "TypeError", "message": str(e)})
        continue
    except ValueError:
        pass  # builtins without a signature: let the call decide
    started = time.perf_counter()
    try:
        result = fn(**args)
    except Exception as e:
        answer({"ok": False, "kind": "EXCEPTION", "errorType": type(e).__name__, "message": str(e),
                "traceback": traceback.format_exc()})
        continue
    internal = int((time.perf_counter() - started) * 1e6)
    try:
        answer({"ok": True, "result": result, "internalMicros": internal})
    except (TypeError, ValueError) as e:
        answer({"ok": False, "kind": "RESULT", "errorType": type(e).__name__,
                "message": "the function returned a value that is not JSON-serializable: %s" % e})
