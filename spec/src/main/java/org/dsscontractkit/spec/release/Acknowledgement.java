package org.dsscontractkit.spec.release;

import java.util.regex.Pattern;

/**
 * A breaking change accepted on purpose, with the reason. {@code operation}, {@code location} and {@code rule} are
 * matched exactly as the gate prints them; {@code *} stands for any text, so that one entry can cover a change made
 * the same way in many places (e.g. {@code location: "parameter query *"}).
 */
public record Acknowledgement(String operation, String location, String rule, String reason) {

    /** What the gate prints for the reason in an entry to paste; refused until replaced by a real reason. */
    public static final String REASON_PLACEHOLDER = "TODO: why clients can live with this";

    public boolean matches(BreakingChange change) {
        return glob(operation).matcher(change.operationId()).matches()
                && glob(location).matcher(change.location()).matches()
                && glob(rule).matcher(change.rule()).matches();
    }

    private static Pattern glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return "operation " + operation + ", location " + location + ", rule " + rule;
    }
}
