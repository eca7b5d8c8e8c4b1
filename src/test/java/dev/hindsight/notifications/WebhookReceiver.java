package dev.hindsight.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver stub on the JDK's HTTP server. It checks each request's {@code X-Hub-Signature-256} with its own
 * HMAC computation (not Hindsight's code), records what came, and answers with scripted statuses (200 once the script
 * is used up); a status of -1 means "do not answer in time".
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String body, String signature, boolean signatureValid, String deliveryId, String event) {}

    private final HttpServer server;
    private final String secret;
    private final Deque<Integer> script = new ArrayDeque<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret, Integer... statuses) {
        this.secret = secret;
        script.addAll(List.of(statuses));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
            received.add(new Received(
                    new String(body, StandardCharsets.UTF_8),
                    signature,
                    valid(body, signature),
                    exchange.getRequestHeaders().getFirst("X-Hindsight-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Hindsight-Event")));
            Integer status;
            synchronized (script) {
                status = script.isEmpty() ? 200 : script.poll();
            }
            if (status == -1) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private boolean valid(byte[] body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            return header != null
                    && MessageDigest.isEqual(
                            expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
