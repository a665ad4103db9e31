package org.deepbrew.deploy.serve;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /predictions/{model}}: {@code {"text": "..."}} for one text or
 * {@code {"texts": ["...", ...]}} for several. Other fields are ignored.
 *
 * <p>Parsing is strict JSON (Gson's default parser would also accept unquoted words) and every
 * refusal names what is wrong, since the message goes back to whoever wrote the request.
 */
record PredictionRequest(List<String> texts, boolean single) {
    private static final TypeAdapter<JsonElement> JSON = new Gson().getAdapter(JsonElement.class);

    /** Parses {@code body} or explains, as a 400 or 413, why it cannot be served. */
    static PredictionRequest parse(byte[] body, int maxTextChars, int maxTexts) throws HttpError {
        JsonElement root = parseJson(decode(body));
        if (!root.isJsonObject()) {
            throw HttpError.badRequest("the body must be a JSON object such as {\"text\": \"...\"}, not "
                    + kind(root));
        }
        JsonObject object = root.getAsJsonObject();
        boolean hasText = object.has("text");
        boolean hasTexts = object.has("texts");
        if (hasText == hasTexts) {
            throw HttpError.badRequest(hasText
                    ? "send either \"text\" or \"texts\", not both"
                    : "missing field \"text\" (one string) or \"texts\" (a list of strings)");
        }
        List<String> texts = new ArrayList<>();
        if (hasText) {
            texts.add(text(object.get("text"), "\"text\"", maxTextChars));
        } else {
            JsonElement list = object.get("texts");
            if (!list.isJsonArray()) {
                throw HttpError.badRequest("\"texts\" must be a list of strings, not " + kind(list));
            }
            JsonArray array = list.getAsJsonArray();
            if (array.isEmpty()) {
                throw HttpError.badRequest("\"texts\" is empty: send at least one text");
            }
            if (array.size() > maxTexts) {
                throw HttpError.tooLarge("\"texts\" holds " + array.size() + " texts; at most " + maxTexts
                        + " per request");
            }
            for (int i = 0; i < array.size(); i++) {
                texts.add(text(array.get(i), "\"texts\"[" + i + "]", maxTextChars));
            }
        }
        return new PredictionRequest(List.copyOf(texts), hasText);
    }

    private static String decode(byte[] body) throws HttpError {
        if (body.length == 0) {
            throw HttpError.badRequest("the body is empty; send JSON such as {\"text\": \"...\"}");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw HttpError.badRequest("the body is not valid UTF-8");
        }
    }

    private static JsonElement parseJson(String body) throws HttpError {
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setLenient(false);
            JsonElement root = JSON.read(reader);
            boolean more;
            try {
                more = reader.peek() != JsonToken.END_DOCUMENT;
            } catch (IOException e) {
                more = true; // strict readers refuse a second top-level value
            }
            if (more) {
                throw HttpError.badRequest("the body holds more than one JSON value");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw HttpError.badRequest("the body is not valid JSON: " + shorten(e.getMessage()));
        } catch (StackOverflowError e) {
            throw HttpError.badRequest("the body's JSON is nested too deeply");
        }
    }

    private static String text(JsonElement element, String where, int maxTextChars) throws HttpError {
        if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw HttpError.badRequest(where + " must be a string, not " + kind(element));
        }
        String text = element.getAsString();
        if (text.isBlank()) {
            throw HttpError.badRequest(where + " is empty");
        }
        if (text.length() > maxTextChars) {
            throw HttpError.tooLarge(where + " has " + text.length() + " characters; at most " + maxTextChars);
        }
        return text;
    }

    private static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.getAsJsonPrimitive().isNumber()) {
            return "a number";
        }
        return e.getAsJsonPrimitive().isBoolean() ? "a boolean" : "a string";
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Gson's messages advise the programmer (lenient mode, a troubleshooting link); the client needs the position.
        int see = message.indexOf("\nSee ");
        String s = see >= 0 ? message.substring(0, see) : message;
        s = s.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON")
                .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON");
        int path = s.lastIndexOf(" path $");
        s = path > 0 ? s.substring(0, path) : s;
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
