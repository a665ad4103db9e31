package org.deepbrew.spark;

/**
 * Turns Spark's chatter down to warnings. Inside the kernel Spark logs through the kernel's SLF4J
 * binding (slf4j-simple), which reads a logger's level from a system property when the logger is
 * first made: set before the session starts, the properties hold for all of Spark's loggers.
 */
final class SparkLogs {
    private static final String[] CHATTY = {"org.apache.spark", "org.apache.hadoop", "org.sparkproject",
        "io.netty", "org.apache.parquet", "org.apache.orc"};

    private SparkLogs() {}

    static void quiet() {
        for (String logger : CHATTY) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, logger.equals("org.apache.hadoop") ? "error" : "warn");
            }
        }
        // Warns that this host's name resolves to a loopback address: true of most laptops and
        // containers, and harmless in local mode, which binds to 127.0.0.1 on purpose.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.util.Utils", "error");
        if (Runtime.version().feature() >= 23) {
            // From Java 23 Hadoop cannot read the current user (Subject.getSubject is gone), and Spark
            // logs a stack trace when it qualifies the SQL warehouse folder, which these jobs never use.
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.sql.internal.SharedState", "error");
        }
    }
}
