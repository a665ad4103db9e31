package org.deepbrew.spark;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import ai.djl.MalformedModelException;

/**
 * A trained classifier that can travel to another JVM (a Spark executor): its {@link BlockRecipe}
 * and its parameters as bytes. {@link #open()} rebuilds it there as a DJL {@link Predictor} that
 * turns rows of features into class probabilities.
 *
 * <pre>{@code
 * PortableModel portable = PortableModel.mlp(model, 784, 10, 128);
 * try (PortableModel.Scorer scorer = portable.open()) {
 *     float[][] p = scorer.probabilities(List.of(row1, row2));
 * }
 * }</pre>
 *
 * Opening costs a model's construction and a parameter load: do it once per partition, not per row.
 */
public final class PortableModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BlockRecipe recipe;
    private final byte[] parameters;
    private final int features;

    private PortableModel(BlockRecipe recipe, byte[] parameters, int features) {
        this.recipe = recipe;
        this.parameters = parameters;
        this.features = features;
    }

    /** Captures {@code model}'s trained parameters; {@code recipe} must build the same architecture. */
    public static PortableModel of(Model model, BlockRecipe recipe, int features) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(recipe, "recipe");
        if (features < 1) {
            throw new IllegalArgumentException("features must be positive, got " + features);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the parameters of " + model.getName(), e);
        }
        PortableModel portable = new PortableModel(recipe, bytes.toByteArray(), features);
        portable.open().close(); // fails here, not on an executor, when the recipe does not fit
        return portable;
    }

    /** Captures a ReLU {@link org.deepbrew.models.Mlp} with these hidden widths. */
    public static PortableModel mlp(Model model, int features, int outputs, int... hidden) {
        return of(model, new MlpRecipe(hidden, outputs), features);
    }

    /** Input width: features per row. */
    public int features() {
        return features;
    }

    /** Size of the parameters that travel with each copy. */
    public int parameterBytes() {
        return parameters.length;
    }

    /** Rebuilds the model in this JVM and opens a predictor on it. Close the scorer when done. */
    public Scorer open() {
        Model model = Model.newInstance("portable");
        try {
            model.setBlock(recipe.build());
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
                model.getBlock().loadParameters(model.getNDManager(), in);
            }
            return new Scorer(model, model.newPredictor(new ProbabilitiesTranslator()), features);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("could not rebuild the model from " + recipe + ": " + e.getMessage(), e);
        }
    }

    /** Scores {@code rows} in this JVM, in batches of {@code batchSize}: the single-machine reference. */
    public float[][] probabilities(float[][] rows, int batchSize) {
        float[][] out = new float[rows.length][];
        try (Scorer scorer = open()) {
            for (int start = 0; start < rows.length; start += batchSize) {
                int end = Math.min(rows.length, start + batchSize);
                float[][] part = scorer.probabilities(Arrays.asList(rows).subList(start, end));
                System.arraycopy(part, 0, out, start, part.length);
            }
        }
        return out;
    }

    /** A model rebuilt in this JVM with its predictor: scores batches of rows. */
    public static final class Scorer implements AutoCloseable {
        private final Model model;
        private final Predictor<float[], float[]> predictor;
        private final int features;

        private Scorer(Model model, Predictor<float[], float[]> predictor, int features) {
            this.model = model;
            this.predictor = predictor;
            this.features = features;
        }

        /** Class probabilities of each row, in order: one forward pass for the whole batch. */
        public float[][] probabilities(List<float[]> rows) {
            for (float[] r : rows) {
                if (r.length != features) {
                    throw new IllegalArgumentException("a row has " + r.length + " features, the model takes " + features);
                }
            }
            if (rows.isEmpty()) {
                return new float[0][];
            }
            try {
                return predictor.batchPredict(rows).toArray(new float[0][]);
            } catch (TranslateException e) {
                throw new IllegalStateException("scoring failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            predictor.close();
            model.close();
        }
    }

    /** Rows of features in, softmax probabilities out; rows are stacked into one batch. */
    private static final class ProbabilitiesTranslator implements Translator<float[], float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, float[] row) {
            return new NDList(ctx.getNDManager().create(row));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList out) {
            return out.singletonOrThrow().softmax(-1).toFloatArray();
        }

        @Override
        public Batchifier getBatchifier() {
            return Batchifier.STACK;
        }
    }
}
