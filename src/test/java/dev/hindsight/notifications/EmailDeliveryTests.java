package dev.hindsight.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.UserForm;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.meetings.Meeting;
import dev.hindsight.meetings.MeetingForm;
import dev.hindsight.meetings.Meetings;
import dev.hindsight.notifications.internal.OutboxDelivery;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.ControlledClockConfiguration;
import dev.hindsight.testing.TestUsers;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** E-mail over SMTP to an in-process GreenMail server: plain notifications and meeting invitations. */
@SpringBootTest
@ActiveProfiles("test")
@Import(ControlledClockConfiguration.class)
class EmailDeliveryTests {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("hindsight.notifications.mail-from", () -> "hindsight@example.org");
        registry.add("hindsight.base-url", () -> "https://hindsight.example.org");
    }

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Meetings meetings;

    Actor admin;
    String unique;

    @BeforeEach
    void setUp() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        admin = TestUsers.admin(accounts);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    Actor user(String prefix, boolean withEmail) {
        String name = prefix + "-" + unique;
        var u = accounts.create(
                admin,
                new UserForm(
                        name,
                        "Person " + name,
                        withEmail ? name + "@example.org" : null,
                        "editor",
                        TestUsers.PASSWORD));
        return new Actor(u.id(), u.username(), u.role());
    }

    List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void emailsUsersWithAnAddressAndExternalAddressesWithAnAbsoluteLink() throws Exception {
        Actor withEmail = user("mail", true);
        Actor without = user("nomail", false);
        Actor quiet = user("quiet", true);
        notifications.savePreferences(quiet, new Preferences(true, false, true));

        notifications.send(
                List.of(
                        Recipient.user(withEmail.userId()),
                        Recipient.user(without.userId()),
                        Recipient.user(quiet.userId()),
                        Recipient.address("stakeholders@example.org")),
                Message.of("test", "Hello by mail " + unique, "Ünïcode body", "/incidents/INC-1"));
        assertThat(delivery.deliverDue()).isEqualTo(2);

        List<MimeMessage> mine = to(withEmail.username() + "@example.org");
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().getSubject()).isEqualTo("Hello by mail " + unique);
        assertThat(mine.getFirst().getFrom()[0].toString()).isEqualTo("hindsight@example.org");
        assertThat(texts(mine.getFirst()))
                .anySatisfy(
                        t -> assertThat(t).contains("Ünïcode body", "https://hindsight.example.org/incidents/INC-1"));
        assertThat(to("stakeholders@example.org")).hasSize(1);
        assertThat(to(quiet.username() + "@example.org"))
                .as("turned e-mail off")
                .isEmpty();
        assertThat(notifications.deliveries(admin, 10))
                .filteredOn(d -> d.subject().equals("Hello by mail " + unique))
                .extracting(Delivery::status)
                .containsOnly("SENT");
    }

    @Test
    void sendsTheMeetingInvitationAsATextCalendarRequestPartAndAnIcsAttachment() throws Exception {
        Actor organizer = user("org", true);
        Actor commander = user("ic", true);
        IncidentForm f = IncidentFixtures.sev2("Mail meeting " + unique);
        IncidentId id = incidents
                .create(
                        organizer,
                        new IncidentForm(
                                f.title(),
                                f.summary(),
                                f.severity(),
                                f.status(),
                                f.visibility(),
                                f.services(),
                                f.impactDescription(),
                                f.usersAffected(),
                                f.errorBudgetConsumed(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                commander.username(),
                                List.of(),
                                f.tags(),
                                f.links(),
                                f.customFields()))
                .id();
        Meeting meeting = meetings.schedule(
                organizer, id, new MeetingForm("2026-03-10T14:00Z", 60, "Room 1", null, null, null), null);

        delivery.deliverDue();

        List<MimeMessage> received = to(commander.username() + "@example.org");
        assertThat(received).hasSize(1);
        List<String> types = new ArrayList<>();
        List<String> calendars = new ArrayList<>();
        List<String> files = new ArrayList<>();
        walk(received.getFirst(), types, calendars, files);
        assertThat(types).anySatisfy(t -> assertThat(t.toLowerCase()).startsWith("text/calendar; method=request"));
        assertThat(files).contains("invite.ics");
        assertThat(calendars).isNotEmpty();
        for (String text : calendars) {
            ICalendar calendar = Biweekly.parse(text).first();
            assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
            assertThat(calendar.getEvents().getFirst().getUid().getValue()).isEqualTo(meeting.uid());
            assertThat(calendar.getEvents().getFirst().getAttendees())
                    .extracting(a -> a.getEmail())
                    .containsExactly(commander.username() + "@example.org");
        }
    }

    private static List<String> texts(Part part) throws Exception {
        List<String> texts = new ArrayList<>();
        collectText(part, texts);
        return texts;
    }

    private static void collectText(Part part, List<String> texts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectText(multipart.getBodyPart(i), texts);
            }
        } else if (part.isMimeType("text/plain")) {
            texts.add((String) part.getContent());
        }
    }

    private static void walk(Part part, List<String> types, List<String> calendars, List<String> files)
            throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, types, calendars, files);
            }
            return;
        }
        types.add(part.getContentType().replaceAll("\\s+", " "));
        if (part.getFileName() != null) {
            files.add(part.getFileName());
        }
        if (part.isMimeType("text/calendar")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(out);
            calendars.add(out.toString(StandardCharsets.UTF_8));
        }
    }
}
