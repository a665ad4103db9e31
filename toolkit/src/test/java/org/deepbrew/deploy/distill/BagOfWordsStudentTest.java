package org.deepbrew.deploy.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.deploy.TextModel;
import org.junit.jupiter.api.Test;

class BagOfWordsStudentTest {
    private static final List<String> CLASSES = List.of("negative", "positive");
    private static final String[] GOOD = {"great", "good", "superb", "lovely", "moving", "fun"};
    private static final String[] BAD = {"awful", "bad", "dull", "poor", "boring", "silly"};
    private static final String[] FILLER = {"the", "film", "plot", "actors", "was", "and", "a", "story", "it"};
    private static final Function<String, List<String>> WORDS = s -> List.of(s.split(" "));

    /** A teacher that counts words: P(positive) = sigmoid(#good - #bad). */
    private static final TextModel TEACHER = new TextModel() {
        @Override
        public String name() {
            return "word-counting teacher";
        }

        @Override
        public List<String> classNames() {
            return CLASSES;
        }

        @Override
        public int maxLength() {
            return 64;
        }

        @Override
        public float[][] probabilities(List<String> texts) {
            return texts.stream().map(t -> {
                double p = 1 / (1 + Math.exp(-score(t)));
                return new float[] {(float) (1 - p), (float) p};
            }).toArray(float[][]::new);
        }
    };

    private static int score(String text) {
        int s = 0;
        for (String w : text.split(" ")) {
            s += Arrays.asList(GOOD).contains(w) ? 1 : Arrays.asList(BAD).contains(w) ? -1 : 0;
        }
        return s;
    }

    /** Sentences of filler with 1 to 3 sentiment words; label = the sign of the teacher's score (ties skipped). */
    private static List<LabeledText> sentences(int n, long seed) {
        Random r = new Random(seed);
        List<LabeledText> out = new ArrayList<>();
        while (out.size() < n) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                words.add(FILLER[r.nextInt(FILLER.length)]);
            }
            int k = 1 + r.nextInt(3);
            for (int i = 0; i < k; i++) {
                words.add(r.nextBoolean() ? GOOD[r.nextInt(GOOD.length)] : BAD[r.nextInt(BAD.length)]);
            }
            java.util.Collections.shuffle(words, r);
            String text = String.join(" ", words);
            if (score(text) != 0) {
                out.add(new LabeledText(text, score(text) > 0 ? 1 : 0));
            }
        }
        return out;
    }

    private static double accuracy(TextModel m, List<LabeledText> test) {
        float[][] p = m.probabilities(test.stream().map(LabeledText::text).toList());
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            correct += (p[i][1] > p[i][0] ? 1 : 0) == test.get(i).label() ? 1 : 0;
        }
        return correct / (double) p.length;
    }

    private static BagOfWordsStudent student() {
        return BagOfWordsStudent.builder(WORDS, CLASSES).name("student").hidden(16).epochs(40).batchSize(32)
                .learningRate(0.01).build();
    }

    @Test
    void learnsFromLabels() {
        try (BagOfWordsStudent s = student()) {
            s.trainOnLabels(sentences(300, 1));
            assertTrue(accuracy(s, sentences(200, 2)) > 0.9, "accuracy " + accuracy(s, sentences(200, 2)));
            assertEquals(GOOD.length + BAD.length + FILLER.length, s.vocabularySize());
        }
    }

    @Test
    void aTeacherLabellingUnlabelledTextsBeatsTheFewLabelsAlone() {
        List<LabeledText> few = sentences(12, 3);
        List<String> unlabelled = sentences(400, 4).stream().map(LabeledText::text).toList();
        List<LabeledText> test = sentences(300, 5);
        try (BagOfWordsStudent labelsOnly = student(); BagOfWordsStudent distilled = student()) {
            labelsOnly.trainOnLabels(few);
            distilled.distil(few, unlabelled, TEACHER, new DistillationLoss(0.9, 2.0));
            double a = accuracy(labelsOnly, test);
            double d = accuracy(distilled, test);
            assertTrue(d > 0.9, "distilled accuracy " + d);
            assertTrue(d > a + 0.1, "distilled " + d + " vs labels only " + a);
            // it learnt the teacher's probabilities, not only its answers
            float[][] pt = TEACHER.probabilities(test.stream().map(LabeledText::text).toList());
            float[][] ps = distilled.probabilities(test.stream().map(LabeledText::text).toList());
            double error = 0;
            for (int i = 0; i < pt.length; i++) {
                error += Math.abs(pt[i][1] - ps[i][1]) / pt.length;
            }
            assertTrue(error < 0.12, "mean |p_student - p_teacher| " + error);
        }
    }

    @Test
    void savesAndLoadsAndIgnoresUnknownTokens() throws Exception {
        Path dir = Files.createTempDirectory("bow-student");
        List<String> probe = List.of("great fun", "dull and silly", "words it never saw", "");
        try (BagOfWordsStudent s = student(); BagOfWordsStudent loaded = student()) {
            s.trainOnLabels(sentences(200, 6));
            long bytes = s.save(dir);
            assertTrue(bytes > 4L * 16 * s.vocabularySize(), "file smaller than its weights: " + bytes);
            loaded.load(dir);
            float[][] a = s.probabilities(probe);
            float[][] b = loaded.probabilities(probe);
            for (int i = 0; i < probe.size(); i++) {
                assertArrayEquals(a[i], b[i], 1e-6f);
                assertEquals(1.0, a[i][0] + a[i][1], 1e-5);
            }
            assertTrue(a[0][1] > 0.5 && a[1][0] > 0.5, Arrays.deepToString(a));
        }
    }

    @Test
    void misuseIsNamed() {
        try (BagOfWordsStudent s = student()) {
            assertThrows(IllegalStateException.class, () -> s.probabilities(List.of("good")));
            assertThrows(IllegalArgumentException.class, () -> s.trainOnLabels(List.of(new LabeledText("good", 2))));
            TextModel threeClasses = new TextModel() {
                public String name() {
                    return "t";
                }

                public List<String> classNames() {
                    return List.of("a", "b", "c");
                }

                public int maxLength() {
                    return 8;
                }

                public float[][] probabilities(List<String> texts) {
                    return new float[texts.size()][3];
                }
            };
            assertThrows(IllegalArgumentException.class,
                    () -> s.distil(List.of(), List.of("good"), threeClasses, new DistillationLoss(1, 1)));
        }
    }
}
