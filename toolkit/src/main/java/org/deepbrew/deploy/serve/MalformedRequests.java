package org.deepbrew.deploy.serve;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Requests a server must refuse cleanly, each with the status it should answer: random bytes,
 * JSON of the wrong shape, empty texts, a huge text, wrong paths, methods and content types, and
 * JSON nested deeper than any parser should follow.
 */
final class MalformedRequests {
    /** One bad request, what kind it is and the status a correct server answers it with. */
    record Malformed(String kind, HttpRequest request, int expectedStatus) {}

    private static final List<String> WRONG_JSON = List.of(
            "{\"text\": 42}", "{\"text\": null}", "{\"text\": [\"a\"]}", "{\"texts\": \"not a list\"}",
            "{\"texts\": [1, 2]}", "{\"texts\": [\"ok\", {}]}", "[\"a list, not an object\"]", "\"just a string\"",
            "null", "{}", "{\"txt\": \"typo in the field name\"}", "{\"text\": \"unterminated", "{\"text\": \"a\",}",
            "{text: unquoted}", "{\"text\": \"a\"} {\"text\": \"b\"}", "{\"text\": \"a\", \"texts\": [\"b\"]}");
    private static final List<String> EMPTY = List.of(
            "{\"text\": \"\"}", "{\"text\": \"   \\n\\t \"}", "{\"texts\": []}", "{\"texts\": [\"fine\", \"\"]}", "");

    private final URI predictions;
    private final URI base;
    private final Duration timeout;

    MalformedRequests(URI predictionsUrl, Duration timeout) {
        this.predictions = predictionsUrl;
        this.base = predictionsUrl.resolve("/");
        this.timeout = timeout;
    }

    /** The bad request drawn from {@code random}. */
    Malformed next(Random random) {
        switch (random.nextInt(9)) {
            case 0: {
                byte[] garbage = new byte[1 + random.nextInt(2048)];
                random.nextBytes(garbage);
                return new Malformed("random bytes", json(predictions, BodyPublishers.ofByteArray(garbage)), 400);
            }
            case 1:
                return new Malformed("wrong JSON", json(predictions, pick(random, WRONG_JSON)), 400);
            case 2:
                return new Malformed("empty text", json(predictions, pick(random, EMPTY)), 400);
            case 3: {
                String huge = "a".repeat(300_000 + random.nextInt(100_000));
                return new Malformed("huge text", json(predictions, "{\"text\": \"" + huge + "\"}"), 413);
            }
            case 4:
                return new Malformed("unknown model",
                        json(base.resolve("/predictions/no-such-model-" + random.nextInt(1000)), "{\"text\": \"hi\"}"), 404);
            case 5: {
                String path = pick(random, List.of("/", "/predict", "/predictions", "/ping/extra", "/models/x",
                        "/%2e%2e/etc/passwd", "/predictions/"));
                return new Malformed("wrong path", request(base.resolve(path)).GET().build(), 404);
            }
            case 6: {
                String method = pick(random, List.of("GET", "PUT", "DELETE", "PATCH"));
                return new Malformed("wrong method", request(predictions).header("Content-Type", "application/json")
                        .method(method, BodyPublishers.ofString("{\"text\": \"hi\"}")).build(), 405);
            }
            case 7: {
                String type = pick(random, List.of("text/plain", "application/x-www-form-urlencoded",
                        "multipart/form-data", "application/jsonx"));
                return new Malformed("wrong content type", request(predictions).header("Content-Type", type)
                        .POST(BodyPublishers.ofString("{\"text\": \"hi\"}")).build(), 415);
            }
            default: {
                int depth = 1_000 + random.nextInt(20_000);
                String nested = "{\"text\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
                return new Malformed("deep nesting", json(predictions, nested), 400);
            }
        }
    }

    private HttpRequest json(URI uri, String body) {
        return json(uri, BodyPublishers.ofString(body));
    }

    private HttpRequest json(URI uri, HttpRequest.BodyPublisher body) {
        return request(uri).header("Content-Type", "application/json").POST(body).build();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    private static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
