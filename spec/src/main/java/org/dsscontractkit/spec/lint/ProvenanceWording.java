package org.dsscontractkit.spec.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds descriptions that speak of where a detail came from ("the real client sends…", "the older documentation
 * showed…", "seed 003", "dataikuapi does…") instead of speaking to the API user. Such facts belong in the
 * {@code x-provenance} extension of the operation or schema, which this check does not read (nor any other
 * {@code x-} extension, nor examples).
 */
public final class ProvenanceWording {

    /** Wording that only makes sense as provenance; whitespace-tolerant because YAML block text wraps anywhere. */
    static final Pattern PROVENANCE = Pattern.compile(String.join("|",
            "real\\s+(python\\s+|dss\\s+)?client",
            "dataikuapi",
            "older\\s+(rest\\s+|client\\s+|api\\s+node\\s+)?documentation",
            "rest\\s+documentation",
            "\\bseed\\s+\\d",
            "capture\\s+server",
            "\\baglio\\b",
            "python\\s+client",
            "\\bthe\\s+client\\b",
            "neither\\s+source",
            "this\\s+contract's\\s+choice",
            "client\\s+documentation"), Pattern.CASE_INSENSITIVE);

    private ProvenanceWording() {
    }

    /** One description with provenance wording: where it is (JSON Pointer) and the words found. */
    public record Finding(String pointer, String words) {
        @Override
        public String toString() {
            return pointer + " says \"" + words + "\"";
        }
    }

    public static List<Finding> find(JsonNode document) {
        List<Finding> findings = new ArrayList<>();
        walk(document, "", findings);
        return findings;
    }

    private static void walk(JsonNode node, String pointer, List<Finding> findings) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                String child = pointer + "/" + DocumentWalker.token(key);
                if (key.startsWith("x-") || key.equals("example") || key.equals("examples")) {
                    continue;
                }
                if ((key.equals("description") || key.equals("summary")) && field.getValue().isTextual()) {
                    Matcher m = PROVENANCE.matcher(field.getValue().asText());
                    if (m.find()) {
                        findings.add(new Finding(child, m.group().replaceAll("\\s+", " ")));
                    }
                } else {
                    walk(field.getValue(), child, findings);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, findings);
            }
        }
    }
}
