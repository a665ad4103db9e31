package org.deepbrew.display;

import java.util.ArrayList;
import java.util.List;

/** A sink that remembers every call, for tests (also those of other packages). */
public final class RecordingSink implements DisplaySink {
    /** One call: whether it was an update, the id and the bundle. */
    public record Call(boolean update, String displayId, MimeBundle bundle) {}

    private final List<Call> calls = new ArrayList<>();
    private final boolean rich;

    public RecordingSink(boolean rich) {
        this.rich = rich;
    }

    public RecordingSink() {
        this(true);
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId) {
        calls.add(new Call(false, displayId, bundle));
    }

    @Override
    public synchronized void update(MimeBundle bundle, String displayId) {
        calls.add(new Call(true, displayId, bundle));
    }

    @Override
    public boolean showsRichOutput() {
        return rich;
    }

    public synchronized List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public synchronized long updates() {
        return calls.stream().filter(Call::update).count();
    }

    public synchronized Call last() {
        return calls.get(calls.size() - 1);
    }
}
