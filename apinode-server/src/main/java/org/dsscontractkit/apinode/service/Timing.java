package org.dsscontractkit.apinode.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code timing} block of an answer: measured stage durations in microseconds (the unit of seed 002's examples,
 * e.g. {@code "execution": 14858}).
 */
public final class Timing {

    private final Map<String, Long> stages = new LinkedHashMap<>();
    private long stageStart = System.nanoTime();

    /** Starts timing the next stage now. */
    public void restart() {
        stageStart = System.nanoTime();
    }

    /** Records the stage that started at the last restart/end, and starts the next one. */
    public void end(String stage) {
        long now = System.nanoTime();
        add(stage, (now - stageStart) / 1000);
        stageStart = now;
    }

    public void add(String stage, long micros) {
        stages.merge(stage, Math.max(0, micros), Long::sum);
    }

    public void set(String stage, long micros) {
        stages.put(stage, Math.max(0, micros));
    }

    public void ensure(String... names) {
        for (String name : names) {
            stages.putIfAbsent(name, 0L);
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        stages.forEach(node::put);
        return node;
    }
}
