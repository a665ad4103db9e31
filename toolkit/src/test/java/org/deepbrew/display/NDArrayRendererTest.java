package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NDArrayRendererTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void smallArraysShowEveryValueAndATable() {
        NDArray x = manager.create(new float[] {1, 2.5f, 3, 4, 5, 6}, new Shape(2, 3));
        x.setName("weights");
        MimeBundle bundle = Display.render(x);
        String text = bundle.plainText();
        assertTrue(text.startsWith("NDArray float32 (2, 3) on cpu()"), text);
        assertTrue(text.contains("\"weights\""), text);
        assertTrue(text.endsWith("[[1, 2.5, 3],\n [4, 5, 6]]"), text);
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("<td style=\"text-align:right\">2.5</td>"), html);
        assertEquals(2, html.split("<tr><th>\\d", -1).length - 1, "two data rows");
        assertArrayEquals(new float[] {1, 2.5f, 3, 4, 5, 6}, x.toFloatArray(), "the array is unchanged");
    }

    @Test
    void integerAndBooleanArraysAreShown() {
        assertTrue(Display.render(manager.create(new int[] {7, 8})).plainText().endsWith("[7, 8]"));
        assertTrue(Display.render(manager.create(new boolean[] {true, false})).plainText().endsWith("[1, 0]"));
        assertTrue(Display.render(manager.create(3f)).plainText().endsWith("\n3"));
    }

    @Test
    void largeArraysAreSummarizedWithoutLeakingOrChangingThem() {
        NDArray big = manager.arange(0f, 1000f).reshape(10, 100);
        int before = manager.getManagedArrays().size();
        String text = Display.render(big).plainText();
        assertTrue(text.startsWith("NDArray float32 (10, 100) on cpu() · 1,000 elements"), text);
        assertTrue(text.contains("first [0, 1, 2, 3, 4] … last [995, 996, 997, 998, 999]"), text);
        assertTrue(text.contains("min 0, max 999, mean 499.5"), text);
        assertFalse(text.contains(", 500,"), "middle values are not listed");
        assertEquals(before, manager.getManagedArrays().size(), "temporaries are closed");
        assertEquals(new Shape(10, 100), big.getShape());
        assertEquals(999f, big.get(9, 99).getFloat());

        NDArray ints = manager.arange(0, 200).toType(DataType.INT32, false);
        assertTrue(Display.render(ints).plainText().contains("mean 99.5"));
    }

    @Test
    void closedArraysSayClosed() {
        NDArray x = manager.ones(new Shape(3));
        x.close();
        MimeBundle bundle = Display.render(x);
        assertTrue(bundle.plainText().contains("closed"), bundle.plainText());
    }
}
