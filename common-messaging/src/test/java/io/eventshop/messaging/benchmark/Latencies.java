package io.eventshop.messaging.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples, summarized as percentiles in milliseconds. */
final class Latencies {

    private final List<Duration> samples = new ArrayList<>();

    void add(Duration sample) {
        samples.add(sample);
    }

    double percentileMillis(double percentile) {
        List<Duration> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)).toNanos() / 1_000_000.0;
    }

    @Override
    public String toString() {
        return "p50 %6.1f ms   p99 %6.1f ms   (%d samples)"
                .formatted(percentileMillis(50), percentileMillis(99), samples.size());
    }
}
