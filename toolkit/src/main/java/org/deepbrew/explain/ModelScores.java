package org.deepbrew.explain;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.Table;

/**
 * A trained DJL classifier as a {@link ScoreFunction}: the softmax probability of one class for
 * every row (or image), computed in inference mode, in batches. This is how a model trained with
 * {@code Fit} meets the explanations of this package.
 *
 * <pre>{@code
 * ScoreFunction<Table> pMalignant = ModelScores.ofTable(net, MALIGNANT, features, scaler::transform);
 * PermutationImportance.builder().build().compute(pMalignant, testTable, isMalignant, features);
 * }</pre>
 */
public final class ModelScores {
    private static final int BATCH = 512;

    private ModelScores() {}

    /** Probability of class {@code classIndex} for each row of a (rows x features) matrix. */
    public static ScoreFunction<float[][]> ofRows(Model model, int classIndex) {
        Objects.requireNonNull(model, "model");
        return rows -> {
            if (rows.length == 0) {
                return new double[0];
            }
            int width = rows[0].length;
            float[] flat = new float[rows.length * width];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(rows[i], 0, flat, i * width, width);
            }
            try (NDManager scratch = model.getNDManager().newSubManager()) {
                return probabilities(model, scratch.create(flat, new Shape(rows.length, width)), classIndex);
            }
        };
    }

    /**
     * Probability of class {@code classIndex} for each row of {@code table}, after
     * {@code prepare} (for example the training split's scaler; {@code UnaryOperator.identity()}
     * for none), reading {@code featureColumns} in the order the model was trained on.
     */
    public static ScoreFunction<Table> ofTable(Model model, int classIndex, List<String> featureColumns,
            UnaryOperator<Table> prepare) {
        Objects.requireNonNull(featureColumns, "featureColumns");
        Objects.requireNonNull(prepare, "prepare");
        ScoreFunction<float[][]> rows = ofRows(model, classIndex);
        return table -> {
            Table t = prepare.apply(table);
            float[][] x = new float[t.rowCount()][featureColumns.size()];
            for (int j = 0; j < featureColumns.size(); j++) {
                var c = t.numberColumn(featureColumns.get(j));
                for (int i = 0; i < x.length; i++) {
                    x[i][j] = (float) c.getDouble(i);
                }
            }
            return rows.score(x);
        };
    }

    /** Probability of class {@code classIndex} for each image of a batch (N, C, H, W). */
    public static ScoreFunction<NDArray> ofImages(Model model, int classIndex) {
        Objects.requireNonNull(model, "model");
        return images -> probabilities(model, images, classIndex);
    }

    private static double[] probabilities(Model model, NDArray x, int classIndex) {
        long n = x.getShape().get(0);
        double[] out = new double[(int) n];
        try (NDManager sub = model.getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(sub, false);
            for (long start = 0; start < n; start += BATCH) {
                long end = Math.min(n, start + BATCH);
                NDArray part = x.get(start + ":" + end);
                NDArray logits = model.getBlock().forward(store, new NDList(part), false).head();
                long classes = logits.getShape().get(1);
                if (classIndex < 0 || classIndex >= classes) {
                    throw new IllegalArgumentException("class " + classIndex + " is outside 0.." + (classes - 1));
                }
                float[] p = logits.softmax(1).get(":, " + classIndex).toType(DataType.FLOAT32, false).toFloatArray();
                for (int i = 0; i < p.length; i++) {
                    out[(int) start + i] = p[i];
                }
            }
        }
        return out;
    }
}
