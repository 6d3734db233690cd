package org.dsscontractkit.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

final class Stats {
    private Stats() { }

    static <T> double median(List<T> values, ToDoubleFunction<T> f) {
        double[] v = values.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double median(double[] values) {
        return median(Arrays.stream(values).boxed().toList(), Double::doubleValue);
    }
}
