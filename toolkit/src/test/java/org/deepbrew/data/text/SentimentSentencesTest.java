package org.deepbrew.data.text;

import org.deepbrew.data.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentimentSentencesTest {

    @Test
    void eachSourceHasFiveHundredPerClassAndSkipsTheUnlabelledEntry() {
        for (SentimentSentences.Source s : SentimentSentences.Source.values()) {
            int before = SentimentSentences.skippedUnlabelled();
            List<LabeledText> list = SentimentSentences.load(s, TestData.resolver());
            assertEquals(1, SentimentSentences.skippedUnlabelled() - before, s + " skipped count");
            assertEquals(1000, list.size(), s.name());
            assertEquals(500, list.stream().filter(t -> t.label() == 1).count(), s + " positives");
            assertTrue(list.stream().noneMatch(t -> t.text().isBlank()), s + " has blank text");
        }
        LabeledText first = SentimentSentences.load(SentimentSentences.Source.IMDB, TestData.resolver()).get(0);
        assertTrue(first.text().startsWith("A very, very, very slow-moving"), first.text());
        assertEquals(0, first.label());
    }

    @Test
    void nullClassesAreSkippedAndBadClassesNamed(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "[{\"text\":\"good\",\"class\":1},{\"text\":\"\",\"class\":null},{\"text\":\"x\"}]");
        int before = SentimentSentences.skippedUnlabelled();
        List<LabeledText> list = SentimentSentences.read(ok);
        assertEquals(List.of(new LabeledText("good", 1)), list);
        assertEquals(2, SentimentSentences.skippedUnlabelled() - before);

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"text\":\"meh\",\"class\":7}]");
        var e = assertThrows(java.io.IOException.class, () -> SentimentSentences.read(bad));
        assertTrue(e.getMessage().contains("entry 0") && e.getMessage().contains("7"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
