package org.deepbrew.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * Settings for a Spark session that lives inside a notebook's JVM, and {@link #start()} to get one:
 *
 * <pre>{@code
 * try (SparkHandle spark = SparkSetup.local(2).start()) {
 *     spark.session().range(10).count();
 * }
 * }</pre>
 *
 * <p>Spark's defaults are made for clusters and get in the way on a laptop: a web UI on port 4040,
 * 200 shuffle partitions for any join however small, a console progress bar, INFO logs by the
 * screenful, a warehouse folder in the working directory, 60 % of the heap for its own memory. {@link #local(int)} turns those off or down.
 * {@link #master(String)} takes a cluster URL instead ({@code spark://host:7077}, {@code yarn},
 * {@code k8s://...}); the same job code then runs on the cluster's executors.
 */
public final class SparkSetup {
    private final String master;
    private final int parallelism;
    private String appName = "deepbrew";
    private int shufflePartitions;
    private boolean quiet = true;
    private final Map<String, String> extra = new LinkedHashMap<>();

    private SparkSetup(String master, int parallelism) {
        this.master = master;
        this.parallelism = parallelism;
        this.shufflePartitions = 2 * parallelism;
    }

    /** Spark in this JVM with {@code threads} task slots: {@code local[threads]}. */
    public static SparkSetup local(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new SparkSetup("local[" + threads + "]", threads);
    }

    /**
     * A cluster (or any master URL Spark accepts). {@code parallelism} is how many tasks the
     * cluster runs at once: the default partition count of the jobs.
     */
    public static SparkSetup master(String url, int parallelism) {
        Objects.requireNonNull(url, "url");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        return new SparkSetup(url, parallelism);
    }

    /** The application name shown by the cluster manager (default "deepbrew"). */
    public SparkSetup appName(String name) {
        this.appName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Partitions after a shuffle (join, group by); default twice the parallelism, Spark's is 200. */
    public SparkSetup shufflePartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("shufflePartitions must be at least 1, got " + n);
        }
        this.shufflePartitions = n;
        return this;
    }

    /** Keep Spark's and Hadoop's INFO logs (default: warnings and errors only). */
    public SparkSetup verbose() {
        this.quiet = false;
        return this;
    }

    /** Any other Spark setting, e.g. {@code conf("spark.executor.memory", "4g")} for a cluster. */
    public SparkSetup conf(String key, String value) {
        extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The master URL, e.g. {@code local[2]}. */
    public String masterUrl() {
        return master;
    }

    /** Every setting {@link #start()} passes to Spark, in order. */
    public Map<String, String> settings(Path scratch) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.master", master);
        s.put("spark.app.name", appName);
        s.put("spark.ui.enabled", "false");
        s.put("spark.ui.showConsoleProgress", "false");
        s.put("spark.default.parallelism", Integer.toString(parallelism));
        s.put("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
        s.put("spark.sql.warehouse.dir", scratch.resolve("warehouse").toUri().toString());
        if (master.startsWith("local")) {
            // Local mode needs no network: do not look up this host's name or listen on its address.
            s.put("spark.driver.host", "127.0.0.1");
            s.put("spark.driver.bindAddress", "127.0.0.1");
            // In local mode Spark shares the notebook's heap: let its caches and shuffles claim 30 %
            // of it rather than the 60 % a dedicated executor gets.
            s.put("spark.memory.fraction", "0.3");
        }
        s.putAll(extra);
        return s;
    }

    /**
     * Starts the session. Fails if one is already running in this JVM (Spark allows one context per
     * JVM): close the old {@link SparkHandle} first.
     */
    public SparkHandle start() {
        if (SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined()) {
            throw new IllegalStateException("a Spark session is already running in this JVM; close its SparkHandle first");
        }
        if (quiet) {
            SparkLogs.quiet();
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("deepbrew-spark-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Spark's scratch folder", e);
        }
        SparkSession.Builder builder = SparkSession.builder();
        settings(scratch).forEach(builder::config);
        return new SparkHandle(builder.getOrCreate(), parallelism, scratch);
    }
}
