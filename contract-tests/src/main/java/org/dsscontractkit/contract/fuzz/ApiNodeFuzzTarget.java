package org.dsscontractkit.contract.fuzz;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.dsscontractkit.contract.OpenApiDocument;

/**
 * An API node fuzzed through the API node user API document. Its endpoints are named, with the key their service
 * requires (if any) and the operations they serve, so that a {@code predict} goes to a prediction endpoint and a
 * {@code run} to a function: the document lets services be public, so only the target knows which must refuse a
 * call without a key.
 */
public final class ApiNodeFuzzTarget implements FuzzTarget {

    /**
     * One endpoint of a deployed service.
     *
     * @param apiKey the key its service requires; null for a public service
     * @param verbs  the last path segments of the operations it serves ({@code predict}, {@code run}...); empty = all
     * @param query  the query parameters of a well-formed GET variant ({@code predict-simple}, {@code run}...)
     */
    public record Endpoint(String serviceId, String endpointId, String apiKey, Set<String> verbs, Map<String, String> query) {

        /** @return {@code service/endpoint}, with every operation and no query, requiring {@code apiKey} (or not, when null) */
        public static Endpoint parse(String serviceAndEndpoint, String apiKey) {
            String[] parts = serviceAndEndpoint.split("/", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("expected SERVICE/ENDPOINT, got " + serviceAndEndpoint);
            }
            return new Endpoint(parts[0], parts[1], apiKey, Set.of(), Map.of());
        }
    }

    private static final Set<String> PREDICT = Set.of("predict", "predict-multi", "predict-simple");

    /** The demo services the reference server deploys (see apinode-server's README); fraud_svc requires its key. */
    public static List<Endpoint> referenceDemo() {
        return List.of(
                new Endpoint("fraud_svc", "fraud_detection", "fraud-demo-key-0001", PREDICT,
                        Map.of("customer_id", "2136", "transaction_amount", "233.33", "payment_type", "CB")),
                new Endpoint("iris_svc", "iris_species", null, PREDICT,
                        Map.of("sepal_length", "5.1", "sepal_width", "3.5", "petal_length", "1.4", "petal_width", "0.2")),
                new Endpoint("pricing_svc", "house_price", null, PREDICT, Map.of("surface_m2", "80", "rooms", "3")),
                new Endpoint("forecast_svc", "sales_forecast", null, Set.of("forecast"), Map.of()),
                new Endpoint("uplift_svc", "discount_effect", null, Set.of("predict-effect", "predict-effect-multi"), Map.of()),
                new Endpoint("python_svc", "simple_sum", null, Set.of("run"), Map.of("param1", "1", "param2", "2")),
                new Endpoint("sql_svc", "simple_filter", null, Set.of("query"), Map.of("param1", "20", "param2", "male")),
                new Endpoint("lookup_svc", "passenger_info", null, Set.of("lookup", "lookup-multi", "lookup-simple"),
                        Map.of("PassengerId", "1")));
    }

    private final URI url;
    private final OpenApiDocument document;
    private final List<Endpoint> endpoints;

    public ApiNodeFuzzTarget(URI url, OpenApiDocument document, List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("an API node target needs at least one SERVICE/ENDPOINT");
        }
        this.url = url;
        this.document = document;
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public OpenApiDocument document() {
        return document;
    }

    private List<Endpoint> serving(FuzzOperation operation) {
        String verb = operation.path().substring(operation.path().lastIndexOf('/') + 1);
        List<Endpoint> fit = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.verbs().isEmpty() || endpoint.verbs().contains(verb)) {
                fit.add(endpoint);
            }
        }
        return fit.isEmpty() ? endpoints : fit;
    }

    @Override
    public Map<String, String> parameterValues(FuzzOperation operation, FixtureRole role, SplittableRandom random) {
        List<Endpoint> fit = serving(operation);
        // now and then an endpoint of another kind: the node must refuse the operation, not fail on it
        Endpoint endpoint = random.nextInt(10) == 0 ? endpoints.get(random.nextInt(endpoints.size()))
                : fit.get(random.nextInt(fit.size()));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("serviceId", endpoint.serviceId());
        values.put("endpointId", endpoint.endpointId());
        return values;
    }

    private Endpoint endpointOf(Map<String, String> values) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.serviceId().equals(values.get("serviceId")) && endpoint.endpointId().equals(values.get("endpointId"))) {
                return endpoint;
            }
        }
        return null;
    }

    @Override
    public Map<String, String> extraQuery(FuzzOperation operation, Map<String, String> values) {
        Endpoint endpoint = endpointOf(values);
        return endpoint == null || !"GET".equals(operation.method()) ? Map.of() : endpoint.query();
    }

    @Override
    public String validKey(Map<String, String> values) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.serviceId().equals(values.get("serviceId")) && endpoint.apiKey() != null) {
                return endpoint.apiKey();
            }
        }
        return null;
    }

    @Override
    public boolean keyRequired(FuzzOperation operation, Map<String, String> values) {
        return operation.needsCredentials() || !operation.declaredPublic() && validKey(values) != null;
    }

    @Override
    public String describeFixtures() {
        return "API node endpoints: " + endpoints.stream()
                .map(e -> e.serviceId() + "/" + e.endpointId() + (e.apiKey() == null ? "" : " (key required)")).toList();
    }
}
