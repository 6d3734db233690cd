package org.dsscontractkit.contract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dsscontractkit.contract.OpenApiDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requests a run of the CI's size makes of the kit's two documents, without sending them: every operation gets
 * every mutation that applies to it, every declared body property a wrong-typed value, every query parameter a
 * wrong-typed value; and a request is the same whenever it is made from the same seed and index.
 */
class HostileRequestGeneratorTest {

    private static final int RUN = ReferenceServerFuzzIT.REQUESTS;
    private static HostileRequestGenerator generator;
    /** The run's requests but the oversized ones (planned, not made: ~300 bodies of 2-4 MB), bodies cut to 64 bytes. */
    private static List<FuzzRequest> run;
    private static Map<String, Set<Mutation>> planned;

    @BeforeAll
    static void makeARun() {
        generator = new HostileRequestGenerator(targets(), Fuzzer.DEFAULT_SEED);
        run = new ArrayList<>();
        planned = new HashMap<>();
        for (int i = 0; i < RUN; i++) {
            Map.Entry<FuzzOperation, Mutation> plan = generator.plan(i);
            planned.computeIfAbsent(plan.getKey().operationId(), k -> new HashSet<>()).add(plan.getValue());
            if (plan.getValue() == Mutation.OVERSIZED_BODY) {
                continue;
            }
            FuzzRequest request = generator.request(i);
            assertThat(request.mutation()).isEqualTo(plan.getValue());
            run.add(new FuzzRequest(request.index(), request.operation(), request.mutation(), request.detail(),
                    request.credentials(), request.keyRequired(), request.method(), request.target(), request.headers(),
                    request.body() == null ? null : java.util.Arrays.copyOf(request.body(), Math.min(request.bodyLength(), 64)),
                    request.chunked()));
        }
    }

    private static List<FuzzTarget> targets() {
        URI nowhere = URI.create("http://127.0.0.1:9");
        return List.of(
                new FixedTarget(nowhere, OpenApiDocument.fromClasspath(OpenApiDocument.DSS_PUBLIC_API), Map.of("projectKey", "P"), "admin-key"),
                new ApiNodeFuzzTarget(nowhere, OpenApiDocument.fromClasspath(OpenApiDocument.APINODE_USER_API),
                        ApiNodeFuzzTarget.referenceDemo()));
    }

    @Test
    void aRequestIsAFunctionOfTheSeedAndItsIndex() {
        HostileRequestGenerator again = new HostileRequestGenerator(targets(), Fuzzer.DEFAULT_SEED);
        HostileRequestGenerator other = new HostileRequestGenerator(targets(), Fuzzer.DEFAULT_SEED + 1);
        int differ = 0;
        for (long index : new long[] {0, 1, 17, 999, 4321, 9999, 123_456}) {
            FuzzRequest first = generator.request(index);
            FuzzRequest second = again.request(index);
            assertThat(second.render(Integer.MAX_VALUE)).isEqualTo(first.render(Integer.MAX_VALUE));
            assertThat(second.body()).isEqualTo(first.body());
            if (!other.request(index).render(Integer.MAX_VALUE).equals(first.render(Integer.MAX_VALUE))) {
                differ++;
            }
        }
        assertThat(differ).as("another seed makes other requests").isGreaterThanOrEqualTo(6);
    }

    @Test
    void everyOperationGetsEveryMutationThatAppliesToIt() {
        assertThat(generator.passLength() * 2).as("a CI run goes through every schedule twice").isLessThanOrEqualTo(RUN);
        Map<String, Set<Mutation>> seen = planned;
        assertThat(seen).as("every operation of both documents").hasSize(generator.operations().size()).hasSizeGreaterThanOrEqualTo(99 + 13);
        for (FuzzOperation operation : generator.operations()) {
            for (Mutation mutation : Mutation.values()) {
                if (mutation.appliesTo(operation)) {
                    assertThat(seen.get(operation.operationId())).as(operation + " gets " + mutation).contains(mutation);
                }
            }
        }
        assertThat(seen.get("addDatasetUploadedFile")).contains(Mutation.MULTIPART_WITHOUT_FILE, Mutation.MALFORMED_MULTIPART);
        assertThat(seen.get("createProject")).contains(Mutation.PROPERTY_WRONG_TYPE, Mutation.MALFORMED_JSON,
                Mutation.DEEPLY_NESTED, Mutation.OVERSIZED_BODY, Mutation.MISSING_REQUIRED, Mutation.WRONG_CONTENT_TYPE);
    }

    @Test
    void everyDeclaredBodyPropertyGetsAValueOfTheWrongType() {
        Set<String> hit = new HashSet<>();
        run.stream().filter(r -> r.mutation() == Mutation.PROPERTY_WRONG_TYPE)
                .forEach(r -> hit.add(r.operation().operationId() + " " + r.detail().replaceFirst("^body (\\S+) = .*$", "$1")));
        int properties = 0;
        for (FuzzOperation operation : generator.operations()) {
            if (operation.jsonBody().isPresent()) {
                for (List<String> path : SchemaValues.propertyPaths(operation.jsonBody().get().schema())) {
                    properties++;
                    assertThat(hit).contains(operation.operationId() + " " + String.join(".", path));
                }
            }
        }
        assertThat(properties).as("declared body properties of both documents").isGreaterThan(400);
        assertThat(hit).contains("runDatasetChecks []");
    }

    @Test
    void everyQueryParameterGetsAValueOfTheWrongType() {
        Set<String> hit = new HashSet<>();
        run.stream().filter(r -> r.mutation() == Mutation.QUERY_WRONG_TYPE)
                .forEach(r -> hit.add(r.operation().operationId() + " " + r.detail().replaceFirst("^query (\\S+) = .*$", "$1")));
        for (FuzzOperation operation : generator.operations()) {
            operation.parameters("query").forEach(p -> assertThat(hit).contains(operation.operationId() + " " + p.getName()));
        }
    }

    @Test
    void theHostileInputsAreThoseTheIssueNames() {
        Set<String> segments = new HashSet<>();
        run.stream().filter(r -> r.mutation() == Mutation.HOSTILE_PATH_SEGMENT)
                .forEach(r -> segments.add(r.detail().replaceFirst("^path parameter \\S+ = ", "")));
        assertThat(segments).contains("%00", "..%2F..%2F..%2F", "%zz", "%", "%C3%A9t%C3%A9%F0%9F%98%80", "été😀",
                "%0d%0aX-Fuzz:%201");
        assertThat(segments).anyMatch(s -> s.contains("(9000 chars)"));

        FuzzRequest nested = generator.request(find(Mutation.DEEPLY_NESTED, "createProject"));
        String body = new String(nested.body(), StandardCharsets.UTF_8);
        assertThat(depth(body)).isGreaterThanOrEqualTo(HostileInputs.DEEP_NESTING);

        long oversizedIndex = java.util.stream.LongStream.range(0, RUN).filter(i -> generator.plan(i).getValue()
                == Mutation.OVERSIZED_BODY && generator.plan(i).getKey().operationId().equals("moveProjectFolder"))
                .findFirst().orElseThrow();
        FuzzRequest oversized = generator.request(oversizedIndex);
        assertThat(oversized.bodyLength()).as("several MB, to an operation that takes no body")
                .isGreaterThanOrEqualTo(HostileInputs.OVERSIZED_MIN);

        // no request of this kind is a proper multipart body (boundary declared, a part named file)
        run.stream().filter(r -> r.mutation() == Mutation.MULTIPART_WITHOUT_FILE).map(r -> generator.request(r.index()))
                .forEach(r -> assertThat(r.body() == null
                        || !new String(r.body(), StandardCharsets.UTF_8).contains("name=\"file\"")
                        || !r.headers().toString().contains("boundary=")).as(r.summary()).isTrue());
    }

    @Test
    void credentialsAreWhatTheMutationSays() {
        for (FuzzRequest request : run) {
            List<String> authorization = request.headers().stream().filter(h -> h.name().equals("Authorization"))
                    .map(FuzzRequest.Header::value).toList();
            switch (request.credentials()) {
                case NONE -> assertThat(authorization).isEmpty();
                case UNKNOWN -> assertThat(authorization).singleElement().asString().doesNotContain(
                        HostileInputs.basic("admin-key").substring(6));
                case VALID -> {
                    if (request.operation().spec().document().contains("dss")) {
                        assertThat(authorization).containsExactly(HostileInputs.basic("admin-key"));
                    }
                }
                default -> { }
            }
            if (request.mutation() == Mutation.NO_CREDENTIALS) {
                assertThat(request.credentials()).isEqualTo(Credentials.NONE);
            }
        }
        assertThat(run).filteredOn(r -> r.operation().spec().document().contains("dss"))
                .allMatch(FuzzRequest::keyRequired, "every DSS operation requires credentials");
        assertThat(run).filteredOn(r -> r.target().contains("/fraud_svc/fraud_detection/"))
                .allMatch(FuzzRequest::keyRequired, "fraud_svc requires its key");
        assertThat(run).filteredOn(r -> r.target().contains("/iris_svc/")).noneMatch(FuzzRequest::keyRequired);
    }

    private static long find(Mutation mutation, String operationId) {
        return run.stream().filter(r -> r.mutation() == mutation && r.operation().operationId().equals(operationId))
                .findFirst().orElseThrow().index();
    }

    private static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        for (char c : json.toCharArray()) {
            if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }
}
