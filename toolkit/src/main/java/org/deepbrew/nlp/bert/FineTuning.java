package org.deepbrew.nlp.bert;

/**
 * Hyper-parameters of fine-tuning, BERT's recipe by default: AdamW (weight decay 0.01), peak
 * learning rate reached after 10 % of the steps by linear warm-up then decayed linearly to 0,
 * gradients clipped to a global norm of 1.
 *
 * <pre>{@code
 * FineTuning settings = FineTuning.builder().epochs(3).batchSize(32).learningRate(5e-5f).build();
 * }</pre>
 */
public record FineTuning(int epochs, int batchSize, float learningRate, float warmupFraction, float weightDecay,
                         float clipNorm, long seed, boolean padToMaxLength) {

    public FineTuning {
        if (epochs <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("epochs and batchSize must be positive");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        if (warmupFraction < 0 || warmupFraction > 1) {
            throw new IllegalArgumentException("warmupFraction must be in [0, 1], got " + warmupFraction);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FineTuning} settings; unset values keep BERT's defaults. */
    public static final class Builder {
        private int epochs = 3;
        private int batchSize = 32;
        private float learningRate = 5e-5f;
        private float warmupFraction = 0.1f;
        private float weightDecay = 0.01f;
        private float clipNorm = 1f;
        private long seed = 42;
        private boolean padToMaxLength;

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder learningRate(float v) {
            learningRate = v;
            return this;
        }

        public Builder warmupFraction(float v) {
            warmupFraction = v;
            return this;
        }

        public Builder weightDecay(float v) {
            weightDecay = v;
            return this;
        }

        /** Global gradient-norm limit; 0 turns clipping off. */
        public Builder clipNorm(float v) {
            clipNorm = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Pads every batch to the classifier's maxLength instead of its longest text (for fair timing). */
        public Builder padToMaxLength(boolean v) {
            padToMaxLength = v;
            return this;
        }

        public FineTuning build() {
            return new FineTuning(epochs, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, seed,
                    padToMaxLength);
        }
    }
}
