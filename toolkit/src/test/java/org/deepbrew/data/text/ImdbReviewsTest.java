package org.deepbrew.data.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImdbReviewsTest {

    @Test
    void readsPosAndNegFoldersWithLabelsAndLimit(@TempDir Path root) throws Exception {
        for (String part : List.of("train", "test")) {
            for (String cls : List.of("pos", "neg")) {
                Path d = Files.createDirectories(root.resolve("aclImdb").resolve(part).resolve(cls));
                for (int i = 0; i < 3; i++) {
                    Files.writeString(d.resolve(i + "_" + (cls.equals("pos") ? 9 : 2) + ".txt"),
                            cls + " review " + i + "<br /><br />second line");
                }
            }
        }
        Files.writeString(root.resolve("aclImdb/train/pos/urls.csv.ignored"), "not a review");
        List<LabeledText> train = ImdbReviews.read(root, ImdbReviews.Part.TRAIN, Integer.MAX_VALUE);
        assertEquals(6, train.size());
        assertEquals(3, train.stream().filter(t -> t.label() == 1).count());
        assertTrue(train.stream().allMatch(t -> t.text().startsWith(t.label() == 1 ? "pos" : "neg")));
        assertTrue(train.stream().noneMatch(t -> t.text().contains("<br")));
        assertEquals(4, ImdbReviews.read(root.resolve("aclImdb"), ImdbReviews.Part.TEST, 2).size());
        assertThrows(IllegalArgumentException.class, () -> ImdbReviews.read(root.resolve("nothing"),
                ImdbReviews.Part.TEST, 1));
    }
}
