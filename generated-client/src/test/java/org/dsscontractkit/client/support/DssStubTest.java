package org.dsscontractkit.client.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.dsscontractkit.client.DSSClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the DSS handle tests: a fresh stub and client per test, and after each test a check that every request
 * sent is an operation of the bundled DSS spec.
 */
public abstract class DssStubTest {

    protected static final String KEY = "secret-key";
    protected static final String BASE = "/dip/publicapi";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SpecOperations spec;

    /** Base prefix the requests of the test use; the spec check strips it. */
    protected String specPrefix = BASE;
    protected StubServer stub;
    protected DSSClient client;

    @BeforeEach
    void startStub() {
        stub = new StubServer();
        client = new DSSClient(stub.url(), KEY);
    }

    @AfterEach
    void checkAgainstSpecAndStop() {
        try {
            if (spec == null) {
                spec = SpecOperations.load("dss-public-api");
            }
            List<String> violations = stub.requests().stream()
                    .map(r -> spec.violation(r, specPrefix)).filter(Objects::nonNull).toList();
            assertThat(violations).as("requests not declared by the DSS spec").isEmpty();
        } finally {
            stub.close();
        }
    }

    /** @return JSON parsed from text (single quotes allowed for readability) */
    protected static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
