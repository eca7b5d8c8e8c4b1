package dev.hindsight.engines.faulttree;

/**
 * Importance factors of one basic event, as defined in SCRAM ({@code importance_analysis.cc}), with p the event's
 * probability and P the top-event probability. A ratio whose denominator is zero is reported as 0, as SCRAM does.
 *
 * @param event the basic event's name, never null
 * @param probability p
 * @param occurrence the number of minimal cut sets containing the event (saturating at Long.MAX_VALUE)
 * @param mif Birnbaum (marginal) importance: P(top | x=1) - P(top | x=0)
 * @param cif criticality importance: p·MIF/P
 * @param dif diagnosis importance: p·RAW
 * @param raw risk achievement worth: 1 + (1-p)·MIF/P
 * @param rrw risk reduction worth: P / (P - p·MIF)
 * @param fussellVesely Fussell-Vesely importance in its usual rare-event form: the summed probability of the minimal
 *     cut sets containing the event divided by the summed probability of all minimal cut sets
 */
public record Importance(
        String event,
        double probability,
        long occurrence,
        double mif,
        double cif,
        double dif,
        double raw,
        double rrw,
        double fussellVesely) {

    static Importance of(String event, double p, long occurrence, double mif, double top, double fv) {
        double cif = ratio(p * mif, top);
        double raw = top == 0 ? 0 : 1 + (1 - p) * mif / top;
        double dif = p * raw;
        double rrw = ratio(top, top - p * mif);
        return new Importance(event, p, occurrence, mif, cif, dif, raw, rrw, fv);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
