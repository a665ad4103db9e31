package org.deepbrew.nlp.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer. Hugging Face's tokenizers library does the splitting (clean
 * control characters, split CJK characters, lowercase, strip accents, split on whitespace and
 * punctuation, greedy longest-match WordPiece), exactly as the model was trained with; this class
 * adds what BERT's inputs need on top: {@code [CLS] … [SEP]}, truncation, sentence pairs, padding.
 *
 * <pre>{@code
 * BertTokenizer tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer();
 * tokenizer.tokenize("Unaffable!");           // [una, ##ffa, ##ble, !]
 * TokenBatch batch = tokenizer.batch(List.of("good", "not good at all"), 64);
 * }</pre>
 */
public final class BertTokenizer {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final List<String> SPECIALS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private final JsonObject spec;
    private final HuggingFaceTokenizer splitter;
    private final Map<String, Integer> vocabulary;
    private final List<String> tokens;
    private final int unk;
    private final int cls;
    private final int sep;
    private final int pad;
    private final int mask;

    private BertTokenizer(JsonObject spec) {
        JsonObject model = spec.getAsJsonObject("model");
        if (model == null || !model.has("type") || !"WordPiece".equals(model.get("type").getAsString())) {
            throw new IllegalArgumentException("tokenizer.json does not describe a WordPiece model");
        }
        // Truncation and padding are ours (per batch, pair-aware); the file's fixed settings would clash.
        spec.add("truncation", JsonNull.INSTANCE);
        spec.add("padding", JsonNull.INSTANCE);
        this.spec = spec;
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, JsonElement> e : model.getAsJsonObject("vocab").entrySet()) {
            vocab.put(e.getKey(), e.getValue().getAsInt());
        }
        this.vocabulary = Map.copyOf(vocab);
        String[] byId = new String[vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        vocab.forEach((token, id) -> byId[id] = token);
        this.tokens = List.of(Arrays.stream(byId).map(t -> t == null ? "" : t).toArray(String[]::new));
        this.unk = special("[UNK]");
        this.cls = special("[CLS]");
        this.sep = special("[SEP]");
        this.pad = special("[PAD]");
        this.mask = special("[MASK]");
        byte[] json = new Gson().toJson(spec).getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new ByteArrayInputStream(json)) {
            this.splitter = HuggingFaceTokenizer.newInstance(in,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false", "maxLength", "512"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the tokenizer", e);
        }
        // The native tokenizer is freed with this object; it touches no engine, so any thread may.
        CLEANER.register(this, splitter::close);
    }

    /** Reads a Hugging Face {@code tokenizer.json} whose model is WordPiece. */
    public static BertTokenizer fromTokenizerJson(InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new BertTokenizer(JsonParser.parseReader(reader).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer.json", e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("tokenizer.json is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** Reads a {@code tokenizer.json} written by {@link #save(Path)} or by Hugging Face. */
    public static BertTokenizer load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromTokenizerJson(in);
        }
    }

    /** Writes this tokenizer as a {@code tokenizer.json} that {@link #load(Path)} and Hugging Face read. */
    public void save(Path file) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(spec), StandardCharsets.UTF_8);
    }

    /**
     * A tokenizer that keeps only the special tokens and the tokens {@code texts} use, renumbered
     * from 0: a small vocabulary for pretraining a small model. Words of {@code texts} split exactly
     * as before; other words may fall back to [UNK] more often.
     */
    public BertTokenizer restrictTo(Collection<String> texts) {
        LinkedHashSet<String> kept = new LinkedHashSet<>(SPECIALS);
        for (String text : texts) {
            kept.addAll(tokenize(text));
        }
        JsonObject vocab = new JsonObject();
        Map<String, Integer> ids = new HashMap<>();
        for (String token : kept) {
            ids.put(token, ids.size());
            vocab.addProperty(token, ids.get(token));
        }
        JsonObject copy = spec.deepCopy();
        copy.getAsJsonObject("model").add("vocab", vocab);
        JsonArray added = new JsonArray();
        for (JsonElement e : copy.getAsJsonArray("added_tokens")) {
            JsonObject t = e.getAsJsonObject();
            Integer id = ids.get(t.get("content").getAsString());
            if (id != null) {
                t.addProperty("id", id);
                added.add(t);
            }
        }
        copy.add("added_tokens", added);
        renumberPostProcessor(copy, ids);
        return new BertTokenizer(copy);
    }

    /** The template's special tokens carry ids; keep them right so the file works in Python too. */
    private static void renumberPostProcessor(JsonObject spec, Map<String, Integer> ids) {
        JsonElement post = spec.get("post_processor");
        if (post == null || !post.isJsonObject() || !post.getAsJsonObject().has("special_tokens")) {
            return;
        }
        for (Map.Entry<String, JsonElement> e : post.getAsJsonObject().getAsJsonObject("special_tokens").entrySet()) {
            JsonObject t = e.getValue().getAsJsonObject();
            JsonArray newIds = new JsonArray();
            for (JsonElement token : t.getAsJsonArray("tokens")) {
                newIds.add(ids.getOrDefault(token.getAsString(), 0));
            }
            t.add("ids", newIds);
        }
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
        return List.of(split(text).getTokens());
    }

    private Encoding split(String text) {
        return splitter.encode(text == null ? "" : text, false, false);
    }

    private List<Integer> splitIds(String text) {
        long[] ids = split(text).getIds();
        List<Integer> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            out.add((int) id);
        }
        return out;
    }

    /** {@code [CLS] text [SEP]}, truncated to at most {@code maxLength} tokens. */
    public TokenizedText encode(String text, int maxLength) {
        checkMaxLength(maxLength, 2);
        List<Integer> a = new ArrayList<>(splitIds(text));
        truncate(a, null, maxLength - 2);
        return assemble(a, null);
    }

    /** {@code [CLS] a [SEP] b [SEP]}, the longer side truncated first to fit {@code maxLength}. */
    public TokenizedText encode(String first, String second, int maxLength) {
        checkMaxLength(maxLength, 3);
        List<Integer> a = new ArrayList<>(splitIds(first));
        List<Integer> b = new ArrayList<>(splitIds(second));
        truncate(a, b, maxLength - 3);
        return assemble(a, b);
    }

    /** Encodes and pads {@code texts} to the longest of them (at most {@code maxLength}). */
    public TokenBatch batch(List<String> texts, int maxLength) {
        return pad(texts.stream().map(t -> encode(t, maxLength)).toList(), 0);
    }

    /** Encodes and pads {@code texts} to exactly {@code length} tokens. */
    public TokenBatch batchFixed(List<String> texts, int length) {
        return pad(texts.stream().map(t -> encode(t, length)).toList(), length);
    }

    /** Encodes sentence pairs and pads them to the longest (at most {@code maxLength}). */
    public TokenBatch batchPairs(List<String> first, List<String> second, int maxLength) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("Sentence pairs need as many second sentences (" + second.size()
                    + ") as first ones (" + first.size() + ")");
        }
        List<TokenizedText> encodings = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            encodings.add(encode(first.get(i), second.get(i), maxLength));
        }
        return pad(encodings, 0);
    }

    /** Pads encodings to {@code length}, or to the longest of them when {@code length} is 0. */
    public TokenBatch pad(List<TokenizedText> encodings, int length) {
        int target = length > 0 ? length : encodings.stream().mapToInt(TokenizedText::length).max().orElse(0);
        int n = encodings.size();
        int[][] ids = new int[n][target];
        int[][] types = new int[n][target];
        int[][] attention = new int[n][target];
        for (int i = 0; i < n; i++) {
            TokenizedText e = encodings.get(i);
            if (e.length() > target) {
                throw new IllegalArgumentException("Text " + i + " has " + e.length() + " tokens, more than " + target);
            }
            Arrays.fill(ids[i], pad);
            System.arraycopy(e.ids(), 0, ids[i], 0, e.length());
            System.arraycopy(e.typeIds(), 0, types[i], 0, e.length());
            Arrays.fill(attention[i], 0, e.length(), 1);
        }
        return new TokenBatch(ids, types, attention);
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

    private TokenizedText assemble(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        all.add(cls);
        all.addAll(a);
        all.add(sep);
        types.addAll(Collections.nCopies(a.size() + 2, 0));
        if (b != null) {
            all.addAll(b);
            all.add(sep);
            types.addAll(Collections.nCopies(b.size() + 1, 1));
        }
        int[] ids = all.stream().mapToInt(Integer::intValue).toArray();
        List<String> names = all.stream().map(this::token).toList();
        return new TokenizedText(names, ids, types.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void truncate(List<Integer> a, List<Integer> b, int budget) {
        while (a.size() + (b == null ? 0 : b.size()) > budget) {
            List<Integer> longer = b == null || a.size() >= b.size() ? a : b;
            longer.remove(longer.size() - 1);
        }
    }

    private static void checkMaxLength(int maxLength, int specials) {
        if (maxLength < specials) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for the " + specials
                    + " special tokens");
        }
    }
}
