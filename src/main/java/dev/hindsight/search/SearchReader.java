package dev.hindsight.search;

import dev.hindsight.shared.Actor;

/** Who searches: admins see every incident, others normal ones and the restricted ones they take part in. */
public record SearchReader(long userId, boolean admin) {

    public static SearchReader of(Actor actor) {
        return new SearchReader(actor.userId(), actor.isAdmin());
    }
}
