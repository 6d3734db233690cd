package org.dsscontractkit.contract.fuzz;

import static org.dsscontractkit.contract.fuzz.HostileInputs.encode;
import static org.dsscontractkit.contract.fuzz.HostileInputs.encodeKeepingPercent;
import static org.dsscontractkit.contract.fuzz.HostileInputs.pick;
import static org.dsscontractkit.contract.fuzz.HostileInputs.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.dsscontractkit.contract.fuzz.FuzzRequest.Header;

/**
 * Makes the hostile requests of a run from the operations of the targets' documents.
 *
 * <p>Each operation has a schedule: the mutations that apply to it, weighted, one oversized body, and one wrong-typed
 * value for each property its body declares (so an operation with a richer body gets more requests). The schedules
 * are interleaved into one table, round by round, so that the first requests already reach every operation; request
 * {@code i} is entry {@code i mod T} of the table, and a run of {@code n} requests goes through every schedule
 * {@code n / T} times (T is about 4 000 for the two documents of the kit). Every other choice is drawn from a random
 * source seeded with the seed and {@code i}: a request is a pure function of both, so a finding is replayed from its
 * seed and index alone, without the requests before it.</p>
 */
public final class HostileRequestGenerator {

    /** Shortest schedule: operations with few applicable mutations see each of them several times. */
    static final int MIN_SCHEDULE = 30;
    static final String JSON = "application/json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Slot(FuzzTarget target, FuzzOperation operation, List<Mutation> schedule, List<List<String>> properties) {
    }

    /** One place in the table: an operation and a place in its schedule. */
    private record Entry(int slot, int place) {
    }

    private final long seed;
    private final List<Slot> slots = new ArrayList<>();
    private final List<Entry> table = new ArrayList<>();

    public HostileRequestGenerator(List<? extends FuzzTarget> targets, long seed) {
        this.seed = seed;
        for (FuzzTarget target : targets) {
            for (FuzzOperation operation : FuzzOperation.allOf(target.document())) {
                List<List<String>> properties = wrongTypeTargets(operation);
                slots.add(new Slot(target, operation, schedule(operation, properties.size(), slots.size()), properties));
            }
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("no operation to fuzz: the documents declare none");
        }
        int longest = slots.stream().mapToInt(s -> s.schedule().size()).max().orElse(0);
        for (int place = 0; place < longest; place++) {
            for (int slot = 0; slot < slots.size(); slot++) {
                if (place < slots.get(slot).schedule().size()) {
                    table.add(new Entry(slot, place));
                }
            }
        }
    }

    /** @return the property paths a wrong-typed value goes to ("[]" = an item of the array) */
    private static List<List<String>> wrongTypeTargets(FuzzOperation operation) {
        if (operation.jsonBody().isEmpty()) {
            return List.of();
        }
        var schema = operation.jsonBody().get().schema();
        List<List<String>> paths = new ArrayList<>(SchemaValues.propertyPaths(schema));
        if ("array".equals(SchemaValues.typeOf(schema)) && schema.getItems() != null) {
            paths.add(0, List.of("[]"));
        }
        return List.copyOf(paths);
    }

    private List<Mutation> schedule(FuzzOperation operation, int properties, int slot) {
        List<Mutation> weighted = new ArrayList<>();
        for (Mutation mutation : Mutation.values()) {
            if (mutation.weight() > 0 && mutation.appliesTo(operation) && mutation != Mutation.PROPERTY_WRONG_TYPE) {
                for (int i = 0; i < mutation.weight(); i++) {
                    weighted.add(mutation);
                }
            }
        }
        List<Mutation> all = new ArrayList<>();
        while (all.size() < MIN_SCHEDULE - 1 && !weighted.isEmpty()) {
            all.addAll(weighted);
        }
        if (properties > 0) {
            // every declared property gets its wrong-typed value once a schedule
            for (int i = 0; i < Math.max(properties, Mutation.PROPERTY_WRONG_TYPE.weight()); i++) {
                all.add(Mutation.PROPERTY_WRONG_TYPE);
            }
        }
        all.add(Mutation.OVERSIZED_BODY);
        // a seeded shuffle, the first entries one of each mutation, so that short runs still see them all
        SplittableRandom random = new SplittableRandom(mix(seed, -1 - slot));
        List<Mutation> first = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        List<Mutation> rest = new ArrayList<>(all);
        first.forEach(rest::remove);
        shuffle(first, random);
        shuffle(rest, random);
        first.addAll(rest);
        return List.copyOf(first);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long seed() {
        return seed;
    }

    /** @return every operation fuzzed, in document order */
    public List<FuzzOperation> operations() {
        return slots.stream().map(Slot::operation).toList();
    }

    /** @return how many requests one pass through every operation's schedule takes */
    public int passLength() {
        return table.size();
    }

    /** @return the mutations an operation gets, in the order its requests take them */
    List<Mutation> schedule(int slot) {
        return slots.get(slot).schedule();
    }

    /** @return the operation and mutation of request {@code index}, without making it (cheap: no body is built) */
    Map.Entry<FuzzOperation, Mutation> plan(long index) {
        Entry entry = table.get((int) Math.floorMod(index, (long) table.size()));
        Slot slot = slots.get(entry.slot());
        return Map.entry(slot.operation(), slot.schedule().get(entry.place()));
    }

    /** @return request number {@code index} of the run */
    public FuzzRequest request(long index) {
        Entry entry = table.get((int) Math.floorMod(index, (long) table.size()));
        long pass = index / table.size();
        Slot slot = slots.get(entry.slot());
        List<Mutation> schedule = slot.schedule();
        Mutation mutation = schedule.get(entry.place());
        // how many times the operation had this mutation before: walks its property paths, required properties...
        long ordinal = pass * schedule.stream().filter(mutation::equals).count()
                + schedule.subList(0, entry.place()).stream().filter(mutation::equals).count();
        return new Draft(slot, mutation, index, ordinal, new SplittableRandom(mix(seed, index))).build();
    }

    /** @return the target a request's operation belongs to */
    FuzzTarget targetOf(FuzzRequest request) {
        return slots.get(table.get((int) Math.floorMod(request.index(), (long) table.size())).slot()).target();
    }

    /** The request being made: filled in by the mutation, then frozen into a {@link FuzzRequest}. */
    private static final class Draft {
        private final FuzzTarget target;
        private final FuzzOperation op;
        private final List<List<String>> properties;
        private final Mutation mutation;
        private final long index;
        private final long ordinal;
        private final SplittableRandom random;

        private final Credentials credentials;
        private final Map<String, String> values;
        private final Map<String, String> pathSegments = new LinkedHashMap<>();
        private final List<String> query = new ArrayList<>();
        private final List<Header> headers = new ArrayList<>();
        private String detail = "";
        private String hostileParameter;
        private String contentType;
        private byte[] body;
        private boolean chunked;

        Draft(Slot slot, Mutation mutation, long index, long ordinal, SplittableRandom random) {
            this.target = slot.target();
            this.op = slot.operation();
            this.properties = slot.properties();
            this.mutation = mutation;
            this.index = index;
            this.ordinal = ordinal;
            this.random = random;
            this.credentials = credentialsFor(mutation, random);
            this.values = new LinkedHashMap<>(target.parameterValues(op, roleFor(op, credentials, random), random));
        }

        private static Credentials credentialsFor(Mutation mutation, SplittableRandom random) {
            return switch (mutation) {
                case NO_CREDENTIALS -> Credentials.NONE;
                case UNKNOWN_KEY -> Credentials.UNKNOWN;
                case MALFORMED_CREDENTIALS -> Credentials.MALFORMED;
                // now and then hostile input without credentials: it must be refused before it is read
                default -> random.nextInt(8) == 0 ? (random.nextBoolean() ? Credentials.NONE : Credentials.UNKNOWN)
                        : Credentials.VALID;
            };
        }

        private static FixtureRole roleFor(FuzzOperation op, Credentials credentials, SplittableRandom random) {
            if (!credentials.valid()) {
                return random.nextInt(10) < 7 ? FixtureRole.ANCHOR : FixtureRole.WORK;
            }
            return switch (op.method()) {
                case "DELETE" -> FixtureRole.DOOMED;
                case "GET" -> random.nextBoolean() ? FixtureRole.ANCHOR : FixtureRole.WORK;
                default -> FixtureRole.WORK;
            };
        }

        FuzzRequest build() {
            for (Parameter parameter : op.parameters("path")) {
                String value = values.get(parameter.getName());
                pathSegments.put(parameter.getName(), encode(value != null ? value : SchemaValues.validText(parameter.getSchema())));
            }
            wellFormedQuery();
            headers.add(new Header("Accept", JSON));
            headers.add(new Header("User-Agent", "dss-contract-kit-fuzz"));
            wellFormedBody();
            switch (mutation) {
                case WELL_FORMED -> detail = "as the document describes it";
                case NO_CREDENTIALS -> detail = "no Authorization header";
                case UNKNOWN_KEY, MALFORMED_CREDENTIALS -> { }
                case HOSTILE_PATH_SEGMENT -> hostilePathSegment();
                case QUERY_WRONG_TYPE -> queryWrongType();
                case QUERY_GARBAGE -> queryGarbage();
                case HOSTILE_HEADERS -> hostileHeaders();
                case PROPERTY_WRONG_TYPE -> propertyWrongType();
                case MISSING_REQUIRED -> missingRequired();
                case UNKNOWN_PROPERTY -> unknownProperty();
                case BODY_WRONG_TYPE -> bodyWrongType();
                case MALFORMED_JSON -> {
                    HostileInputs.Malformed malformed = HostileInputs.malformedJson(baseJson(), random);
                    setBody(malformed.body(), JSON, "malformed JSON: " + malformed.what());
                }
                case DEEPLY_NESTED -> {
                    HostileInputs.Malformed deep = HostileInputs.deeplyNested(baseJson(), random);
                    setBody(deep.body(), JSON, "deeply nested JSON: " + deep.what());
                }
                case WRONG_CONTENT_TYPE -> wrongContentType();
                case OVERSIZED_BODY -> oversized();
                case MULTIPART_WITHOUT_FILE -> multipartWithoutFile();
                case MALFORMED_MULTIPART -> malformedMultipart();
                default -> throw new IllegalStateException("unhandled mutation " + mutation);
            }
            addCredentials();
            if (contentType != null) {
                headers.add(new Header("Content-Type", contentType));
            }
            String keyed = op.path();
            for (Map.Entry<String, String> segment : pathSegments.entrySet()) {
                keyed = keyed.replace("{" + segment.getKey() + "}", segment.getValue());
            }
            String base = pick(op.basePaths(), random);
            String path = ("/".equals(base) ? "" : base) + keyed;
            String requestTarget = query.isEmpty() ? path : path + "?" + String.join("&", query);
            boolean keyRequired = target.keyRequired(op, namedValues());
            return new FuzzRequest(index, op, mutation, detail, credentials, keyRequired, op.method(), requestTarget,
                    List.copyOf(headers), body, chunked);
        }

        /** The parameter values the request names, after a hostile segment replaced one. */
        private Map<String, String> namedValues() {
            Map<String, String> named = new LinkedHashMap<>(values);
            if (hostileParameter != null) {
                named.put(hostileParameter, pathSegments.get(hostileParameter));
            }
            return named;
        }

        // ---- parts of a well-formed request ---------------------------------------------------------------

        private void wellFormedQuery() {
            for (Parameter parameter : op.parameters("query")) {
                if (Boolean.TRUE.equals(parameter.getRequired()) || random.nextInt(10) < 4) {
                    String value = values.get(parameter.getName());
                    query.add(encode(parameter.getName()) + "="
                            + encode(value != null ? value : SchemaValues.validText(parameter.getSchema())));
                }
            }
            List<String> declared = op.parameters("query").stream().map(Parameter::getName).toList();
            target.extraQuery(op, values).forEach((name, value) -> {
                if (!declared.contains(name)) {
                    query.add(encode(name) + "=" + encode(value));
                }
            });
        }

        private JsonNode baseJson() {
            if (op.jsonBody().isEmpty()) {
                return NODES.objectNode();
            }
            JsonNode example = op.jsonBody().get().example();
            JsonNode base = example == null ? NODES.objectNode() : example.deepCopy();
            return target.adaptBody(op, base, values, index);
        }

        private void wellFormedBody() {
            if (op.jsonBody().isPresent()) {
                body = HostileInputs.json(baseJson());
                contentType = JSON;
            } else if (op.multipartBody().isPresent()) {
                String boundary = HostileInputs.boundary(random);
                body = HostileInputs.multipart(boundary, "file", "fuzz_" + index + ".csv", csv());
                contentType = "multipart/form-data; boundary=" + boundary;
            }
        }

        private byte[] csv() {
            JsonNode example = op.multipartBody().map(FuzzOperation.Body::example).orElse(null);
            JsonNode file = example == null ? null : example.get("file");
            return utf8(file != null && file.isTextual() ? file.asText() : "col0,col1\na,1\nb,2\n");
        }

        private void setBody(byte[] bytes, String type, String what) {
            body = bytes;
            contentType = type;
            detail = what;
        }

        private void addCredentials() {
            switch (credentials) {
                case VALID -> {
                    String key = target.validKey(values);
                    if (key != null) {
                        headers.add(new Header("Authorization", HostileInputs.basic(key)));
                    }
                }
                case NONE -> { }
                case UNKNOWN -> {
                    String key = HostileInputs.unknownKey(random);
                    boolean bearer = random.nextInt(4) == 0;
                    headers.add(new Header("Authorization", bearer ? "Bearer " + key : HostileInputs.basic(key)));
                    if (mutation == Mutation.UNKNOWN_KEY) {
                        detail = (bearer ? "Bearer " : "Basic ") + "with the unknown key " + key;
                    }
                }
                case MALFORMED -> {
                    String[] header = HostileInputs.malformedCredentials(random);
                    headers.add(new Header(header[0], header[1]));
                    detail = header[0] + ": " + FuzzRequest.abbreviate(header[1], 60);
                }
                default -> throw new IllegalStateException(credentials.name());
            }
        }

        // ---- mutations ------------------------------------------------------------------------------------

        private void hostilePathSegment() {
            // each operation goes through the kinds of segment in turn, and through its parameters
            int kinds = HostileInputs.PATH_SEGMENT_KINDS.size();
            List<String> names = new ArrayList<>(pathSegments.keySet());
            String name = names.get((int) ((ordinal / kinds) % names.size()));
            int kind = (int) (ordinal % kinds);
            List<String> candidates = new ArrayList<>(HostileInputs.PATH_SEGMENT_KINDS.get(kind));
            String anchor = target.parameterValues(op, FixtureRole.ANCHOR, random).get(name);
            if (anchor != null && kind == HostileInputs.TRAVERSAL) {
                // a traversal that would land on a resource the fuzz must leave intact
                candidates.add("..%2F" + encode(anchor));
                candidates.add(pathSegments.get(name) + "%2F..%2F..%2F" + encode(anchor));
            }
            String hostile = pick(candidates, random);
            pathSegments.put(name, hostile);
            hostileParameter = name;
            detail = "path parameter " + name + " = " + FuzzRequest.abbreviate(hostile, 80);
        }

        private void queryWrongType() {
            List<Parameter> declared = op.parameters("query");
            Parameter parameter = declared.get((int) (ordinal % declared.size()));
            String wrong = pick(SchemaValues.wrongTexts(parameter.getSchema()), random);
            String prefix = encode(parameter.getName()) + "=";
            query.removeIf(pair -> pair.startsWith(prefix));
            query.add(prefix + encodeKeepingPercent(wrong));
            detail = "query " + parameter.getName() + " = " + FuzzRequest.abbreviate(wrong, 60) + " (declared "
                    + describe(parameter.getSchema()) + ")";
        }

        private void queryGarbage() {
            List<Parameter> declared = op.parameters("query");
            int variant = random.nextInt(10);
            switch (variant) {
                case 0 -> query.add("%zz=1");
                case 1 -> query.add("=&&&=&=%");
                case 2 -> query.add("fuzz%00=%00");
                case 3 -> query.add("fuzz=" + "q".repeat(20_000));
                case 4 -> {
                    for (int i = 0; i < 1000; i++) {
                        query.add("p" + i + "=" + i);
                    }
                }
                case 5 -> query.add("été=😀");
                case 6 -> query.add("a=1;b=2;" + (declared.isEmpty() ? "x" : declared.get(0).getName()) + "=%2B%20+");
                default -> {
                    if (declared.isEmpty()) {
                        query.add("fuzz=1&fuzz=2&fuzz");
                    } else {
                        Parameter parameter = pick(declared, random);
                        String valid = values.getOrDefault(parameter.getName(), SchemaValues.validText(parameter.getSchema()));
                        query.add(encode(parameter.getName()) + "=" + encode(valid));
                        query.add(encode(parameter.getName()) + "=" + encodeKeepingPercent(pick(SchemaValues.wrongTexts(parameter.getSchema()), random)));
                        query.add(encode(parameter.getName()));
                    }
                }
            }
            detail = "query garbage: " + FuzzRequest.abbreviate(query.get(query.size() - 1), 80)
                    + (variant == 4 ? " (1000 parameters)" : "");
        }

        private void hostileHeaders() {
            int variant = random.nextInt(11);
            Header header = switch (variant) {
                case 0 -> new Header("X-DKU-ProxyUser", "fuzz_nobody_" + Long.toHexString(random.nextLong()));
                case 1 -> new Header("X-DKU-ProxyUser", "../../admin");
                case 2 -> new Header("X-DKU-ProxyUser", "%00");
                case 3 -> new Header("X-DKU-ProxyUser", "u".repeat(9000));
                case 4 -> new Header("Accept", "text/html");
                case 5 -> new Header("Accept", "application/xml");
                case 6 -> new Header("Accept", "garbage/;;;q=x");
                case 7 -> new Header("X-Fuzz", "h".repeat(16_000));
                case 8 -> new Header("Content-Encoding", "gzip");
                case 9 -> new Header("Accept-Charset", "x-no-such-charset");
                default -> null;
            };
            if (header == null) {
                for (int i = 0; i < 150; i++) {
                    headers.add(new Header("X-Fuzz-" + i, "v" + i));
                }
                detail = "150 extra headers";
                return;
            }
            if ("Accept".equals(header.name()) || "Accept-Charset".equals(header.name())) {
                headers.removeIf(h -> h.name().equals(header.name()));
            }
            headers.add(header);
            detail = "header " + header.name() + ": " + FuzzRequest.abbreviate(header.value(), 60);
        }

        private void propertyWrongType() {
            Schema<?> schema = op.jsonBody().orElseThrow().schema();
            List<String> path = properties.get((int) (ordinal % properties.size()));
            Schema<?> declared = SchemaValues.schemaAt(schema, path);
            JsonNode wrong = pick(SchemaValues.wrongTypes(declared), random);
            JsonNode mutated = HostileInputs.setAt(baseJson(), path, wrong);
            setBody(HostileInputs.json(mutated), JSON, "body " + String.join(".", path) + " = "
                    + FuzzRequest.abbreviate(wrong.toString(), 60) + " (declared " + describe(declared) + ")");
        }

        private void missingRequired() {
            ObjectNode base = (ObjectNode) baseJson();
            List<String> required = op.jsonBody().orElseThrow().schema().getRequired();
            List<String> removed = ordinal % (required.size() + 1) == required.size() ? required
                    : List.of(required.get((int) (ordinal % (required.size() + 1))));
            removed.forEach(base::remove);
            setBody(HostileInputs.json(base), JSON, "body without required " + String.join(", ", removed));
        }

        private void unknownProperty() {
            JsonNode base = baseJson();
            String key = pick(HostileInputs.UNKNOWN_KEYS, random);
            List<JsonNode> values = List.of(NODES.numberNode(1), NODES.textNode("x"), NODES.nullNode(),
                    NODES.objectNode().set("nested", NODES.arrayNode().add(1)));
            JsonNode value = pick(values, random);
            if (base instanceof ObjectNode object) {
                object.set(key, value);
            } else if (base instanceof ArrayNode array) {
                array.add(NODES.objectNode().set(key, value));
            }
            setBody(HostileInputs.json(base), JSON, "body with undeclared property \"" + FuzzRequest.abbreviate(key, 40)
                    .replace("\u0000", "\\0") + "\" = " + value);
        }

        private void bodyWrongType() {
            JsonNode base = baseJson();
            List<JsonNode> wrong = new ArrayList<>(List.of(NODES.textNode("text"), NODES.numberNode(42), NODES.nullNode(),
                    NODES.booleanNode(true)));
            if (base.isArray()) {
                wrong.add(NODES.objectNode().set("items", base));
                wrong.add(NODES.objectNode());
            } else {
                wrong.add(NODES.arrayNode());
                wrong.add(NODES.arrayNode().add(base));
            }
            JsonNode value = pick(wrong, random);
            setBody(HostileInputs.json(value), JSON, "body is " + FuzzRequest.abbreviate(value.toString(), 60)
                    + " (declared " + describe(op.jsonBody().get().schema()) + ")");
        }

        private void wrongContentType() {
            List<String> types = java.util.Arrays.asList(null, "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                    "application/xml", "application/octet-stream", "multipart/form-data", "garbage;;;",
                    "application/json; charset=x-no-such-charset", "application/json; charset=UTF-16",
                    "application/json; charset=", "*/*");
            String type = pick(types, random);
            contentType = type;
            detail = type == null ? "JSON body without Content-Type" : "JSON body with Content-Type: " + type;
        }

        private void oversized() {
            if (op.multipartBody().isPresent() && random.nextBoolean()) {
                String boundary = HostileInputs.boundary(random);
                HostileInputs.Malformed big = HostileInputs.oversized(NODES.nullNode(), random);
                setBody(HostileInputs.multipart(boundary, "file", "fuzz_big_" + index + ".csv", big.body()),
                        "multipart/form-data; boundary=" + boundary, "multipart file part of " + big.what());
            } else {
                HostileInputs.Malformed big = HostileInputs.oversized(baseJson(), random);
                boolean binary = big.what().contains("random bytes");
                setBody(big.body(), binary && random.nextBoolean() ? "application/octet-stream" : JSON,
                        "oversized body: " + big.what());
            }
            chunked = random.nextInt(3) == 0;
            if (chunked) {
                detail += ", chunked";
            }
        }

        private void multipartWithoutFile() {
            String boundary = HostileInputs.boundary(random);
            switch (random.nextInt(7)) {
                case 0 -> {
                    body = null;
                    contentType = null;
                    detail = "no body, no Content-Type";
                }
                case 1 -> setBody(new byte[0], "multipart/form-data; boundary=" + boundary, "multipart Content-Type, empty body");
                case 2 -> setBody(utf8("--" + boundary + "--\r\n"), "multipart/form-data; boundary=" + boundary,
                        "multipart body with no part");
                case 3 -> setBody(HostileInputs.multipart(boundary, "notfile", "fuzz.csv", csv()),
                        "multipart/form-data; boundary=" + boundary, "multipart body whose only part is not named file");
                case 4 -> setBody(utf8("{\"file\":\"a,b\\n1,2\\n\"}"), JSON, "JSON body instead of multipart");
                case 5 -> setBody(HostileInputs.multipart(boundary, "file", "fuzz.csv", csv()), "multipart/form-data",
                        "multipart body, Content-Type without boundary");
                default -> setBody(utf8("file=a%2Cb%0A1%2C2"), "application/x-www-form-urlencoded", "form-encoded body instead of multipart");
            }
        }

        private void malformedMultipart() {
            String boundary = HostileInputs.boundary(random);
            String type = "multipart/form-data; boundary=" + boundary;
            switch (random.nextInt(5)) {
                case 0 -> setBody(HostileInputs.multipart("other" + boundary, "file", "fuzz.csv", csv()), type,
                        "multipart body with another boundary than its Content-Type's");
                case 1 -> {
                    byte[] whole = HostileInputs.multipart(boundary, "file", "fuzz.csv", csv());
                    setBody(java.util.Arrays.copyOf(whole, whole.length - boundary.length() - 8), type,
                            "multipart body without its closing boundary");
                }
                case 2 -> setBody(utf8("--" + boundary + "\r\nX-No-Disposition: 1\r\n\r\nabc\r\n--" + boundary + "--\r\n"),
                        type, "multipart part without Content-Disposition");
                case 3 -> {
                    byte[] garbage = new byte[4096];
                    random.nextBytes(garbage);
                    setBody(garbage, type, "random bytes as a multipart body");
                }
                default -> {
                    String name = pick(HostileInputs.HOSTILE_FILE_NAMES, random);
                    setBody(HostileInputs.multipart(boundary, "file", name, csv()), type,
                            "file part named \"" + FuzzRequest.abbreviate(name, 60).replace("\u0000", "\\0")
                                    .replace("\r\n", "\\r\\n") + "\"");
                }
            }
        }

        private static String describe(Schema<?> schema) {
            if (schema == null) {
                return "any";
            }
            String type = SchemaValues.typeOf(schema);
            StringBuilder text = new StringBuilder(type == null ? "any" : type);
            if (schema.getFormat() != null) {
                text.append(' ').append(schema.getFormat());
            }
            if (schema.getEnum() != null) {
                text.append(" enum");
            }
            if (schema.getPattern() != null) {
                text.append(" matching ").append(schema.getPattern());
            }
            return text.toString();
        }
    }
}
