package org.deepbrew.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A running Spark session; {@link #close()} stops it, so that a notebook can start another later
 * (Spark allows one per JVM) and nothing of it keeps running behind later cells.
 */
public final class SparkHandle implements AutoCloseable {
    private final SparkSession session;
    private final int parallelism;
    private final Path scratch;
    private boolean closed;

    SparkHandle(SparkSession session, int parallelism, Path scratch) {
        this.session = session;
        this.parallelism = parallelism;
        this.scratch = scratch;
    }

    /** The session: data frames, SQL. */
    public SparkSession session() {
        checkOpen();
        return session;
    }

    /** The Java view of the context: RDDs, broadcasts. */
    public JavaSparkContext context() {
        checkOpen();
        return JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    /** How many tasks run at once: the thread count in local mode. */
    public int parallelism() {
        return parallelism;
    }

    /** The master URL, e.g. {@code local[2]}. */
    public String master() {
        return session.sparkContext().master();
    }

    /** True once {@link #close()} has stopped the session. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops the session and its context, and removes its scratch folder. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.stop();
        } finally {
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
            deleteScratch();
        }
    }

    private void deleteScratch() {
        if (!Files.exists(scratch)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(scratch)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove Spark's scratch folder " + scratch, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this Spark session was closed; start a new one with SparkSetup");
        }
    }

    @Override
    public String toString() {
        return "Spark " + session.version() + " on " + master() + (closed ? " (closed)" : "");
    }
}
