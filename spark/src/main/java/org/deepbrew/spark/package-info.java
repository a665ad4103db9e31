/**
 * Toolkit jobs on Apache Spark, for when one machine is not enough. {@link org.deepbrew.spark.SparkSetup}
 * starts a session (local threads in a notebook, a cluster URL for real use) and
 * {@link org.deepbrew.spark.SparkHandle} stops it; {@link org.deepbrew.spark.PartitionScoring} scores
 * every row of a data frame with a DJL predictor built once per partition from a
 * {@link org.deepbrew.spark.PortableModel}; {@link org.deepbrew.spark.SparkSearch} runs the trials of a
 * random search as Spark tasks.
 *
 * <p>Spark is not on the kernel's classpath. A notebook loads it, and this module's jar, itself:
 * <pre>
 * %maven org.apache.spark:spark-sql_2.13:4.1.0 com.fasterxml.jackson.module:jackson-module-scala_2.13:2.17.2
 * %classpath ../spark/target/deepbrew-spark-*.jar
 * </pre>
 */
package org.deepbrew.spark;
