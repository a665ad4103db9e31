package org.deepbrew.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * Turns arrays in the driver into a data frame of {@code (id long, features array<float>)}: the
 * shape {@link PartitionScoring} reads. Real jobs read their rows from files or tables instead
 * (Parquet, a database); this is for data that is already in a notebook.
 */
public final class FeatureRows {
    /** Column of the row's id: its index in the input. */
    public static final String ID = "id";
    /** Column of the feature vector. */
    public static final String FEATURES = "features";
    /** The schema of {@link #of}. */
    public static final StructType SCHEMA = new StructType()
            .add(ID, DataTypes.LongType, false)
            .add(FEATURES, DataTypes.createArrayType(DataTypes.FloatType, false), false);

    private FeatureRows() {}

    /**
     * One row per entry of {@code features}, with ids 0.., in {@code partitions} partitions of
     * consecutive ids. The partitions are the same whatever the number of threads or executors, so
     * a job's answer does not depend on the machine.
     */
    public static Dataset<Row> of(SparkHandle spark, float[][] features, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        // The arrays travel once per executor as a broadcast; embedded in the tasks instead, they
        // would be serialized into every task (Spark warns above 1 MB a task).
        Broadcast<float[][]> shared = spark.context().broadcast(features);
        return spark.session().range(0, features.length, 1, partitions)
                .mapPartitions(new LookUp(shared), Encoders.row(SCHEMA));
    }

    /** Rows of flat row-major features, {@code width} per row (an image's pixels, say). */
    public static Dataset<Row> of(SparkHandle spark, float[] flat, int width, int partitions) {
        if (width < 1 || flat.length % width != 0) {
            throw new IllegalArgumentException(flat.length + " values are not rows of " + width);
        }
        float[][] rows = new float[flat.length / width][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return of(spark, rows, partitions);
    }

    /** Each task turns its range of ids into rows of the broadcast arrays. */
    private static final class LookUp implements MapPartitionsFunction<Long, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<float[][]> features;

        LookUp(Broadcast<float[][]> features) {
            this.features = features;
        }

        @Override
        public Iterator<Row> call(Iterator<Long> ids) {
            float[][] all = features.value();
            List<Row> rows = new ArrayList<>();
            while (ids.hasNext()) {
                long id = ids.next();
                // A row's array column must be a Scala Seq; wrapping the float[] copies nothing.
                rows.add(RowFactory.create(id, ArraySeq.unsafeWrapArray(all[(int) id])));
            }
            return rows.iterator();
        }
    }
}
