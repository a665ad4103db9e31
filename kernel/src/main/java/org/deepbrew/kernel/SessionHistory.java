package org.deepbrew.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The inputs of this kernel session, for Jupyter's history requests (tail, range, search). */
final class SessionHistory implements HistoryManager {
    /** History requests name the current session 0; replies number it 1. */
    private static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();
    /** A cell's result as text, by execution count; cells without a result have none. */
    private final Map<Integer, String> outputs = new HashMap<>();

    synchronized void add(int executionCount, String code) {
        entries.add(new HistoryEntry(SESSION, executionCount, code));
    }

    synchronized void recordOutput(int executionCount, String text) {
        outputs.put(executionCount, text);
    }

    /** The entries as a request asked for them: with their outputs only when it wants them. */
    private List<HistoryEntry> shaped(List<HistoryEntry> found, Set<ResultFlag> flags) {
        if (!flags.contains(ResultFlag.INCLUDE_OUTPUT)) return found;
        List<HistoryEntry> out = new ArrayList<>(found.size());
        for (HistoryEntry e : found) {
            out.add(new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(),
                    outputs.getOrDefault(e.getCellNumber(), "")));
        }
        return out;
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int n = Math.max(0, Math.min(length, entries.size()));
        return shaped(new ArrayList<>(entries.subList(entries.size() - n, entries.size())), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int startCell, int endCell, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        if (sessionOffset != 0 && sessionOffset != SESSION) {
            return out; // earlier sessions are not kept
        }
        for (HistoryEntry e : entries) {
            // IPython's convention: start inclusive, stop exclusive; a stop below 1 means "to the end".
            if (e.getCellNumber() >= startCell && (endCell <= 0 || e.getCellNumber() < endCell)) {
                out.add(e);
            }
        }
        return shaped(out, flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = globToRegex(pattern == null || pattern.isEmpty() ? "*" : pattern);
        Map<String, HistoryEntry> unique = new LinkedHashMap<>();
        List<HistoryEntry> matches = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (glob.matcher(e.getInput()).matches()) {
                if (flags.contains(ResultFlag.UNIQUE)) {
                    unique.remove(e.getInput());
                    unique.put(e.getInput(), e);
                } else {
                    matches.add(e);
                }
            }
        }
        if (flags.contains(ResultFlag.UNIQUE)) {
            matches.addAll(unique.values());
        }
        int n = length <= 0 ? matches.size() : Math.min(length, matches.size());
        return shaped(new ArrayList<>(matches.subList(matches.size() - n, matches.size())), flags);
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*': re.append(".*"); break;
                case '?': re.append('.'); break;
                default: re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
