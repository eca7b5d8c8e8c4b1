package dev.hindsight.incident;

/**
 * Which slice of a list to return: {@code page} from 0, {@code size} from 1 to {@link #MAX_SIZE}.
 *
 * @param descending newest/highest first when true
 */
public record PageRequest(int page, int size, IncidentSort sort, boolean descending) {

    public static final int MAX_SIZE = 100;
    public static final PageRequest FIRST = new PageRequest(0, 25, IncidentSort.STARTED, true);

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
        }
    }
}
