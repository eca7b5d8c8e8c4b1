package dev.hindsight.notifications;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.Team;
import dev.hindsight.accounts.User;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications module's API. {@link #send} joins the caller's transaction: the inbox rows and the outbox rows
 * for e-mail and webhooks are written with the caller's change or not at all; the delivery job sends them afterwards.
 * Callers pass only recipients allowed to see what the message says (for a restricted incident: its people).
 */
@Service
public class Notifications {

    static final int MAX_BODY = 20_000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String baseUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    Notifications(
            JdbcClient jdbc,
            Accounts accounts,
            ObjectProvider<JavaMailSender> mail,
            Clock clock,
            @Value("${hindsight.base-url:}") String baseUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    }

    /** Whether e-mail can be sent (a mail server is configured with {@code spring.mail.host}). */
    public boolean emailEnabled() {
        return mail.getIfAvailable() != null;
    }

    /**
     * Sends {@code message} to every recipient: into each user's inbox and by e-mail as each user's preferences say
     * (team recipients expand to the team's members, each user once; disabled users are left out), and to every
     * enabled webhook unless the message is restricted. Never fails for a recipient without an e-mail address: that
     * channel is skipped.
     *
     * @return the ids of the users it reached (in-app or e-mail), in order
     */
    @Transactional
    public List<Long> send(List<Recipient> recipients, Message message) {
        OffsetDateTime now = now();
        Set<Long> userIds = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (Recipient r : recipients) {
            if (r.userId() != null) {
                userIds.add(r.userId());
            } else if (r.teamId() != null) {
                accounts.team(r.teamId()).map(Team::memberIds).ifPresent(userIds::addAll);
            } else if (!r.address().isBlank()) {
                addresses.add(r.address());
            }
        }
        boolean email = emailEnabled();
        List<Long> reached = new ArrayList<>();
        Map<Long, User> users = accounts.byIds(userIds);
        for (Long id : userIds) {
            User user = users.get(id);
            if (user == null || !user.enabled()) {
                continue;
            }
            Preferences preferences = preferences(id);
            boolean any = false;
            if (preferences.inApp()) {
                jdbc.sql("insert into notifications (user_id, kind, subject, body, link, created_at)"
                                + " values (?, ?, ?, ?, ?, ?)")
                        .params(id, message.type(), message.subject(), clip(message.text()), message.link(), now)
                        .update();
                any = true;
            }
            if (preferences.email() && email && user.email() != null) {
                addresses.remove(user.email());
                enqueueEmail(user.email(), message, now);
                any = true;
            }
            if (any) {
                reached.add(id);
            }
        }
        if (email) {
            for (String address : addresses) {
                enqueueEmail(address, message, now);
            }
        }
        if (!message.restricted()) {
            for (long webhookId : jdbc.sql("select id from webhooks where enabled = true order by id")
                    .query(Long.class)
                    .list()) {
                enqueueWebhook(webhookId, message, now);
            }
        }
        return reached;
    }

    /**
     * Sends {@code message} like {@link #send} only when no message was sent before under {@code mark} (such as
     * {@code reminder:action:12:2026-03-10}); the mark is written in the same transaction, so across restarts and
     * nodes a mark's message goes out once.
     *
     * @return whether this call sent it
     */
    @Transactional
    public boolean sendOnce(String mark, List<Recipient> recipients, Message message) {
        int inserted = jdbc.sql(
                        "insert into notification_marks (mark, created_at) values (?, ?) on conflict do nothing")
                .params(mark, now())
                .update();
        if (inserted == 0) {
            return false;
        }
        send(recipients, message);
        return true;
    }

    /** Whether a message was already sent under {@code mark}. */
    public boolean sent(String mark) {
        return jdbc.sql("select count(*) from notification_marks where mark = ?")
                        .param(mark)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void enqueueEmail(String address, Message message, OffsetDateTime now) {
        String text = message.text();
        if (message.link() != null) {
            text = text + "\n\n" + absolute(message.link());
        }
        long id = enqueue("EMAIL", address, null, message.type(), message.subject(), text, message.html(), now);
        for (Attachment a : message.attachments()) {
            jdbc.sql("insert into notification_attachments (outbox_id, filename, content_type, content)"
                            + " values (?, ?, ?, ?)")
                    .params(id, a.filename(), a.contentType(), a.content())
                    .update();
        }
    }

    private void enqueueWebhook(long webhookId, Message message, OffsetDateTime now) {
        String deliveryId = UUID.randomUUID().toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delivery", deliveryId);
        payload.put("type", message.type());
        payload.put("subject", message.subject());
        payload.put("text", message.text());
        payload.put("link", message.link() == null ? null : absolute(message.link()));
        payload.put("occurredAt", now.toString());
        enqueue(
                deliveryId,
                "WEBHOOK",
                "webhook " + webhookId,
                webhookId,
                message.type(),
                message.subject(),
                json.writeValueAsString(payload),
                null,
                now);
    }

    private long enqueue(
            String channel,
            String recipient,
            Long webhookId,
            String type,
            String subject,
            String body,
            String html,
            OffsetDateTime now) {
        return enqueue(UUID.randomUUID().toString(), channel, recipient, webhookId, type, subject, body, html, now);
    }

    private long enqueue(
            String deliveryId,
            String channel,
            String recipient,
            Long webhookId,
            String type,
            String subject,
            String body,
            String html,
            OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into notification_outbox (delivery_id, channel, recipient, webhook_id, kind, subject, body,"
                        + " html_body, status, attempts, next_attempt_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                .params(deliveryId, channel, recipient, webhookId, type, subject, body, html, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A link as a reader outside the app needs it: absolute with {@code hindsight.base-url} when that is set. */
    public String absolute(String link) {
        return link.startsWith("/") && !baseUrl.isEmpty() ? baseUrl + link : link;
    }

    // ---- inbox

    /** The user's latest inbox items, newest first (at most {@code limit}). */
    public List<InboxItem> inbox(Actor actor, int limit) {
        return jdbc.sql("select * from notifications where user_id = ? order by created_at desc, id desc limit ?")
                .params(actor.userId(), Math.max(1, Math.min(limit, 500)))
                .query(Notifications::item)
                .list();
    }

    /** How many unread items the user has. */
    public long unreadCount(Actor actor) {
        return jdbc.sql("select count(*) from notifications where user_id = ? and read_at is null")
                .param(actor.userId())
                .query(Long.class)
                .single();
    }

    /** Marks one of the actor's own items read; {@link NotFoundException} for anyone else's. */
    @Transactional
    public void markRead(Actor actor, long id) {
        int changed = jdbc.sql("update notifications set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
                .params(now(), id, actor.userId())
                .update();
        if (changed == 0) {
            throw new NotFoundException("No notification " + id);
        }
    }

    /** Marks all the actor's items read. */
    @Transactional
    public void markAllRead(Actor actor) {
        jdbc.sql("update notifications set read_at = ? where user_id = ? and read_at is null")
                .params(now(), actor.userId())
                .update();
    }

    // ---- preferences

    /** The user's channel preferences ({@link Preferences#DEFAULTS} until changed). */
    public Preferences preferences(long userId) {
        return jdbc.sql("select in_app, email, weekly_digest from notification_preferences where user_id = ?")
                .param(userId)
                .query((rs, n) -> new Preferences(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional()
                .orElse(Preferences.DEFAULTS);
    }

    /** Saves the actor's own preferences. */
    @Transactional
    public Preferences savePreferences(Actor actor, Preferences preferences) {
        jdbc.sql("delete from notification_preferences where user_id = ?")
                .param(actor.userId())
                .update();
        jdbc.sql("insert into notification_preferences (user_id, in_app, email, weekly_digest) values (?, ?, ?, ?)")
                .params(actor.userId(), preferences.inApp(), preferences.email(), preferences.weeklyDigest())
                .update();
        return preferences(actor.userId());
    }

    // ---- webhooks and the delivery log (admins)

    /** The configured webhooks. Admins only. */
    public List<Webhook> webhooks(Actor actor) {
        actor.require(Role.ADMIN);
        return jdbc.sql("select id, name, url, enabled, created_at from webhooks order by id")
                .query((rs, n) -> new Webhook(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("url"),
                        rs.getBoolean("enabled"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Adds a webhook that receives every message not marked restricted. Admins only; {@link InvalidInputException}
     * for a blank name, a URL that is not http(s), or a secret shorter than 16 characters.
     */
    @Transactional
    public Webhook addWebhook(Actor actor, String name, String url, String secret) {
        actor.require(Role.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            errors.add(new FieldError("name", "1 to 100 characters"));
        }
        String u = url == null ? "" : url.trim();
        if (!isWebUrl(u) || u.length() > 2000) {
            errors.add(new FieldError("url", "must be an http or https URL"));
        }
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
            errors.add(new FieldError("secret", "16 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into webhooks (name, url, secret, enabled, created_at) values (?, ?, ?, true, ?)")
                .params(n, u, secret, now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return webhooks(actor).stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    /** Removes a webhook and its pending deliveries. Admins only. */
    @Transactional
    public void removeWebhook(Actor actor, long id) {
        actor.require(Role.ADMIN);
        if (jdbc.sql("delete from webhooks where id = ?").param(id).update() == 0) {
            throw new NotFoundException("No webhook " + id);
        }
    }

    /** The latest deliveries (e-mails and webhook calls), newest first. Admins only. */
    public List<Delivery> deliveries(Actor actor, int limit) {
        actor.require(Role.ADMIN);
        return jdbc.sql("select * from notification_outbox order by created_at desc, id desc limit ?")
                .param(Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> new Delivery(
                        rs.getLong("id"),
                        rs.getString("delivery_id"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class),
                        rs.getString("last_error"),
                        (Integer) rs.getObject("last_status", Integer.class),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("delivered_at", OffsetDateTime.class)))
                .list();
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String clip(String text) {
        return text != null && text.length() > MAX_BODY ? text.substring(0, MAX_BODY - 3) + "..." : text;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static InboxItem item(ResultSet rs, int n) throws SQLException {
        return new InboxItem(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("read_at", OffsetDateTime.class));
    }
}
