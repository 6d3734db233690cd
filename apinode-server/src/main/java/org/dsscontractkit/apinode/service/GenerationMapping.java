package org.dsscontractkit.apinode.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Which generations of a service answer, with which probability. A request's {@code dispatchKey} is hashed to a
 * fixed point in [0, 1) so one key always reaches the same generation; without a key the draw is random.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationMapping(List<Entry> entries) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String generation, double proba) {
    }

    public static GenerationMapping single(String generation) {
        return new GenerationMapping(List.of(new Entry(generation, 1.0)));
    }

    public String pick(String dispatchKey) {
        double point;
        if (dispatchKey != null) {
            CRC32 crc = new CRC32();
            crc.update(dispatchKey.getBytes(StandardCharsets.UTF_8));
            point = (crc.getValue() & 0xffffffffL) / 4294967296.0;
        } else {
            point = ThreadLocalRandom.current().nextDouble();
        }
        double total = entries.stream().mapToDouble(Entry::proba).sum();
        double cumulative = 0;
        for (Entry entry : entries) {
            cumulative += entry.proba() / total;
            if (point < cumulative) {
                return entry.generation();
            }
        }
        return entries.get(entries.size() - 1).generation();
    }
}
