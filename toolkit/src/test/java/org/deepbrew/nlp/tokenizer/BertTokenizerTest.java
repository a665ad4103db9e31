package org.deepbrew.nlp.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepbrew.nlp.bert.PretrainedBert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertTokenizerTest {
    static BertTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer();
    }

    @Test
    void knownIdsOfBertUncasedVocabulary() {
        // bert-base-uncased ids: [CLS]=101, hello=7592, ,=1010, world=2088, !=999, [SEP]=102
        TokenizedText e = tokenizer.encode("Hello, World!", 16);
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
        TokenizedText longText = tokenizer.encode("word ".repeat(10_000), 64);
        assertEquals(64, longText.length());
        assertEquals(102, longText.ids()[63]);
        assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("x", 1));
    }

    @Test
    void batchesPadAndMask() {
        TokenBatch b = tokenizer.batch(List.of("good", "not good at all"), 32);
        assertEquals(2, b.size());
        assertEquals(6, b.length());
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0}, b.attentionMask()[0]);
        assertArrayEquals(new int[] {101, 2204, 102, 0, 0, 0}, b.ids()[0]);
        TokenBatch fixed = tokenizer.batchFixed(List.of("good"), 64);
        assertEquals(64, fixed.length());
    }

    @Test
    void sentencePairsHaveSegmentsAndTruncateTheLongerSide() {
        TokenizedText e = tokenizer.encode("is it good?", "yes", 32);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1}, e.typeIds());
        TokenizedText cut = tokenizer.encode("one two three four five six", "seven", 8);
        assertEquals(8, cut.length());
        assertEquals(List.of("[CLS]", "one", "two", "three", "four", "[SEP]", "seven", "[SEP]"), cut.tokens());
    }

    @Test
    void savedTokenizerLoadsWithTheSameVocabularyAndSplits(@TempDir Path dir) throws Exception {
        BertTokenizer small = tokenizer.restrictTo(List.of("the movie was wonderful", "unaffable plot"));
        Path file = dir.resolve("tokenizer.json");
        small.save(file);
        BertTokenizer back = BertTokenizer.load(file);
        assertEquals(small.vocabularySize(), back.vocabularySize());
        assertEquals(List.of("una", "##ffa", "##ble"), back.tokenize("unaffable"));
        assertArrayEquals(small.encode("the [MASK] was wonderful", 16).ids(), back.encode("the [MASK] was wonderful", 16).ids());
        assertEquals(back.maskId(), back.encode("the [MASK] was", 16).ids()[2], "[MASK] in text stays one token");
        assertEquals(back.unknownId(), back.encode("zebra", 8).ids()[1], "words outside the small vocabulary");
    }

    @Test
    void rejectsATokenizerThatIsNotWordPiece() {
        String bpe = "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BertTokenizer.fromTokenizerJson(new java.io.ByteArrayInputStream(bpe.getBytes())));
        assertTrue(e.getMessage().contains("WordPiece"), e.getMessage());
    }
}
