package org.deepbrew.nlp.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer: basic tokenization (clean control characters, split CJK
 * characters, lowercase, strip accents, split on whitespace and punctuation), then greedy
 * longest-match WordPiece with the {@code ##} continuation prefix.
 *
 * <pre>{@code
 * WordPieceTokenizer tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer();
 * tokenizer.tokenize("Unaffable!");           // [un, ##af, ##fa, ##ble, !]
 * Batch batch = tokenizer.batch(List.of("good", "not good at all"), 64);
 * }</pre>
 */
public final class WordPieceTokenizer {
    private static final String PREFIX = "##";

    private final Map<String, Integer> vocabulary;
    private final List<String> tokens;
    private final int maxCharsPerWord;
    private final int unk;
    private final int cls;
    private final int sep;
    private final int pad;
    private final int mask;

    /** A tokenizer over {@code vocabulary} (token to id); it must hold [UNK], [CLS], [SEP], [PAD] and [MASK]. */
    public WordPieceTokenizer(Map<String, Integer> vocabulary, int maxCharsPerWord) {
        this.vocabulary = Map.copyOf(vocabulary);
        String[] byId = new String[vocabulary.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        vocabulary.forEach((token, id) -> byId[id] = token);
        this.tokens = List.of(java.util.Arrays.stream(byId).map(t -> t == null ? "" : t).toArray(String[]::new));
        this.maxCharsPerWord = maxCharsPerWord;
        this.unk = special("[UNK]");
        this.cls = special("[CLS]");
        this.sep = special("[SEP]");
        this.pad = special("[PAD]");
        this.mask = special("[MASK]");
    }

    /** Reads the vocabulary of a Hugging Face {@code tokenizer.json} whose model is WordPiece. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
            JsonObject model = root.getAsJsonObject("model");
            if (model == null || !"WordPiece".equals(model.get("type").getAsString())) {
                throw new IllegalArgumentException("tokenizer.json does not describe a WordPiece model");
            }
            Map<String, Integer> vocab = new HashMap<>();
            for (Map.Entry<String, JsonElement> e : model.getAsJsonObject("vocab").entrySet()) {
                vocab.put(e.getKey(), e.getValue().getAsInt());
            }
            JsonElement max = model.get("max_input_chars_per_word");
            return new WordPieceTokenizer(vocab, max == null ? 100 : max.getAsInt());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read tokenizer.json", e);
        }
    }

    /**
     * A tokenizer that keeps only the special tokens and the tokens {@code texts} use, renumbered
     * from 0: a small vocabulary for pretraining a small model. Words of {@code texts} split exactly
     * as before; other words may fall back to [UNK] more often.
     */
    public WordPieceTokenizer restrictTo(java.util.Collection<String> texts) {
        java.util.LinkedHashSet<String> kept = new java.util.LinkedHashSet<>(
                List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (String text : texts) {
            kept.addAll(tokenize(text));
        }
        Map<String, Integer> vocab = new HashMap<>();
        for (String token : kept) {
            vocab.put(token, vocab.size());
        }
        return new WordPieceTokenizer(vocab, maxCharsPerWord);
    }

    /** Reads a {@code vocab.txt}: one token per line, the line number (from 0) being its id. */
    public static WordPieceTokenizer fromVocabulary(java.nio.file.Path file) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Integer> vocab = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            vocab.putIfAbsent(lines.get(i), i);
        }
        return new WordPieceTokenizer(vocab, 100);
    }

    /** Writes the vocabulary as {@code vocab.txt}, one token per line in id order. */
    public void saveVocabulary(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Files.write(file, tokens, StandardCharsets.UTF_8);
    }

    private int special(String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalArgumentException("The vocabulary has no " + token + " token");
        }
        return id;
    }

    /** The WordPiece tokens of {@code text}, without special tokens. Never fails; null counts as empty. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        // Special tokens written in the text ("the movie was [MASK] .") stay whole.
        java.util.regex.Matcher m = SPECIAL.matcher(text == null ? "" : text);
        int from = 0;
        while (m.find()) {
            plain(m.start() > from ? text.substring(from, m.start()) : "", out);
            out.add(m.group());
            from = m.end();
        }
        plain(text == null ? "" : text.substring(from), out);
        return out;
    }

    private static final java.util.regex.Pattern SPECIAL = java.util.regex.Pattern.compile("\\[(MASK|CLS|SEP|PAD|UNK)\\]");

    private void plain(String text, List<String> out) {
        for (String word : basicTokens(text)) {
            wordPieces(word, out);
        }
    }

    /** {@code [CLS] text [SEP]}, truncated to at most {@code maxLength} tokens. */
    public Encoding encode(String text, int maxLength) {
        checkMaxLength(maxLength, 2);
        List<String> a = tokenize(text);
        truncate(a, null, maxLength - 2);
        return assemble(a, null);
    }

    /** {@code [CLS] a [SEP] b [SEP]}, the longer side truncated first to fit {@code maxLength}. */
    public Encoding encode(String first, String second, int maxLength) {
        checkMaxLength(maxLength, 3);
        List<String> a = tokenize(first);
        List<String> b = tokenize(second);
        truncate(a, b, maxLength - 3);
        return assemble(a, b);
    }

    /** Encodes and pads {@code texts} to the longest of them (at most {@code maxLength}). */
    public Batch batch(List<String> texts, int maxLength) {
        return pad(texts.stream().map(t -> encode(t, maxLength)).toList(), 0);
    }

    /** Encodes and pads {@code texts} to exactly {@code length} tokens. */
    public Batch batchFixed(List<String> texts, int length) {
        return pad(texts.stream().map(t -> encode(t, length)).toList(), length);
    }

    /** Encodes sentence pairs and pads them to the longest (at most {@code maxLength}). */
    public Batch batchPairs(List<String> first, List<String> second, int maxLength) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("Sentence pairs need as many second sentences (" + second.size()
                    + ") as first ones (" + first.size() + ")");
        }
        List<Encoding> encodings = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            encodings.add(encode(first.get(i), second.get(i), maxLength));
        }
        return pad(encodings, 0);
    }

    /** Pads encodings to {@code length}, or to the longest of them when {@code length} is 0. */
    public Batch pad(List<Encoding> encodings, int length) {
        int target = length > 0 ? length : encodings.stream().mapToInt(Encoding::length).max().orElse(0);
        int n = encodings.size();
        int[][] ids = new int[n][target];
        int[][] types = new int[n][target];
        int[][] attention = new int[n][target];
        for (int i = 0; i < n; i++) {
            Encoding e = encodings.get(i);
            if (e.length() > target) {
                throw new IllegalArgumentException("Encoding " + i + " has " + e.length() + " tokens, more than " + target);
            }
            java.util.Arrays.fill(ids[i], pad);
            System.arraycopy(e.ids(), 0, ids[i], 0, e.length());
            System.arraycopy(e.typeIds(), 0, types[i], 0, e.length());
            java.util.Arrays.fill(attention[i], 0, e.length(), 1);
        }
        return new Batch(ids, types, attention);
    }

    /** The id of {@code token}, or the [UNK] id. */
    public int id(String token) {
        return vocabulary.getOrDefault(token, unk);
    }

    /** The token with id {@code id}. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("Token id " + id + " is outside the vocabulary of " + tokens.size());
        }
        return tokens.get(id);
    }

    /** Number of ids (largest id + 1). */
    public int vocabularySize() {
        return tokens.size();
    }

    public int unknownId() {
        return unk;
    }

    public int clsId() {
        return cls;
    }

    public int sepId() {
        return sep;
    }

    public int padId() {
        return pad;
    }

    public int maskId() {
        return mask;
    }

    private Encoding assemble(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        all.add("[CLS]");
        all.addAll(a);
        all.add("[SEP]");
        types.addAll(Collections.nCopies(a.size() + 2, 0));
        if (b != null) {
            all.addAll(b);
            all.add("[SEP]");
            types.addAll(Collections.nCopies(b.size() + 1, 1));
        }
        int[] ids = all.stream().mapToInt(this::id).toArray();
        return new Encoding(List.copyOf(all), ids, types.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void truncate(List<String> a, List<String> b, int budget) {
        while (a.size() + (b == null ? 0 : b.size()) > budget) {
            List<String> longer = b == null || a.size() >= b.size() ? a : b;
            longer.remove(longer.size() - 1);
        }
    }

    private static void checkMaxLength(int maxLength, int specials) {
        if (maxLength < specials) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for the " + specials
                    + " special tokens");
        }
    }

    /** Greedy longest-match-first WordPiece; a word with any unmatched piece becomes [UNK]. */
    private void wordPieces(String word, List<String> out) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > maxCharsPerWord) {
            out.add("[UNK]");
            return;
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            int end = cps.length;
            String match = null;
            while (start < end) {
                String piece = new String(cps, start, end - start);
                if (start > 0) {
                    piece = PREFIX + piece;
                }
                if (vocabulary.containsKey(piece)) {
                    match = piece;
                    break;
                }
                end--;
            }
            if (match == null) {
                out.add("[UNK]");
                return;
            }
            pieces.add(match);
            start = end;
        }
        out.addAll(pieces);
    }

    /** BERT's basic tokenization: the words and punctuation marks of the normalized text. */
    static List<String> basicTokens(String text) {
        StringBuilder normalized = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            }
            if (isWhitespace(cp)) {
                normalized.append(' ');
            } else if (isCjk(cp)) {
                normalized.append(' ').appendCodePoint(cp).append(' ');
            } else {
                normalized.appendCodePoint(cp);
            }
        });
        String stripped = stripAccents(normalized.toString()).toLowerCase(java.util.Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        stripped.codePoints().forEach(cp -> {
            if (isWhitespace(cp)) {
                flush(word, words);
            } else if (isPunctuation(cp)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        });
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static String stripAccents(String s) {
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        nfd.codePoints().filter(cp -> !isMark(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isWhitespace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.isWhitespace(cp)
                || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
