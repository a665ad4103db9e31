package org.deepbrew.deploy.serve;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a {@link LoadGenerator} run saw: how many requests got which HTTP status, how many got no
 * answer at all, throughput, and latency percentiles (nearest rank, over every answered request,
 * whatever its status).
 */
public final class LoadReport {
    private final int clients;
    private final long requests;
    private final SortedMap<Integer, Long> statusCounts;
    private final long failures;
    private final String firstFailure;
    private final long unexpected;
    private final double seconds;
    private final long[] latencyNanos;

    /**
     * A report; {@code latencyNanos} holds one entry per answered request, in any order.
     *
     * @param unexpected answers other than the status the request called for (see
     *     {@link LoadGenerator.Builder#malformed(long)}; with real texts, anything but 200 or 503)
     * @param firstFailure the first connection error's message, or null
     */
    public LoadReport(int clients, long requests, Map<Integer, Long> statusCounts, long failures, String firstFailure,
            long unexpected, double seconds, long[] latencyNanos) {
        this.clients = clients;
        this.requests = requests;
        this.statusCounts = Collections.unmodifiableSortedMap(new TreeMap<>(statusCounts));
        this.failures = failures;
        this.firstFailure = firstFailure;
        this.unexpected = unexpected;
        this.seconds = seconds;
        this.latencyNanos = latencyNanos.clone();
        Arrays.sort(this.latencyNanos);
    }

    /** Concurrent clients that sent the requests. */
    public int clients() {
        return clients;
    }

    /** Requests sent. */
    public long requests() {
        return requests;
    }

    /** Answers by HTTP status, such as {200=980, 503=20}. */
    public SortedMap<Integer, Long> statusCounts() {
        return statusCounts;
    }

    /** Answers with {@code status}. */
    public long answered(int status) {
        return statusCounts.getOrDefault(status, 0L);
    }

    /** Requests that got an HTTP answer, of any status. */
    public long answered() {
        return statusCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Answers with a 5xx status: 500 (the model failed), 503 (refused or stopping) and others. */
    public long serverErrors() {
        return statusCounts.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    }

    /** Requests that got no HTTP answer: refused connections, resets, time-outs. */
    public long failures() {
        return failures;
    }

    /** The first failure's message, or null when there was none. */
    public String firstFailure() {
        return firstFailure;
    }

    /** Requests that got no HTTP answer ({@code requests - answered()}); equals {@link #failures()}. */
    public long lost() {
        return requests - answered();
    }

    /** Answers other than what the request called for. */
    public long unexpected() {
        return unexpected;
    }

    /** Wall-clock seconds from the first request sent to the last answer. */
    public double seconds() {
        return seconds;
    }

    /** Answered requests per second. */
    public double requestsPerSecond() {
        return seconds > 0 ? answered() / seconds : 0;
    }

    /** Answers with status 200 per second. */
    public double okPerSecond() {
        return seconds > 0 ? answered(200) / seconds : 0;
    }

    /** The latency, in ms, that a fraction {@code q} of answered requests did not exceed (nearest rank). */
    public double percentileMs(double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("percentile fraction must be in (0, 1], not " + q);
        }
        if (latencyNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * latencyNanos.length);
        return latencyNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /** Median latency in ms. */
    public double p50Ms() {
        return percentileMs(0.50);
    }

    /** 95th percentile latency in ms. */
    public double p95Ms() {
        return percentileMs(0.95);
    }

    /** 99th percentile latency in ms. */
    public double p99Ms() {
        return percentileMs(0.99);
    }

    /** Slowest answer in ms. */
    public double maxMs() {
        return latencyNanos.length == 0 ? Double.NaN : latencyNanos[latencyNanos.length - 1] / 1e6;
    }

    /** Mean latency in ms. */
    public double meanMs() {
        return latencyNanos.length == 0 ? Double.NaN : Arrays.stream(latencyNanos).average().orElse(0) / 1e6;
    }

    /** Each answered request's latency in ms, sorted: for a histogram. */
    public double[] latenciesMs() {
        return Arrays.stream(latencyNanos).mapToDouble(n -> n / 1e6).toArray();
    }

    /** This report as a one-row table. */
    public Table table() {
        return table(Map.of("run", this));
    }

    /** One row per named report, in the map's order: requests, answers, failures, throughput, latency. */
    public static Table table(Map<String, LoadReport> reports) {
        StringColumn name = StringColumn.create("run");
        IntColumn clients = IntColumn.create("clients");
        IntColumn requests = IntColumn.create("requests");
        IntColumn ok = IntColumn.create("200");
        IntColumn refused = IntColumn.create("503");
        IntColumn other = IntColumn.create("other answers");
        IntColumn failures = IntColumn.create("no answer");
        DoubleColumn rps = DoubleColumn.create("requests/s");
        DoubleColumn p50 = DoubleColumn.create("p50 ms");
        DoubleColumn p95 = DoubleColumn.create("p95 ms");
        DoubleColumn p99 = DoubleColumn.create("p99 ms");
        DoubleColumn max = DoubleColumn.create("max ms");
        reports.forEach((n, r) -> {
            name.append(n);
            clients.append(r.clients);
            requests.append((int) r.requests);
            ok.append((int) r.answered(200));
            refused.append((int) r.answered(503));
            other.append((int) (r.answered() - r.answered(200) - r.answered(503)));
            failures.append((int) r.failures);
            rps.append(round(r.requestsPerSecond()));
            p50.append(round(r.p50Ms()));
            p95.append(round(r.p95Ms()));
            p99.append(round(r.p99Ms()));
            max.append(round(r.maxMs()));
        });
        return Table.create("load test", name, clients, requests, ok, refused, other, failures, rps, p50, p95, p99, max);
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
    }

    @Override
    public String toString() {
        return String.format("%d requests from %d clients in %.2f s: %.1f answered/s; statuses %s; no answer %d%s;"
                + " latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f", requests, clients, seconds, requestsPerSecond(),
                statusCounts, failures, firstFailure == null ? "" : " (first: " + firstFailure + ")",
                p50Ms(), p95Ms(), p99Ms(), maxMs());
    }
}
