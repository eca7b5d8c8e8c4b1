package dev.hindsight.incident;

/**
 * What customers felt. All parts optional.
 *
 * @param usersAffected how many users were affected, never negative
 * @param errorBudgetConsumed percent of the SLO's error budget used up by this incident (may exceed 100)
 */
public record Impact(String description, Long usersAffected, Double errorBudgetConsumed) {

    public static final Impact NONE = new Impact(null, null, null);
}
