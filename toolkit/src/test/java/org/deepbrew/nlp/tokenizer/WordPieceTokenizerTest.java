package org.deepbrew.nlp.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepbrew.nlp.bert.PretrainedBert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPieceTokenizerTest {
    static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer();
    }

    @Test
    void knownIdsOfBertUncasedVocabulary() {
        // bert-base-uncased ids: [CLS]=101, hello=7592, ,=1010, world=2088, !=999, [SEP]=102
        Encoding e = tokenizer.encode("Hello, World!", 16);
        assertEquals(List.of("[CLS]", "hello", ",", "world", "!", "[SEP]"), e.tokens());
        assertArrayEquals(new int[] {101, 7592, 1010, 2088, 999, 102}, e.ids());
        assertEquals(0, tokenizer.padId());
        assertEquals(100, tokenizer.unknownId());
        assertEquals(103, tokenizer.maskId());
    }

    @Test
    void splitsUnknownWordsIntoPieces() {
        assertEquals(List.of("una", "##ffa", "##ble"), tokenizer.tokenize("unaffable"));
        assertEquals(List.of("[UNK]"), tokenizer.tokenize("a".repeat(101)), "words over 100 characters");
        assertEquals(List.of("the", "[MASK]", "was", "good"), tokenizer.tokenize("The [MASK] was good"));
    }

    @Test
    void lowercasesStripsAccentsAndSplitsCjk() {
        assertEquals(List.of("cafe", "zurich", "naive"), tokenizer.tokenize("Café  ZÜRICH\tNaïve"));
        List<String> cjk = tokenizer.tokenize("我爱");
        assertEquals(2, cjk.size(), cjk.toString());
        assertEquals(List.of("a", "b"), tokenizer.tokenize("a\u0000\u200Bb".replace("\u200B", " ")));
    }

    @Test
    void edgeCasesNeverCrash() {
        assertArrayEquals(new int[] {101, 102}, tokenizer.encode("", 8).ids());
        assertArrayEquals(new int[] {101, 102}, tokenizer.encode(null, 8).ids());
        assertArrayEquals(new int[] {101, 100, 102}, tokenizer.encode("🍮", 8).ids());
        Encoding longText = tokenizer.encode("word ".repeat(10_000), 64);
        assertEquals(64, longText.length());
        assertEquals(102, longText.ids()[63]);
        assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("x", 1));
    }

    @Test
    void batchesPadAndMask() {
        Batch b = tokenizer.batch(List.of("good", "not good at all"), 32);
        assertEquals(2, b.size());
        assertEquals(6, b.length());
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0}, b.attentionMask()[0]);
        assertArrayEquals(new int[] {101, 2204, 102, 0, 0, 0}, b.ids()[0]);
        Batch fixed = tokenizer.batchFixed(List.of("good"), 64);
        assertEquals(64, fixed.length());
    }

    @Test
    void sentencePairsHaveSegmentsAndTruncateTheLongerSide() {
        Encoding e = tokenizer.encode("is it good?", "yes", 32);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1}, e.typeIds());
        Encoding cut = tokenizer.encode("one two three four five six", "seven", 8);
        assertEquals(8, cut.length());
        assertEquals(List.of("[CLS]", "one", "two", "three", "four", "[SEP]", "seven", "[SEP]"), cut.tokens());
    }

    /** Cross-check with the Hugging Face tokenizer (Rust, through DJL) on the same tokenizer.json. */
    @Test
    void agreesWithHuggingFaceTokenizers(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("tokenizer.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, json);
        }
        List<String> texts = List.of("The movie was a wonderful surprise.",
                "Naïve café owners serve crème brûlée 🍮 in Zürich!!",
                "I'd give it 10/10 -- wasn't expecting that...",
                "日本語のテキストと English mixed",
                "Ünïcödé àççéñts and tabs\tand\nnewlines",
                "supercalifragilisticexpialidocious antidisestablishmentarianism");
        try (HuggingFaceTokenizer reference = HuggingFaceTokenizer.newInstance(json,
                Map.of("truncation", "false", "padding", "false"))) {
            for (String text : texts) {
                long[] expected = reference.encode(text).getIds();
                int[] ours = tokenizer.encode(text, 512).ids();
                assertArrayEquals(expected, java.util.Arrays.stream(ours).asLongStream().toArray(), text);
            }
        }
    }
}
