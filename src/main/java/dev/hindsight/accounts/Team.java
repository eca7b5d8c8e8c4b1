package dev.hindsight.accounts;

import java.util.List;

/** A team that owns services and actions; {@code memberIds} are user ids. */
public record Team(long id, String name, String description, List<Long> memberIds) {}
