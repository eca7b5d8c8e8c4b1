package dev.hindsight.notifications.internal;

import dev.hindsight.notifications.WebhookSignature;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through the notification outbox: sends each due e-mail and webhook call, records the outcome in the delivery
 * log, and retries failures with exponential backoff ({@code retry-base} × 2^(attempts − 1), at most 12 hours) until
 * {@code max-attempts}. A webhook answer of 2xx is a success; 5xx, 408, 429, timeouts and connection errors are
 * retried; other 4xx answers are final failures (the receiver refused the request).
 */
@Component
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(12);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration webhookTimeout;
    private final HttpClient http;

    OutboxDelivery(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mail,
            Clock clock,
            @Value("${hindsight.notifications.mail-from:hindsight@localhost}") String from,
            @Value("${hindsight.notifications.max-attempts:8}") int maxAttempts,
            @Value("${hindsight.notifications.retry-base:PT1M}") Duration retryBase,
            @Value("${hindsight.notifications.webhook-timeout:PT10S}") Duration webhookTimeout) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        this.webhookTimeout = webhookTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(webhookTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private record Item(
            long id,
            String deliveryId,
            String channel,
            String recipient,
            Long webhookId,
            String type,
            String subject,
            String body,
            String html,
            int attempts) {}

    private record Outcome(boolean ok, boolean retry, Integer status, String error) {}

    /** The periodic run: {@link #deliverDue} on the one node holding the lock. */
    @Scheduled(fixedDelayString = "${hindsight.notifications.delivery-interval:PT30S}")
    @SchedulerLock(name = "notification-outbox", lockAtMostFor = "PT10M")
    public void deliver() {
        deliverDue();
    }

    /** Delivers what is due now; returns how many deliveries succeeded in this round. */
    public int deliverDue() {
        OffsetDateTime now = now();
        List<Item> due = jdbc.sql("select * from notification_outbox where status = 'PENDING' and next_attempt_at <= ?"
                        + " order by next_attempt_at, id limit " + BATCH)
                .param(now)
                .query((rs, n) -> new Item(
                        rs.getLong("id"),
                        rs.getString("delivery_id"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        (Long) rs.getObject("webhook_id", Long.class),
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("html_body"),
                        rs.getInt("attempts")))
                .list();
        int sent = 0;
        for (Item item : due) {
            Outcome outcome;
            try {
                outcome = item.channel().equals("WEBHOOK") ? callWebhook(item) : sendEmail(item);
            } catch (RuntimeException e) {
                outcome = new Outcome(false, true, null, describe(e));
            }
            record(item, outcome);
            if (outcome.ok()) {
                sent++;
            }
        }
        return sent;
    }

    private void record(Item item, Outcome outcome) {
        int attempts = item.attempts() + 1;
        OffsetDateTime now = now();
        if (outcome.ok()) {
            jdbc.sql("update notification_outbox set status = 'SENT', attempts = ?, last_status = ?, last_error = null,"
                            + " delivered_at = ? where id = ?")
                    .params(attempts, outcome.status(), now, item.id())
                    .update();
            return;
        }
        boolean giveUp = !outcome.retry() || attempts >= maxAttempts;
        String error = outcome.error() == null ? "failed" : outcome.error();
        if (error.length() > 2000) {
            error = error.substring(0, 2000);
        }
        log.warn(
                "Delivery {} ({} to {}) attempt {} failed: {}",
                item.deliveryId(),
                item.channel(),
                item.recipient(),
                attempts,
                error);
        jdbc.sql("update notification_outbox set status = ?, attempts = ?, last_status = ?, last_error = ?,"
                        + " next_attempt_at = ? where id = ?")
                .params(
                        giveUp ? "FAILED" : "PENDING",
                        attempts,
                        outcome.status(),
                        error,
                        giveUp ? now : now.plus(backoff(retryBase, attempts)),
                        item.id())
                .update();
    }

    /** The wait after the {@code attempts}-th failed attempt: base × 2^(attempts − 1), at most 12 hours. */
    public static Duration backoff(Duration base, int attempts) {
        Duration wait = base;
        for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private Outcome callWebhook(Item item) {
        var hook = jdbc.sql("select url, secret, enabled from webhooks where id = ?")
                .param(item.webhookId())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3))})
                .optional();
        if (hook.isEmpty() || !Boolean.parseBoolean(hook.get()[2])) {
            return new Outcome(false, false, null, "webhook removed or disabled");
        }
        byte[] body = item.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.get()[0]))
                .timeout(webhookTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Hindsight-Hookshot")
                .header("X-Hindsight-Event", item.type())
                .header("X-Hindsight-Delivery", item.deliveryId())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(hook.get()[1], body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, false, status, null);
            }
            boolean retry = status >= 500 || status == 408 || status == 429;
            return new Outcome(false, retry, status, "HTTP " + status);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(false, true, null, "timed out after " + webhookTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Outcome(false, true, null, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, null, "interrupted");
        }
    }

    private Outcome sendEmail(Item item) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new Outcome(false, true, null, "no mail server configured (spring.mail.host)");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            message.setFrom(new InternetAddress(from));
            message.setRecipients(RecipientType.TO, InternetAddress.parse(item.recipient()));
            message.setSubject(item.subject(), "UTF-8");
            message.setHeader("X-Hindsight-Delivery", item.deliveryId());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(item.body(), "UTF-8");
            alternative.addBodyPart(text);
            if (item.html() != null) {
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(item.html(), "text/html; charset=UTF-8");
                alternative.addBodyPart(html);
            }
            List<String[]> attachments = jdbc.sql(
                            "select filename, content_type, content from notification_attachments where outbox_id = ?"
                                    + " order by id")
                    .param(item.id())
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list();
            for (String[] a : attachments) {
                if (a[1].toLowerCase(java.util.Locale.ROOT).startsWith("text/calendar")) {
                    MimeBodyPart calendar = new MimeBodyPart();
                    calendar.setDataHandler(
                            new DataHandler(new ByteArrayDataSource(a[2].getBytes(StandardCharsets.UTF_8), a[1])));
                    calendar.setHeader("Content-Type", a[1]);
                    alternative.addBodyPart(calendar);
                }
            }
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart wrapper = new MimeBodyPart();
            wrapper.setContent(alternative);
            mixed.addBodyPart(wrapper);
            for (String[] a : attachments) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(a[2].getBytes(StandardCharsets.UTF_8), a[1])));
                file.setHeader("Content-Type", a[1]);
                file.setFileName(a[0]);
                file.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(file);
            }
            message.setContent(mixed);
            message.saveChanges();
            sender.send(message);
            return new Outcome(true, false, null, null);
        } catch (MessagingException | MailException e) {
            return new Outcome(false, true, null, describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
