package dev.hindsight.engines.blameless;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The word lists of the checker. */
final class Lexicon {

    private Lexicon() {}

    static Set<String> words(String spaceSeparated) {
        return Set.copyOf(java.util.Arrays.asList(spaceSeparated.trim().split("\\s+")));
    }

    static final Set<String> GIVEN_NAMES = loadNames();

    static final Set<String> PERSON_PRONOUNS = words("""
            i me we us he him she her you someone somebody anyone anybody nobody everyone everybody whoever
            who myself himself herself ourselves yourself themselves
            """);

    static final Set<String> ROLES = words("""
            engineer engineers developer developers dev devs operator operators admin admins administrator
            administrators sre sres on-call oncall on-caller on-callers responder responders reviewer reviewers
            author authors intern interns contractor contractors teammate teammates colleague colleagues team teams
            manager managers lead leads person people staff employee employees human humans ops dba dbas qa tester
            testers approver approvers committer committers maintainer maintainers owner owners folks guy guys
            coworker coworkers co-worker programmer programmers architect architects analyst analysts technician
            technicians incident-commander commander commanders ic sysadmin sysadmins devops newcomer newcomers hire
            hires submitter requester release-manager pair captain captains shepherd coordinator
            coordinators consultant consultants specialist specialists whoever
            """);

    static final Set<String> AFFECTED = words("""
            user users customer customers visitor visitors tenant tenants merchant merchants shopper shoppers
            subscriber subscribers member members patient patients driver drivers rider riders buyer buyers
            """);

    static final Set<String> TECH_TERMS = words("""
            redis kafka postgres postgresql mysql terraform kubernetes k8s nginx jenkins docker envoy istio consul
            vault etcd zookeeper cassandra elasticsearch opensearch prometheus grafana alertmanager pagerduty
            opsgenie slack github gitlab argo argocd helm ansible chef puppet spinnaker airflow spark hadoop hdfs
            rabbitmq sqs sns s3 ec2 aws gcp azure cloudflare fastly akamai haproxy memcached mongodb dynamodb
            bigquery snowflake linux systemd cron java python node go rust ruby jvm lambda celery sidekiq
            """);

    static final Set<String> AUX = words("""
            was were is are be been being am had has have having did does do will would could should may might must
            can shall 'd 's 've didn't doesn't don't wasn't weren't isn't aren't hadn't hasn't haven't won't
            wouldn't couldn't shouldn't can't cannot mustn't
            """);

    static final Set<String> SKIPPABLE = words("""
            not never also then just simply still again already apparently initially later subsequently actually
            even once first finally somehow unfortunately ultimately evidently obviously clearly probably likely
            allegedly reportedly quickly immediately nonetheless however therefore thus instead originally
            """);

    static final Set<String> PREPOSITIONS = words("""
            of on in at from with for to by into onto over under after before during about against between through
            across via per without within behind since until upon than like as
            """);

    static final Set<String> SUBORDINATORS = words("""
            because since when whenever while although though after before once if unless until so and but or nor
            yet where whereas which that who whom whose what how why
            """);

    static final Set<String> DETERMINERS = words("""
            the a an this that these those our their its his her my your some any each every no another both all
            several many few one two three
            """);

    static final Set<String> POSSESSIVES = words("his her their my our your");

    static final Set<String> NEGATORS = words("""
            not no never nobody without rather instead avoid avoiding avoided isn't wasn't aren't weren't don't
            doesn't didn't won't nor neither none nothing against stop stopping beyond
            """);

    static final Set<String> NOUNS_ENDING_IN_ED = words("""
            need needs speed seed feed bed shed red hundred thread embed bred greed breed steed shred seabed sled
            """);

    static final Set<String> NOT_ADVERBS = words("""
            only family supply apply reply assembly anomaly poly rely fly july italy early daily weekly monthly
            hourly nightly yearly friendly ally bully holly jelly belly rally tally multiply emily kelly sally
            """);

    static final Set<String> JUDGEMENT_WORDS = words("""
            careless carelessly carelessness negligent negligently negligence sloppy sloppily sloppiness incompetent
            incompetence incompetently lazy laziness lazily stupid stupidity dumb reckless recklessly recklessness
            irresponsible irresponsibly inattentive inattention complacent complacency clueless culpable idiot
            idiotic foolish foolishly thoughtless thoughtlessly boneheaded amateurish unprofessional cowboy rubber-stamped
            rubber-stamp rubberstamped
            """);

    static final Set<String> LAZY_TECH = words("""
            load loads loading loaded init initialization initialisation initialized initialised evaluation
            evaluated eval evaluate fetch fetching fetched computed compute allocation allocated instantiation
            instantiated deserialization deserialized val property properties iterator sequence import imports
            imported binding mode expiry expiration deletion deleted
            """);

    static final Set<String> ERROR_NOUNS = words("error errors mistake mistakes slip slips blunder blunders");

    static final Set<String> ERROR_QUALIFIERS = words("human operator user pilot engineer rookie");

    static final Set<String> BLAME_WORDS = words("blame blamed blames blaming blameworthy");

    static final Set<String> STRONG_OMISSIONS = words("""
            forgot forget forgets forgetting neglected neglect neglects neglecting overlooked overlook overlooks
            overlooking
            """);

    static final Set<String> WEAK_OMISSIONS = words("""
            ignored ignore ignores ignoring missed skipped disregarded dismissed
            """);

    static final Set<String> DAMAGING_VERBS = words("""
            broke break breaks deleted delete deletes dropped truncated wiped corrupted caused causes misconfigured
            mistyped misread misunderstood misjudged overwrote botched bungled mishandled fumbled nuked clobbered
            fat-fingered removed erased destroyed killed
            """);

    static final Set<String> PHRASAL_DAMAGE = words("messed screwed took brought knocked blew");

    static final Set<String> DAMAGE_PARTICLES = words("up down over away out");

    static final Set<String> CARRIER_VERBS = words("""
            pushed merged deployed shipped committed introduced applied ran rolled released approved wrote
            configured set made
            """);

    static final Set<String> BAD_ADJECTIVES = words("""
            bad broken faulty buggy wrong incorrect bogus invalid mistaken untested malformed typo bug regression
            mistake error blunder
            """);

    static final Set<String> MISHAP_ADVERBS = words("""
            accidentally mistakenly inadvertently wrongly incorrectly blindly unintentionally erroneously
            """);

    static final Set<String> HUMAN_VERBS = words("""
            check double-check verify validate read review test notice realize realise consider follow communicate
            escalate page ask tell inform notify update run look see think remember understand confirm monitor
            watch wait coordinate document mention report respond acknowledge ack investigate catch spot anticipate
            foresee plan announce heed care question raise flag bother pay roll revert back rollback restart merge
            deploy apply use know expect predict warn doublecheck proofread
            """);

    static final Set<String> COGNITIVE_VERBS = words("""
            check double-check doublecheck verify read review consider notice realize realise remember understand
            think anticipate foresee heed care bother pay look spot question test follow escalate communicate know
            expect predict see catch proofread validate confirm warn
            """);

    static final Set<String> PAST_HUMAN_VERBS = words("""
            checked double-checked verified validated read reviewed tested noticed realized realised considered
            followed communicated escalated paged asked told informed notified updated ran looked saw thought
            remembered understood confirmed monitored watched waited coordinated documented mentioned reported
            responded acknowledged acked investigated caught spotted anticipated foresaw planned announced heeded
            cared questioned raised flagged bothered paid rolled reverted
            """);

    static final Set<String> COGNITIVE_PARTICIPLES = words("""
            known seen realized realised noticed caught spotted anticipated foreseen expected checked read reviewed
            tested verified asked escalated paged thought understood predicted questioned double-checked avoided
            prevented flagged remembered considered
            """);

    static final Set<String> PASSIVE_BLAME = words("""
            caused deleted dropped broken introduced missed ignored overlooked forgotten neglected misconfigured
            corrupted wiped botched overwritten mishandled skipped
            """);

    static final Set<String> ATTRIBUTION_NOUNS = words("""
            change changes commit commits pr prs pull mistake mistakes error errors typo typos command commands
            script query edit edits push deploy deployment fault decision oversight action actions patch diff
            carelessness negligence laziness fix migration config
            """);

    static final Set<String> INCIDENT_NOUNS = words("""
            outage outages incident incidents failure failures breakage mistake mistakes error errors problem
            problems downtime disruption bug regression data-loss loss
            """);

    private static Set<String> loadNames() {
        Set<String> names = new HashSet<>();
        InputStream in = Lexicon.class.getResourceAsStream("given-names.txt");
        if (in == null) {
            throw new IllegalStateException("missing resource given-names.txt");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.trim().split("\\s+")) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
