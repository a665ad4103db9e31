package org.deepbrew.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores every row of a data frame with a DJL model, the way Spark jobs run inference: the model is
 * broadcast once to every executor, each partition opens one predictor on it and feeds it its rows
 * in batches, and the predictor is closed when the partition is done.
 *
 * <pre>{@code
 * Dataset<Row> scored = PartitionScoring.of(portable).batchSize(256)
 *         .score(FeatureRows.of(spark, features, 8));   // id, label, probability
 * ScoredRows result = ScoredRows.collect(scored);
 * }</pre>
 *
 * Opening the model per row would cost a model construction per row; per partition it costs one
 * per task, which is noise next to the scoring itself.
 */
public final class PartitionScoring {
    /** Columns of the result: the input's id, the most probable class and its probability. */
    public static final StructType SCHEMA = new StructType()
            .add(FeatureRows.ID, DataTypes.LongType, false)
            .add("label", DataTypes.IntegerType, false)
            .add("probability", DataTypes.FloatType, false);

    private final PortableModel model;
    private int batchSize = 256;

    private PartitionScoring(PortableModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Scoring with {@code model}, 256 rows per forward pass. */
    public static PartitionScoring of(PortableModel model) {
        return new PartitionScoring(model);
    }

    /** Rows per forward pass inside a partition. */
    public PartitionScoring batchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + rows);
        }
        this.batchSize = rows;
        return this;
    }

    /**
     * The lazy plan that scores {@code rows} (columns {@code id} and {@code features}, as
     * {@link FeatureRows} makes them): nothing runs until an action such as {@code count()} or
     * {@link ScoredRows#collect}.
     */
    public Dataset<Row> score(Dataset<Row> rows) {
        Broadcast<PortableModel> shared = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext())
                .broadcast(model);
        int idAt = rows.schema().fieldIndex(FeatureRows.ID);
        int featuresAt = rows.schema().fieldIndex(FeatureRows.FEATURES);
        return rows.mapPartitions(new ScorePartition(shared, batchSize, idAt, featuresAt), Encoders.row(SCHEMA));
    }

    /** What each task runs: one predictor for the partition's rows. */
    private static final class ScorePartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<PortableModel> model;
        private final int batchSize;
        private final int idAt;
        private final int featuresAt;

        ScorePartition(Broadcast<PortableModel> model, int batchSize, int idAt, int featuresAt) {
            this.model = model;
            this.batchSize = batchSize;
            this.idAt = idAt;
            this.featuresAt = featuresAt;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            List<Row> out = new ArrayList<>();
            if (!input.hasNext()) {
                return out.iterator();
            }
            try (PortableModel.Scorer scorer = model.value().open()) {
                List<Long> ids = new ArrayList<>(batchSize);
                List<float[]> batch = new ArrayList<>(batchSize);
                while (input.hasNext()) {
                    Row row = input.next();
                    ids.add(row.getLong(idAt));
                    batch.add(features(row));
                    if (batch.size() == batchSize || !input.hasNext()) {
                        float[][] p = scorer.probabilities(batch);
                        for (int i = 0; i < p.length; i++) {
                            int best = ScoredRows.argmax(p[i]);
                            out.add(RowFactory.create(ids.get(i), best, p[i][best]));
                        }
                        ids.clear();
                        batch.clear();
                    }
                }
            }
            return out.iterator();
        }

        private float[] features(Row row) {
            List<Float> values = row.getList(featuresAt);
            float[] f = new float[values.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = values.get(i);
            }
            return f;
        }
    }
}
