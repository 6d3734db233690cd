package org.dsscontractkit.client.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;

/** The spec check used after every handle test must really reject what the spec does not declare. */
class SpecOperationsTest {

    private static final SpecOperations DSS = SpecOperations.load("dss-public-api");

    private static StubServer.Recorded request(String method, String path, String query) {
        return new StubServer.Recorded(method, path, query, new Headers(), new byte[0]);
    }

    @Test
    void acceptsDeclaredOperations() {
        assertThat(DSS.violation(request("GET", "/dip/publicapi/projects/", "includeLocation=false"), "/dip/publicapi")).isNull();
        assertThat(DSS.violation(request("GET", "/dip/publicapi/projects/PK/jobs/j1/", null), "/dip/publicapi")).isNull();
        assertThat(DSS.violation(request("DELETE", "/dip/publicapi/projects/PK/datasets/d/data", "partitions=a"), "/dip/publicapi")).isNull();
    }

    @Test
    void rejectsWrongTrailingSlashesMethodsAndQueryParameters() {
        assertThat(DSS.violation(request("GET", "/dip/publicapi/projects", null), "/dip/publicapi")).contains("not an operation");
        assertThat(DSS.violation(request("GET", "/dip/publicapi/projects/PK/jobs/j1", null), "/dip/publicapi")).contains("not an operation");
        assertThat(DSS.violation(request("GET", "/dip/publicapi/projects/PK/datasets/d/data", null), "/dip/publicapi")).contains("not an operation");
        assertThat(DSS.violation(request("PATCH", "/dip/publicapi/projects/PK", null), "/dip/publicapi")).contains("not an operation");
        assertThat(DSS.violation(request("GET", "/dip/publicapi/projects/", "bogus=1"), "/dip/publicapi")).contains("'bogus'");
    }
}
