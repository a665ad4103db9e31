package org.deepbrew.recsys;

/**
 * The k best (item, score) pairs offered, kept in a min-heap of size k whose root is the worst kept
 * pair. Better means a higher score, then a lower item id; NaN is worse than any number. Linear in
 * the items offered, where sorting them all would cost a log factor per item.
 */
final class TopHeap {
    private final int[] items;
    private final float[] scores;
    private int size;

    TopHeap(int k) {
        items = new int[k];
        scores = new float[k];
    }

    /** Whether (a, sa) ranks ahead of (b, sb). */
    static boolean better(int a, float sa, int b, float sb) {
        if (Float.isNaN(sa) || Float.isNaN(sb)) {
            return Float.isNaN(sb) && (!Float.isNaN(sa) || a < b);
        }
        return sa > sb || (sa == sb && a < b);
    }

    void offer(int item, float score) {
        if (size < items.length) {
            items[size] = item;
            scores[size] = score;
            siftUp(size++);
        } else if (better(item, score, items[0], scores[0])) {
            items[0] = item;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** The kept items, best first; empties the heap. */
    int[] bestFirst() {
        int[] out = new int[size];
        for (int k = size - 1; k >= 0; k--) {
            out[k] = items[0];
            size--;
            items[0] = items[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        return out;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(items[parent], scores[parent], items[i], scores[i])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int worst = i;
            for (int c = 2 * i + 1; c <= 2 * i + 2 && c < size; c++) {
                if (better(items[worst], scores[worst], items[c], scores[c])) {
                    worst = c;
                }
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
