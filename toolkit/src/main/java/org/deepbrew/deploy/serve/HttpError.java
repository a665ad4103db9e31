package org.deepbrew.deploy.serve;

import java.util.Map;

/** A request the server refuses: the HTTP status, a message for the client and any extra headers. */
final class HttpError extends Exception {
    private final int status;
    private final Map<String, String> headers;

    HttpError(int status, String message) {
        this(status, message, Map.of());
    }

    HttpError(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    static HttpError tooLarge(String message) {
        return new HttpError(413, message);
    }

    /** 503 with {@code Retry-After}: the client may try again later (load shedding, stopping). */
    static HttpError unavailable(String message, int retryAfterSeconds) {
        return new HttpError(503, message, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
