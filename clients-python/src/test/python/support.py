"""What the tests share: where the reference server is (PythonClientIT sets the environment), clients configured as
the README shows, and a log of every request sent (PythonClientIT matches it to the documents' operations)."""
import itertools
import os
import time
import urllib.parse

import dss_apinode_api
import dss_public_api
import dss_apinode_api.rest
import dss_public_api.rest

DSS_URL = os.environ.get("DSS_URL", "http://localhost:11200")
API_KEY = os.environ.get("DSS_API_KEY", "")
_REQUEST_LOG = os.environ.get("REQUEST_LOG")


def _logging(request):
    def logged(self, method, url, *args, **kwargs):
        if _REQUEST_LOG:
            with open(_REQUEST_LOG, "a", encoding="utf-8") as log:
                log.write(method + " " + url + "\n")
        return request(self, method, url, *args, **kwargs)
    return logged


for _rest in (dss_public_api.rest, dss_apinode_api.rest):
    _rest.RESTClientObject.request = _logging(_rest.RESTClientObject.request)

_counter = itertools.count()


def unique(prefix):
    """A name no other run uses (the tests share one server)."""
    return "%s_%d_%d_%d" % (prefix, os.getpid(), int(time.time() * 1000) % 10 ** 8, next(_counter))


def dss_client(api_key=API_KEY):
    """A DSS client on the server's documented base (/public/api), the key as HTTP Basic user name."""
    return dss_public_api.ApiClient(dss_public_api.Configuration(host=DSS_URL + "/public/api", username=api_key))


def apinode_client(api_key=None):
    return dss_apinode_api.ApiClient(dss_apinode_api.Configuration(host=DSS_URL, username=api_key))


def server_variables():
    """scheme, host and port of DSS_URL, as the documents' server variables."""
    url = urllib.parse.urlsplit(DSS_URL)
    return {"scheme": url.scheme, "host": url.hostname, "port": str(url.port)}
