package dev.cdcpipeline.transform.expression;

/** Order and equality of two non-null values of comparable, compatible kinds (the compiler checked them). */
final class Values {

    private Values() {}

    /**
     * Negative, zero or positive as {@code left} is before, equal to or after {@code right}: numbers
     * by exact value across kinds, text by {@link String#compareTo}, false before true, dates and
     * times in time order.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object left, Object right) {
        if (left instanceof Number && right instanceof Number) {
            return Numbers.compare(left, right);
        }
        return ((Comparable) left).compareTo(right);
    }

    /** SQL's three-valued logic for a comparison: null when either side is null. */
    static Boolean compareOrNull(Object left, Object right, ComparisonOperator operator) {
        if (left == null || right == null) {
            return null;
        }
        return operator.holds(compare(left, right));
    }
}
