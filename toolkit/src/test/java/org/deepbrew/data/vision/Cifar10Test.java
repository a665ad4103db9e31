package org.deepbrew.data.vision;

import ai.djl.training.dataset.Dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Cifar10Test {

    /** Writes a batch in the real binary layout: label byte, then R plane, G plane, B plane. */
    private static void batch(Path file, int first, int count) throws IOException {
        byte[] data = new byte[count * 3073];
        for (int i = 0; i < count; i++) {
            int id = first + i;
            data[i * 3073] = (byte) (id % 10);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    data[i * 3073 + 1 + c * 1024 + p] = (byte) (c == 0 ? 255 : c == 1 ? p % 256 : id % 256);
                }
            }
        }
        Files.write(file, data);
    }

    @Test
    void readsBinaryBatchesInChannelFirstOrder(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            batch(bin.resolve("data_batch_" + b + ".bin"), (b - 1) * 4, 4);
        }
        batch(bin.resolve("test_batch.bin"), 100, 3);
        ImageSet train = Cifar10.builder().optDirectory(dir).build().images();
        assertEquals(20, train.size());
        assertEquals(3, train.channels());
        float[] v = train.image(13);
        assertEquals(1f, v[0]);                       // red plane is all 255
        assertEquals(37 / 255f, v[1024 + 37], 1e-6);  // green plane = pixel index
        assertEquals(13 / 255f, v[2048], 1e-6);       // blue plane = image id
        assertEquals(3, train.label(13));

        Cifar10 test = Cifar10.builder().optUsage(Dataset.Usage.TEST).optDirectory(bin).build();
        assertEquals(3, test.images().size());
        assertEquals("truck", test.classNames().get(9));
    }

    @Test
    void truncatedBatchIsRejected(@TempDir Path dir) throws Exception {
        batch(dir.resolve("test_batch.bin"), 0, 2);
        byte[] all = Files.readAllBytes(dir.resolve("test_batch.bin"));
        Files.write(dir.resolve("test_batch.bin"), java.util.Arrays.copyOf(all, all.length - 10));
        IOException e = assertThrows(IOException.class,
                () -> Cifar10.read(List.of(dir.resolve("test_batch.bin")), null));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aPartOtherThanTrainOrTestFailsBeforeAnythingIsRead(@TempDir Path dir) {
        // The folder is empty: the usage must be refused before the missing files are noticed.
        for (var builder : List.of(Cifar10.builder(), MnistDigits.builder(), FashionMnist.builder())) {
            ImageSource source = builder.optUsage(Dataset.Usage.VALIDATION).optDirectory(dir).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, source::images);
            assertTrue(e.getMessage().contains("has TRAIN and TEST parts, not VALIDATION"), e.getMessage());
        }
    }
}
