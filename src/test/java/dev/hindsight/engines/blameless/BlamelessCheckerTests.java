package dev.hindsight.engines.blameless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlamelessCheckerTests {

    private static List<Finding> check(String text) {
        return BlamelessChecker.check(text, Set.of());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Alice forgot to run the migration.|omission|Alice forgot to run",
                "@bob deleted the table.|person-as-cause|@bob deleted",
                "John didn't check the config.|omission|John didn't check",
                "Dave failed to notice the alert.|omission|Dave failed to notice",
                "The on-call engineer ignored the page.|omission|The on-call engineer ignored",
                "This was human error.|judgement|human error",
                "The rollout was sloppy.|judgement|sloppy",
                "Mike should have tested it in staging.|counterfactual|Mike should have tested",
                "Alice should have been more careful.|counterfactual|Alice should have been more",
                "If only someone had looked earlier.|counterfactual|If only someone had looked",
                "Obviously the flag was dangerous.|hindsight|Obviously",
                "Whoever approved it clearly did not read it.|hindsight|clearly did",
                "Why didn't anyone check the expiry?|hindsight|Why didn't anyone",
                "It was Carlos's fault.|blame-word|Carlos's fault",
                "Management blamed the platform team.|blame-word|blamed",
                "Kevin pushed a bad config to all regions.|person-as-cause|Kevin pushed a bad config",
                "The engineer who ran the script should have read the warning.|counterfactual|The engineer who ran the"
                        + " script should have read",
            })
    void reportsBlamingSentencesWithRuleAndSpan(String sentence, String ruleId, String matched) {
        List<Finding> findings = check(sentence);

        assertThat(findings).extracting(f -> f.rule().id()).contains(ruleId);
        Finding finding = findings.stream()
                .filter(f -> f.rule().id().equals(ruleId))
                .findFirst()
                .orElseThrow();
        assertThat(finding.text()).isEqualTo(matched);
        assertThat(sentence.substring(finding.start(), finding.end())).isEqualTo(finding.text());
        assertThat(finding.reason()).isNotBlank();
        assertThat(finding.suggestion()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The deploy failed to complete because the artifact store timed out.",
                "The job failed to start.",
                "The health check should have marked the node unhealthy.",
                "The cache should have expired after 5 minutes.",
                "Redis forgot its keys after the restart.",
                "Users failed to log in for twelve minutes.",
                "We did not find fault with anyone's actions.",
                "This is a blameless postmortem; no blame is assigned.",
                "Nobody could have predicted the vendor change.",
                "It was not obvious from the dashboard which region was affected.",
                "This was not human error: the tool made the dangerous action the default.",
                "Lazy loading of the config delayed the error.",
                "Run git blame on the file to find the change.",
                "Alice rolled back the deploy at 14:20, which restored service.",
                "Dave deleted the stuck pods to recover the deployment.",
                "The retry loop ignored the Retry-After header.",
                "Why didn't the alert fire?",
                "The engineer should have been paged by the secondary policy.",
            })
    void acceptsSystemFocusedSentences(String sentence) {
        assertThat(check(sentence)).isEmpty();
    }

    @Test
    void recognisesKnownParticipantsThatAreNotCommonGivenNames() {
        String text = "Zorblax deleted the production bucket.";

        assertThat(check(text)).isEmpty();
        assertThat(BlamelessChecker.check(text, Set.of("Zorblax")))
                .extracting(f -> f.rule().id())
                .containsExactly("person-as-cause");
    }

    @Test
    void matchesKnownHandlesWithOrWithoutTheAtSign() {
        assertThat(BlamelessChecker.check("Kubectl-bot broke staging and bobz broke prod.", Set.of("@bobz")))
                .extracting(Finding::text)
                .containsExactly("bobz broke");
    }

    @Test
    void recognisesFullNamesAsOneSubject() {
        List<Finding> findings = BlamelessChecker.check("Xan Quill forgot to renew it.", Set.of("Xan Quill"));

        assertThat(findings).extracting(Finding::text).containsExactly("Xan Quill forgot to renew");
    }

    @Test
    void ignoresCodeUrlsQuotesBlockQuotesAndLogLines() {
        String text = """
                Run `Alice forgot to run the migration` to reproduce.

                ```
                Bob deleted the table
                ```

                > Carol: I forgot to run it, sorry.

                The log said "operator error: Dave broke it" at 14:00.
                See https://example.com/why-dave-was-careless for details.
                2024-03-01T10:00:00Z ERROR Erin ignored the retry budget
                """;

        assertThat(check(text)).isEmpty();
    }

    @Test
    void reportsOffsetsIntoTheOriginalMarkdown() {
        String text = "# Summary\n\nSome `code` here.\n\n- Alice forgot to run the migration.\n";

        Finding finding = check(text).getFirst();

        assertThat(text.substring(finding.start(), finding.end())).isEqualTo("Alice forgot to run");
    }

    @Test
    void treatsHeadingsAsSeparateSentences() {
        String text = "## Alice\nThe job failed to start.";

        assertThat(check(text)).isEmpty();
    }

    @Test
    void suggestsARewordingThatFocusesOnTheSystemAndOmitsThePerson() {
        Finding finding =
                check("Alice forgot to run the migration before the deploy.").getFirst();

        assertThat(finding.suggestion()).startsWith("The migration was not run").doesNotContain("Alice");
    }

    @Test
    void suggestsThatTheDeletedThingWasDeleted() {
        Finding finding = check("@bob deleted the orders table.").getFirst();

        assertThat(finding.suggestion())
                .startsWith("The orders table was deleted")
                .doesNotContain("bob");
    }

    @Test
    void treatsWeAsCollectiveOwnershipForPlainActionsButNotForForgetting() {
        assertThat(check("We did not test the failover path.")).isEmpty();
        assertThat(check("We forgot to test the failover path.")).hasSize(1);
        assertThat(check("We should have caught this in review.")).hasSize(1);
    }

    @Test
    void reportsPassiveSentencesOnlyWhenTheyNameAPersonAsAgent() {
        assertThat(check("The table was dropped during the cleanup.")).isEmpty();
        assertThat(check("The table was dropped by Ahmed during the cleanup."))
                .extracting(Finding::text)
                .containsExactly("dropped by Ahmed");
    }

    @Test
    void returnsNonOverlappingFindingsInTextOrder() {
        List<Finding> findings =
                check("Obviously Alice forgot to check, and Bob was careless. Mike should have known.");

        assertThat(findings).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).start())
                    .isGreaterThanOrEqualTo(findings.get(i - 1).end());
        }
    }

    @Test
    void findsNothingInEmptyText() {
        assertThat(check("")).isEmpty();
        assertThat(check("   \n\n  ")).isEmpty();
    }

    @Test
    void rejectsNullArguments() {
        assertThatNullPointerException().isThrownBy(() -> BlamelessChecker.check(null, Set.of()));
        assertThatNullPointerException().isThrownBy(() -> BlamelessChecker.withKnownNames(null));
    }
}
