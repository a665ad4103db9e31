package org.deepbrew.nlp.bert;

import java.util.Random;
import java.util.Set;
import org.deepbrew.nlp.tokenizer.TokenBatch;

/**
 * BERT's masking for masked-language-model pretraining: 15 % of the real, non-special tokens are
 * chosen; of those 80 % become [MASK], 10 % a random token and 10 % stay as they are. The model
 * must predict the original token at every chosen position.
 */
public final class Masking {
    private final double rate;
    private final int maskId;
    private final int vocabularySize;
    private final Set<Integer> specialIds;

    /** Masking at {@code rate} (BERT: 0.15) with the given [MASK] id and vocabulary size. */
    public Masking(double rate, int maskId, int vocabularySize, Set<Integer> specialIds) {
        if (rate <= 0 || rate >= 1) {
            throw new IllegalArgumentException("Masking rate must be in (0, 1), got " + rate);
        }
        this.rate = rate;
        this.maskId = maskId;
        this.vocabularySize = vocabularySize;
        this.specialIds = Set.copyOf(specialIds);
    }

    /**
     * A masked batch.
     *
     * @param input the batch the model sees, with chosen tokens replaced
     * @param labels the original ids, [batch][length]
     * @param chosen 1 where the model is asked to predict, 0 elsewhere
     */
    public record Masked(TokenBatch input, int[][] labels, int[][] chosen) {
        /** Number of positions to predict. */
        public int count() {
            int n = 0;
            for (int[] row : chosen) {
                for (int c : row) {
                    n += c;
                }
            }
            return n;
        }
    }

    /** Masks {@code batch}; at least one token per sequence with a real token is chosen. */
    public Masked apply(TokenBatch batch, Random random) {
        int[][] ids = new int[batch.size()][];
        int[][] labels = new int[batch.size()][];
        int[][] chosen = new int[batch.size()][batch.length()];
        for (int b = 0; b < batch.size(); b++) {
            ids[b] = batch.ids()[b].clone();
            labels[b] = batch.ids()[b].clone();
            int candidates = 0;
            int picked = 0;
            int lastCandidate = -1;
            for (int t = 0; t < batch.length(); t++) {
                if (batch.attentionMask()[b][t] == 0 || specialIds.contains(ids[b][t])) {
                    continue;
                }
                candidates++;
                lastCandidate = t;
                if (random.nextDouble() < rate) {
                    choose(ids[b], chosen[b], t, random);
                    picked++;
                }
            }
            if (picked == 0 && candidates > 0) {
                choose(ids[b], chosen[b], lastCandidate, random);
            }
        }
        return new Masked(new TokenBatch(ids, batch.typeIds(), batch.attentionMask()), labels, chosen);
    }

    private void choose(int[] ids, int[] chosen, int t, Random random) {
        chosen[t] = 1;
        double r = random.nextDouble();
        if (r < 0.8) {
            ids[t] = maskId;
        } else if (r < 0.9) {
            ids[t] = random.nextInt(vocabularySize);
        }
    }
}
