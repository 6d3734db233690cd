package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;

/**
 * A time-series forecast model: per series, a least-squares linear trend over the history sent in the request,
 * extrapolated {@code horizon} steps, with Gaussian quantiles from the residual spread (widening with the step).
 */
public record Forecaster(String timeVariable, String targetVariable, List<String> identifiers, int horizon,
                         long frequencySeconds, double[] quantiles) {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static Forecaster parse(JsonNode model) {
        List<String> ids = new ArrayList<>();
        model.path("timeseriesIdentifiers").forEach(n -> ids.add(n.asText()));
        double[] q = {0.1, 0.5, 0.9};  // ordered levels of the prediction interval
        if (model.has("quantiles")) {
            q = new double[model.get("quantiles").size()];
            for (int i = 0; i < q.length; i++) {
                q[i] = model.get("quantiles").get(i).asDouble();
            }
        }
        return new Forecaster(model.get("timeVariable").asText(), model.get("targetVariable").asText(), ids,
                model.get("horizon").asInt(), model.path("frequencySeconds").asLong(0), q);
    }

    public ArrayNode forecast(ArrayNode items) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        Map<String, ObjectNode> identifierOf = new LinkedHashMap<>();
        Map<String, Boolean> dateOnly = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "items[" + i + "]";
            if (!item.isObject()) {
                throw NodeErrors.badInput("InvalidRequest", "'" + where + "' must be a flat record object");
            }
            ObjectNode id = F.objectNode();
            for (String column : identifiers) {
                JsonNode v = item.get(column);
                if (v == null || v.isNull()) {
                    throw NodeErrors.badInput("MissingTimeseriesIdentifier", "'" + where + "." + column + "' is required (time series identifier)");
                }
                id.set(column, v);
            }
            JsonNode time = item.get(timeVariable);
            if (time == null || time.isNull()) {
                throw NodeErrors.badInput("MissingTime", "'" + where + "." + timeVariable + "' is required (time variable)");
            }
            JsonNode target = item.get(targetVariable);
            double y;
            if (target != null && target.isNumber()) {
                y = target.doubleValue();
            } else if (target != null && target.isTextual()) {
                try {
                    y = Double.parseDouble(target.asText());
                } catch (NumberFormatException e) {
                    throw NodeErrors.badInput("InvalidFeatureType", "'" + where + "." + targetVariable + "' must be numeric");
                }
            } else {
                throw NodeErrors.badInput("MissingTarget", "'" + where + "." + targetVariable + "' is required and numeric (target variable)");
            }
            String key = id.toString();
            identifierOf.put(key, id);
            dateOnly.merge(key, time.isTextual() && time.asText().length() == 10, Boolean::logicalAnd);
            series.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {epochSeconds(time, where), y});
        }
        ArrayNode results = F.arrayNode();
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            forecastOne(entry.getValue(), identifierOf.get(entry.getKey()), dateOnly.get(entry.getKey()), results);
        }
        return results;
    }

    /** One result per forecast step of this series (or one ignored result when it cannot be forecast). */
    private void forecastOne(List<double[]> points, ObjectNode identifier, boolean dateOnly, ArrayNode results) {
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        if (points.size() < 2) {
            ObjectNode result = results.addObject();
            result.set("timeseriesIdentifier", identifier);
            result.put("ignored", true);
            result.put("ignoreReason", "NOT_ENOUGH_HISTORY");
            return;
        }
        int n = points.size();
        double step = frequencySeconds > 0 ? frequencySeconds : (points.get(n - 1)[0] - points.get(0)[0]) / (n - 1);
        double meanX = (n - 1) / 2.0;
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (points.get(i)[1] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = points.get(i)[1] - (intercept + slope * i);
            sse += r * r;
        }
        double sigma = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
        double last = points.get(n - 1)[0];
        for (int h = 1; h <= horizon; h++) {
            double mean = intercept + slope * (n - 1 + h);
            ObjectNode result = results.addObject();
            result.set("timeseriesIdentifier", identifier);
            Instant at = Instant.ofEpochSecond(Math.round(last + step * h));
            result.put("time", dateOnly ? at.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC).toString() : at.toString());
            result.put("forecast", mean);
            ArrayNode levels = result.putArray("quantiles");
            ArrayNode values = result.putArray("quantilesValues");
            for (double q : quantiles) {
                levels.add(q);
                values.add(mean + sigma * Math.sqrt(h) * NormalQuantile.of(q));
            }
            result.put("ignored", false);
        }
    }

    private static double epochSeconds(JsonNode time, String where) {
        if (time.isNumber()) {
            return time.asDouble();
        }
        String text = time.asText();
        try {
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw NodeErrors.badInput("InvalidTime", "'" + where + "' time must be ISO-8601 (2024-01-31 or 2024-01-31T10:00:00Z) or epoch seconds, got '" + text + "'");
        }
    }
}
