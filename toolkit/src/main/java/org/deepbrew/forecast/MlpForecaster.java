package org.deepbrew.forecast;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Objects;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;

/**
 * A small network that reads the last {@code window} values of a series and predicts the next
 * {@code horizon} at once ("direct" multi-step forecasting, no forecast fed back as input). It is
 * trained with {@link Fit} on every window of the training series, values standardised by the
 * training series' mean and spread, with squared error as the loss.
 *
 * <pre>{@code
 * try (MlpForecaster mlp = MlpForecaster.builder().window(28).horizon(7).fit(train)) {
 *     Backtest.walkForward(mlp, series, train.length, 7).errors();
 * }
 * }</pre>
 *
 * What it can learn is what the window shows: pull back towards the usual level, momentum, a
 * rhythm shorter than the window. A season longer than the window is invisible to it.
 */
public final class MlpForecaster implements Forecaster, AutoCloseable {
    private final Builder settings;
    private final Model model;
    private final double mean;
    private final double std;
    private final History history;

    private MlpForecaster(Builder settings, Model model, double mean, double std, History history) {
        this.settings = settings;
        this.model = model;
        this.mean = mean;
        this.std = std;
        this.history = history;
    }

    /** Defaults: window 28, horizon 1, one hidden layer of 8, 60 epochs of Adam at 0.003, batches of 32, seed 7. */
    public static Builder builder() {
        return new Builder();
    }

    /** The training run (loss per epoch). */
    public History history() {
        return history;
    }

    public int window() {
        return settings.window;
    }

    /** The most steps ahead this forecaster was trained to predict. */
    public int horizon() {
        return settings.horizon;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        Series.check(history, settings.window, horizon, "an MLP forecaster with window " + settings.window);
        if (horizon > settings.horizon) {
            throw new IllegalArgumentException("trained for up to " + settings.horizon + " steps ahead, asked for " + horizon);
        }
        float[] x = new float[settings.window];
        int start = history.length - settings.window;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((history[start + i] - mean) / std);
        }
        float[] y;
        try (NDManager sub = model.getNDManager().newSubManager()) {
            NDArray in = sub.create(x, new Shape(1, settings.window));
            y = model.getBlock().forward(new ParameterStore(sub, false), new NDList(in), false).head().toFloatArray();
        }
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = mean + std * y[h];
        }
        return out;
    }

    /** Frees the network. */
    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return settings.hidden == 0 ? "linear autoregression (window " + settings.window + ")"
                : "MLP (window " + settings.window + ", hidden " + settings.hidden + ")";
    }

    /** Settings for {@link MlpForecaster}; {@link #fit} trains one. */
    public static final class Builder {
        private int window = 28;
        private int horizon = 1;
        private int hidden = 8;
        private int epochs = 60;
        private float learningRate = 0.003f;
        private int batchSize = 32;
        private int seed = 7;

        private Builder() {}

        /** How many past values the network reads. */
        public Builder window(int window) {
            this.window = positive(window, "window");
            return this;
        }

        /** How many steps ahead it predicts (one output each). */
        public Builder horizon(int horizon) {
            this.horizon = positive(horizon, "horizon");
            return this;
        }

        /** Width of the hidden layer; 0 for none, which makes the network a linear autoregression. */
        public Builder hidden(int hidden) {
            if (hidden < 0) {
                throw new IllegalArgumentException("hidden must be 0 (linear) or more, got " + hidden);
            }
            this.hidden = hidden;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = positive(epochs, "epochs");
            return this;
        }

        public Builder learningRate(float learningRate) {
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = positive(batchSize, "batchSize");
            return this;
        }

        /** Seeds initialisation and shuffling: the same seed, the same forecaster. */
        public Builder seed(int seed) {
            this.seed = seed;
            return this;
        }

        /** Trains on every window of {@code train} (oldest first) and its next {@code horizon} values. */
        public MlpForecaster fit(double[] train) {
            Objects.requireNonNull(train, "train");
            int examples = train.length - window - horizon + 1;
            if (examples < 2) {
                throw new IllegalArgumentException("a window of " + window + " and a horizon of " + horizon
                        + " need at least " + (window + horizon + 1) + " training values, got " + train.length);
            }
            double mean = Arrays.stream(train).average().orElseThrow();
            double var = Arrays.stream(train).map(v -> (v - mean) * (v - mean)).sum() / (train.length - 1);
            double std = var > 0 ? Math.sqrt(var) : 1;
            float[] x = new float[examples * window];
            float[] y = new float[examples * horizon];
            for (int e = 0; e < examples; e++) {
                for (int i = 0; i < window; i++) {
                    x[e * window + i] = (float) ((train[e + i] - mean) / std);
                }
                for (int h = 0; h < horizon; h++) {
                    y[e * horizon + h] = (float) ((train[e + window + h] - mean) / std);
                }
            }
            Model model = Model.newInstance("mlp forecaster");
            Mlp.Builder block = Mlp.builder().activation(Activation::relu).outputs(horizon);
            if (hidden > 0) {
                block.hidden(hidden);
            }
            model.setBlock(block.build());
            try (NDManager scratch = NDManager.newBaseManager();
                    InMemoryDataset data = InMemoryDataset.builder().batchSize(batchSize).seed(seed)
                            .fromArrays(scratch.create(x, new Shape(examples, window)),
                                    scratch.create(y, new Shape(examples, horizon)))) {
                History h = Fit.of(model).loss(Loss.l2Loss())
                        .optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
                        .epochs(epochs).train(data).seed(seed).quiet().run();
                return new MlpForecaster(this, model, mean, std, h);
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        }

        private static int positive(int v, String name) {
            if (v < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + v);
            }
            return v;
        }
    }
}
