package org.dsscontractkit.apinode.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/** Dataset cell values as JSON the way the API node shows them: 27.0 as 27, 35.5 as 35.5. */
public final class JsonValues {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonValues() {
    }

    public static JsonNode toJson(Object value) {
        if (value == null) {
            return F.nullNode();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return F.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? F.numberNode(decimal.longValue()) : F.numberNode(decimal.doubleValue());
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (!Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
                return F.numberNode((long) d);
            }
            return F.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        return F.textNode(value.toString());
    }
}
