package dev.hindsight.demo;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.Team;
import dev.hindsight.accounts.User;
import dev.hindsight.accounts.UserForm;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.FiveWhys;
import dev.hindsight.analysis.FiveWhysAnalysis;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.analysis.WhyNode;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.evidence.EvidenceUpload;
import dev.hindsight.faulttrees.FaultTrees;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentForm.ParticipantEntry;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentLink;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.IncidentSettings;
import dev.hindsight.postmortem.Postmortem;
import dev.hindsight.postmortem.PostmortemDocuments;
import dev.hindsight.shared.Actor;
import dev.hindsight.timeline.EntryForm;
import dev.hindsight.timeline.IncidentTimeline;
import dev.hindsight.timeline.StatementForm;
import dev.hindsight.timeline.TimelineEntry;
import dev.hindsight.timeline.TimelineFilter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo dataset once per database (a marker row makes it safe with several nodes starting together). */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final ServiceCatalog catalog;
    private final IncidentManagement incidents;
    private final IncidentSettings settings;
    private final RootCauseAnalysis analysis;
    private final FiveWhysAnalysis fiveWhys;
    private final EvidenceCollection evidence;
    private final FaultTrees faultTrees;
    private final PostmortemDocuments postmortems;
    private final IncidentTimeline timeline;
    private final Clock clock;

    DemoData(
            @Value("${hindsight.demo-data:false}") boolean enabled,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Accounts accounts,
            ServiceCatalog catalog,
            IncidentManagement incidents,
            IncidentSettings settings,
            RootCauseAnalysis analysis,
            FiveWhysAnalysis fiveWhys,
            EvidenceCollection evidence,
            FaultTrees faultTrees,
            PostmortemDocuments postmortems,
            IncidentTimeline timeline,
            Clock clock) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accounts = accounts;
        this.catalog = catalog;
        this.incidents = incidents;
        this.settings = settings;
        this.analysis = analysis;
        this.fiveWhys = fiveWhys;
        this.evidence = evidence;
        this.faultTrees = faultTrees;
        this.postmortems = postmortems;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("insert into app_markers (name, created_at) values ('demo-data', ?)")
                        .param(OffsetDateTime.now(clock))
                        .update();
                load();
            });
            log.info("Loaded the demo dataset.");
        } catch (DuplicateKeyException alreadyLoaded) {
            log.debug("Demo dataset already loaded.");
        }
    }

    private void load() {
        User admin = accounts.findByUsername("admin").orElseThrow();
        Actor actor = new Actor(admin.id(), admin.username(), admin.role());
        User alice = accounts.create(actor, new UserForm("alice", "Alice Moreau", "alice@example.com", "editor", null));
        User bilal = accounts.create(actor, new UserForm("bilal", "Bilal Haddad", "bilal@example.com", "editor", null));
        User chen = accounts.create(actor, new UserForm("chen", "Chen Wei", "chen@example.com", "viewer", null));
        User dara = accounts.create(actor, new UserForm("dara", "Dara O'Neill", "dara@example.com", "editor", null));
        Team payments = accounts.createTeam(
                actor, "Payments", "Checkout and payment processing", List.of(alice.id(), bilal.id()));
        Team platform = accounts.createTeam(
                actor, "Platform", "Kubernetes, networking, databases", List.of(chen.id(), dara.id()));
        Team search = accounts.createTeam(actor, "Search", "Product search and recommendations", List.of(dara.id()));
        catalog.create(actor, "checkout-api", "Checkout and order placement", payments.id());
        catalog.create(actor, "payments-gateway", "Card payments through the PSP", payments.id());
        catalog.create(actor, "postgres-main", "Primary PostgreSQL cluster", platform.id());
        catalog.create(actor, "edge-proxy", "Ingress load balancers", platform.id());
        catalog.create(actor, "search-api", "Product search", search.id());
        settings.defineField(
                actor, "region", "Region", "choice", false, List.of("eu-west-1", "us-east-1", "ap-south-1"));
        settings.defineField(actor, "customer_tickets", "Customer tickets", "number", false, null);

        OffsetDateTime base =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Incident checkout = incidents.create(
                actor,
                form(
                        "Checkout errors after payments-gateway deploy",
                        "A configuration change in the payments gateway rejected cards from one issuer; checkout failed for about 8% of orders.",
                        "SEV1",
                        "resolved",
                        "normal",
                        List.of("checkout-api", "payments-gateway"),
                        "8% of checkout attempts failed with a card error",
                        12_400L,
                        38.5,
                        base.minusDays(20),
                        0,
                        7,
                        9,
                        52,
                        "alice",
                        List.of(new ParticipantEntry("bilal", "responder"), new ParticipantEntry("dara", "scribe")),
                        List.of("deploy", "config", "customer-facing"),
                        Map.of("region", "eu-west-1", "customer_tickets", "214")));
        analyseCheckout(actor, checkout);
        writePostmortem(actor, checkout);
        incidents.changeStatus(actor, checkout.id(), "closed", checkout.version());
        Incident database = incidents.create(
                actor,
                form(
                        "Primary database failover took 14 minutes",
                        "A disk on the primary PostgreSQL node degraded; automatic failover stalled on a replication slot.",
                        "SEV2",
                        "resolved",
                        "normal",
                        List.of("postgres-main", "checkout-api"),
                        "Writes failed for 14 minutes; reads served from replicas",
                        40_000L,
                        61.0,
                        base.minusDays(9),
                        3,
                        6,
                        11,
                        17,
                        "dara",
                        List.of(new ParticipantEntry("chen", "subject_matter_expert")),
                        List.of("database", "failover"),
                        Map.of("region", "us-east-1")));
        analysis.add(
                actor,
                database.id(),
                new FactorForm(
                        "root_cause",
                        "Failover waited on an inactive replication slot",
                        "dependency",
                        "The failover manager blocked until a logical replication slot drained; the consumer was down.",
                        null,
                        null));
        analysis.add(
                actor,
                database.id(),
                new FactorForm(
                        "contributing_factor",
                        "Disk latency on the primary was not alerted on",
                        "detection-gap",
                        null,
                        null,
                        null));
        incidents.create(
                actor,
                form(
                        "Search latency p99 above 2 s",
                        "Search latency rose after the nightly index rebuild; a cache warm-up job is suspected.",
                        "SEV3",
                        "monitoring",
                        "normal",
                        List.of("search-api"),
                        "Slow search results for some users",
                        null,
                        4.0,
                        base.minusHours(30),
                        12,
                        15,
                        80,
                        -1,
                        "dara",
                        List.of(),
                        List.of("latency", "cache"),
                        Map.of()));
        incidents.create(
                actor,
                form(
                        "TLS certificate on edge proxy expires in 3 days",
                        "Renewal automation failed silently; found by an external monitor.",
                        "SEV4",
                        "identified",
                        "normal",
                        List.of("edge-proxy"),
                        null,
                        null,
                        null,
                        base.minusHours(5),
                        240,
                        250,
                        -1,
                        -1,
                        "chen",
                        List.of(),
                        List.of("certificates", "near-miss"),
                        Map.of()));
        incidents.create(
                actor,
                form(
                        "Elevated 502s from edge proxy",
                        "Users report intermittent 502 responses; investigating upstream health checks.",
                        "SEV2",
                        "investigating",
                        "normal",
                        List.of("edge-proxy", "checkout-api"),
                        "Intermittent errors on all pages",
                        null,
                        null,
                        base.minusMinutes(50),
                        6,
                        9,
                        -1,
                        -1,
                        "bilal",
                        List.of(new ParticipantEntry("alice", "communications")),
                        List.of("network"),
                        Map.of()));
        incidents.create(
                actor,
                form(
                        "Suspected credential leak in CI logs",
                        "A build log printed an access key. Restricted: visible to the people involved and admins only.",
                        "SEV2",
                        "identified",
                        "restricted",
                        List.of(),
                        null,
                        null,
                        null,
                        base.minusDays(2),
                        30,
                        35,
                        60,
                        -1,
                        "alice",
                        List.of(),
                        List.of("security"),
                        Map.of()));
        incidents.create(
                actor,
                form(
                        "Typo in status page banner",
                        "A near miss worth writing down: a maintenance banner showed the wrong date.",
                        "SEV5",
                        "resolved",
                        "normal",
                        List.of(),
                        null,
                        0L,
                        0.0,
                        base.minusDays(40),
                        60,
                        70,
                        75,
                        80,
                        null,
                        List.of(),
                        List.of("near-miss", "comms"),
                        Map.of()));
    }

    private void writePostmortem(Actor actor, Incident checkout) {
        Postmortem doc = postmortems.saveSection(actor, checkout.id(), "what-happened", """
                A configuration change to the payments gateway added a fraud rule meant for a test card range. The
                range in the setting was wider than intended and covered real cards from one issuer, so the gateway
                declined them as invalid. Checkout showed a card error to about 8% of customers.

                The change went out through the configuration pipeline, which applies settings to every gateway node
                at once: the progressive rollout that protects code deploys does not cover gateway settings.""", -1);
        doc = postmortems.saveSection(actor, checkout.id(), "went-well", """
                - The on-call engineer had a one-command rollback for gateway settings and used it within minutes.
                - Support spotted the single-issuer pattern in customer tickets and shared it in the incident channel.""", doc.version());
        doc = postmortems.saveSection(actor, checkout.id(), "went-wrong", """
                - The decline-rate alert watched total errors, so a rise limited to one issuer took 7 minutes to page.
                - The settings change skipped the canary stage because the pipeline offers none for gateway settings.""", doc.version());
        postmortems.saveSection(
                actor,
                checkout.id(),
                "got-lucky",
                "The change landed at 10:00 on a weekday, when the payments team was at their desks.",
                doc.version());
    }

    private void analyseCheckout(Actor actor, Incident checkout) {
        FiveWhys whys = fiveWhys.start(actor, checkout.id(), "Checkout failed for 8% of orders for 52 minutes");
        WhyNode rejected = fiveWhys.addWhy(
                actor,
                checkout.id(),
                whys.id(),
                null,
                "The payments gateway declined cards from one issuer",
                List.of());
        WhyNode setting = fiveWhys.addWhy(
                actor,
                checkout.id(),
                whys.id(),
                rejected.id(),
                "A new fraud-rule setting treated that issuer's card range as invalid",
                List.of());
        WhyNode canary = fiveWhys.addWhy(
                actor,
                checkout.id(),
                whys.id(),
                setting.id(),
                "The setting shipped in a configuration change that skipped the canary stage",
                List.of());
        WhyNode tooling = fiveWhys.addWhy(
                actor,
                checkout.id(),
                whys.id(),
                canary.id(),
                "Gateway configuration is not covered by the progressive rollout tooling",
                List.of());
        fiveWhys.mark(actor, checkout.id(), whys.id(), tooling.id(), "root_cause", "tooling");
        fiveWhys.mark(actor, checkout.id(), whys.id(), setting.id(), "contributing_factor", "configuration");
        analysis.add(
                actor,
                checkout.id(),
                new FactorForm(
                        "contributing_factor",
                        "The decline-rate alert fired 7 minutes after declines rose",
                        "detection-gap",
                        "The alert watched total errors, not declines per issuer.",
                        null,
                        null));
        OffsetDateTime start = checkout.keyTimes().startedAt();
        evidence.attach(
                actor,
                checkout.id(),
                new EvidenceUpload("payments-gateway.log", "log", "UTC", null, null),
                new ByteArrayInputStream(gatewayLog(start).getBytes(StandardCharsets.UTF_8)));
        curateTimeline(actor, checkout.id(), start);
        faultTrees.importMef(actor, checkout.id(), "Checkout unavailable", CHECKOUT_TREE, null);
    }

    /** A few curated timeline entries and a statement on the checkout incident, over its gateway log. */
    private void curateTimeline(Actor actor, IncidentId id, OffsetDateTime start) {
        List<TimelineEntry> proposed = timeline.entries(actor, id, TimelineFilter.DEFAULT);
        String declines = null;
        for (TimelineEntry e : proposed) {
            if (e.text().contains("Reloaded fraud rules")) {
                timeline.accept(actor, id, e.ref(), e.version());
                timeline.annotate(
                        actor, id, e.ref(), "Revision r4182 narrowed the BIN ranges; nobody was paged for it.");
            } else if (e.text().contains("Declined card")) {
                TimelineEntry edited = timeline.edit(
                        actor, id, e.ref(), new EntryForm(null, "Gateway starts declining cards from one issuer"), 0);
                declines = edited.ref();
            }
        }
        timeline.addManual(
                actor,
                id,
                new EntryForm(
                        start.plusMinutes(50).toString(), "Payments on-call rolls the fraud rules back to r4181"));
        User alice = accounts.findByUsername("alice").orElseThrow();
        timeline.addStatement(
                new Actor(alice.id(), alice.username(), alice.role()),
                id,
                new StatementForm(
                        "The checkout error panel went amber a few minutes after the gateway change, but the alert"
                                + " only fired when total errors crossed 5%. I paged payments as soon as I saw that"
                                + " the declines came from one issuer.",
                        List.of(start.plusMinutes(20).toString()),
                        declines == null ? List.of() : List.of(declines),
                        true));
    }

    /** A payments gateway log around the demo incident: steady orders, then declines after a config reload. */
    private static String gatewayLog(OffsetDateTime start) {
        StringBuilder log = new StringBuilder();
        java.time.format.DateTimeFormatter format =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
        OffsetDateTime t = start.minusMinutes(10);
        for (int i = 0; i < 400; i++) {
            t = t.plusSeconds(11);
            String time = t.format(format);
            if (i == 54) {
                log.append(time)
                        .append(" INFO  [config-watcher] c.e.gateway.Config - Reloaded fraud rules from revision r")
                        .append(4182)
                        .append('\n');
            } else if (i > 54 && i < 340 && i % 3 == 0) {
                log.append(time)
                        .append(" WARN  [http-")
                        .append(i % 8)
                        .append("] c.e.gateway.Authorizer - Declined card issuer=")
                        .append(400000 + i % 5)
                        .append(" reason=RULE_BIN_RANGE order=")
                        .append(90000 + i)
                        .append('\n');
            } else if (i == 340) {
                log.append(time)
                        .append(" INFO  [config-watcher] c.e.gateway.Config - Reloaded fraud rules from revision r")
                        .append(4181)
                        .append('\n');
            } else {
                log.append(time)
                        .append(" INFO  [http-")
                        .append(i % 8)
                        .append("] c.e.gateway.Orders - Authorized order ")
                        .append(90000 + i)
                        .append(" amount=")
                        .append(10 + i % 90)
                        .append(".00 EUR in ")
                        .append(40 + i % 60)
                        .append(" ms")
                        .append('\n');
            }
        }
        return log.toString();
    }

    private static final String CHECKOUT_TREE = """
            <?xml version="1.0"?>
            <opsa-mef>
              <define-fault-tree name="checkout-unavailable">
                <define-gate name="checkout_unavailable">
                  <or><gate name="payments_down"/><gate name="orders_db_down"/><basic-event name="edge_misrouting"/></or>
                </define-gate>
                <define-gate name="payments_down">
                  <or><basic-event name="bad_gateway_config"/><gate name="psp_unreachable"/></or>
                </define-gate>
                <define-gate name="psp_unreachable">
                  <and><basic-event name="psp_primary_down"/><basic-event name="psp_failover_fails"/></and>
                </define-gate>
                <define-gate name="orders_db_down">
                  <and><basic-event name="primary_db_fails"/><basic-event name="failover_stalls"/></and>
                </define-gate>
                <define-basic-event name="bad_gateway_config"><float value="0.02"/></define-basic-event>
                <define-basic-event name="psp_primary_down"><float value="0.01"/></define-basic-event>
                <define-basic-event name="psp_failover_fails"><float value="0.1"/></define-basic-event>
                <define-basic-event name="primary_db_fails"><float value="0.005"/></define-basic-event>
                <define-basic-event name="failover_stalls"><float value="0.2"/></define-basic-event>
                <define-basic-event name="edge_misrouting"><float value="0.001"/></define-basic-event>
              </define-fault-tree>
            </opsa-mef>
            """;

    private static IncidentForm form(
            String title,
            String summary,
            String severity,
            String status,
            String visibility,
            List<String> services,
            String impact,
            Long users,
            Double budget,
            OffsetDateTime started,
            int detectMin,
            int ackMin,
            int mitigateMin,
            int resolveMin,
            String commander,
            List<ParticipantEntry> participants,
            List<String> tags,
            Map<String, String> fields) {
        return new IncidentForm(
                title,
                summary,
                severity,
                status,
                visibility,
                services,
                impact,
                users,
                budget,
                started,
                detectMin < 0 ? null : started.plusMinutes(detectMin),
                ackMin < 0 ? null : started.plusMinutes(ackMin),
                mitigateMin < 0 ? null : started.plusMinutes(mitigateMin),
                resolveMin < 0 ? null : started.plusMinutes(resolveMin),
                commander,
                participants,
                tags,
                List.of(new IncidentLink(
                        "Chat channel", "https://chat.example.com/archives/inc-" + Math.abs(title.hashCode() % 1000))),
                fields);
    }
}
