package org.deepbrew.train;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of tests that share one engine manager for the whole class, closed when the class is done. */
public abstract class WithNDManager {
    protected static NDManager manager;

    @BeforeAll
    public static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    public static void closeManager() {
        manager.close();
    }
}
