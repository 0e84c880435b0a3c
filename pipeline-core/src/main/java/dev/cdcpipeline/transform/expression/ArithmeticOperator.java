package dev.cdcpipeline.transform.expression;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code + - * / %} on each numeric kind. Failures are {@link ArithmeticException}s whose messages
 * name the problem, never the operands.
 */
enum ArithmeticOperator {
    PLUS("+"),
    MINUS("-"),
    TIMES("*"),
    DIVIDE("/"),
    REMAINDER("%");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    static ArithmeticOperator bySymbol(String symbol) {
        for (ArithmeticOperator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        return null;
    }

    /** INTEGER arithmetic, exact or failing: a wrapped-around long would be a silently wrong value. */
    long apply(long left, long right) {
        try {
            return switch (this) {
                case PLUS -> Math.addExact(left, right);
                case MINUS -> Math.subtractExact(left, right);
                case TIMES -> Math.multiplyExact(left, right);
                case REMAINDER -> left % nonZero(right);
                // INTEGER / INTEGER is a DECIMAL: 7 / 2 is 3.5, not 3.
                case DIVIDE -> throw new IllegalStateException("integer division is decimal");
            };
        } catch (ArithmeticException e) {
            if (right == 0) {
                throw e;
            }
            throw new ArithmeticException("integer overflow: the result does not fit a BIGINT");
        }
    }

    /**
     * DECIMAL arithmetic, exact; a quotient that does not terminate (1 / 3) is rounded to 34
     * significant digits ({@link MathContext#DECIMAL128}).
     */
    BigDecimal apply(BigDecimal left, BigDecimal right) {
        return switch (this) {
            case PLUS -> left.add(right);
            case MINUS -> left.subtract(right);
            case TIMES -> left.multiply(right);
            case REMAINDER -> left.remainder(nonZero(right));
            case DIVIDE -> divide(left, nonZero(right));
        };
    }

    /** DOUBLE arithmetic; division by zero and overflow to infinity fail as in SQL, rather than give Infinity. */
    double apply(double left, double right) {
        double result = switch (this) {
            case PLUS -> left + right;
            case MINUS -> left - right;
            case TIMES -> left * right;
            case DIVIDE -> left / nonZero(right);
            case REMAINDER -> left % nonZero(right);
        };
        if (Double.isInfinite(result) && Double.isFinite(left) && Double.isFinite(right)) {
            throw new ArithmeticException("overflow: the result does not fit a DOUBLE");
        }
        return result;
    }

    private static BigDecimal divide(BigDecimal left, BigDecimal right) {
        try {
            return left.divide(right);
        } catch (ArithmeticException nonTerminating) {
            return left.divide(right, MathContext.DECIMAL128);
        }
    }

    private static long nonZero(long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        return divisor;
    }

    private static BigDecimal nonZero(BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return divisor;
    }

    private static double nonZero(double divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        return divisor;
    }
}
