/**
 * Serving a {@link org.deepbrew.deploy.TextModel} over HTTP and load-testing it.
 *
 * <p>{@link org.deepbrew.deploy.serve.ModelServer} runs on the JDK's {@code com.sun.net.httpserver}
 * and batches concurrent requests per model; {@link org.deepbrew.deploy.serve.LoadGenerator} sends
 * it real or malformed traffic from concurrent clients and sums the answers up in a
 * {@link org.deepbrew.deploy.serve.LoadReport}.
 */
package org.deepbrew.deploy.serve;
