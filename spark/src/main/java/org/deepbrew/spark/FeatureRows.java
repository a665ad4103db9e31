package org.deepbrew.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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

    /** One row per entry of {@code features}, with ids 0.., in {@code partitions} partitions. */
    public static Dataset<Row> of(SparkHandle spark, float[][] features, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        List<Row> rows = new ArrayList<>(features.length);
        for (int i = 0; i < features.length; i++) {
            rows.add(RowFactory.create((long) i, features[i]));
        }
        // Through an RDD with a fixed slice count, so the partitions (and each one's rows) are the
        // same whatever the number of threads: a job's answer must not depend on the machine.
        return spark.session().createDataFrame(spark.context().parallelize(rows, partitions), SCHEMA);
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
}
