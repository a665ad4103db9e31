package org.deepbrew.data.augment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class WarpTest {
    @Test
    void warpShiftsRotatesAndScalesAboutTheCentre() {
        float[] img = new float[81];
        img[4 * 9 + 6] = 1f; // two right of the centre (4, 4)
        float[] out = new float[81];
        Warp.affine(0, 1, 1, 2, 9, 9).resample(img, 0, out, 0, 9, 9);
        assertEquals(1f, out[6 * 9 + 7], 1e-6f, "shifted by x+1, y+2");
        out = new float[81];
        Warp.affine(Math.PI / 2, 1, 0, 0, 9, 9).resample(img, 0, out, 0, 9, 9);
        assertEquals(1f, out[6 * 9 + 4], 1e-5f, "a quarter turn (y down) moves right of centre to below it");
        out = new float[81];
        Warp.affine(0, 2, 0, 0, 9, 9).resample(img, 0, out, 0, 9, 9);
        assertEquals(1f, out[4 * 9 + 8], 1e-6f, "doubling moves 2 right of centre to 4 right");
        assertEquals(0.5f, out[4 * 9 + 7], 1e-6f, "bilinear between the centre and the dot");
    }

    @Test
    void smoothedFieldsAreSmoothAndUnitPeak() {
        Warp.Fields f = Warp.Fields.smoothed(28, 28, 4, new java.util.Random(1));
        float[] field = f.field(0);
        float peak = 0;
        double step = 0;
        for (int p = 0; p < field.length; p++) {
            peak = Math.max(peak, Math.abs(field[p]));
            if (p % 28 != 27) {
                step = Math.max(step, Math.abs(field[p + 1] - field[p]));
            }
        }
        assertEquals(1f, peak, 1e-6f);
        assertTrue(step < 0.5, "neighbouring displacements differ little, got " + step);
    }
}
