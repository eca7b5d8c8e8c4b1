package dev.hindsight.actions;

import java.time.OffsetDateTime;

/**
 * A named set of board filters and sort, saved by one user and optionally shared with everyone.
 *
 * @param query the board's query string, normalized (only known parameters, URL-encoded), e.g.
 *     {@code status=open&priority=P1&sort=due}; never null, may be empty
 * @param ownerName login name of the user who saved it
 */
public record SavedView(
        long id, long ownerId, String ownerName, String name, String query, boolean shared, OffsetDateTime createdAt) {}
