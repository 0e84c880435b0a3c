package dev.cdcpipeline.functions;

/**
 * Hides personal data while keeping a value's shape where that helps: a masked e-mail address
 * still shows its domain. Null stays null (absent data is not personal), and no method throws.
 */
public final class Masking {

    /** What {@link #redact(Object)} writes instead of a value. */
    public static final String REDACTED = "***";

    private static final int MASK = '*';

    private Masking() {}

    /**
     * The address with its local part masked: the first character stays and every other one
     * becomes {@code *}; the domain stays as it is ({@code jane.doe@example.com} becomes
     * {@code j*******@example.com}). A local part of one character is masked entirely, so that
     * no address shows in full. Text without {@code @} is masked like a local part. Characters
     * are Unicode code points: an accented or non-Latin letter is one character, and one star.
     */
    public static String maskEmail(String address) {
        if (address == null) {
            return null;
        }
        // The domain follows the last @: a quoted local part may itself contain one.
        int at = address.lastIndexOf('@');
        String localPart = at < 0 ? address : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at);
        return maskAllButFirst(localPart) + domain;
    }

    /** {@link #REDACTED} for any value, null for null. */
    public static String redact(Object value) {
        return redact(value, REDACTED);
    }

    /** {@code placeholder} for any value, null for null. */
    public static String redact(Object value, String placeholder) {
        return value == null ? null : placeholder;
    }

    private static String maskAllButFirst(String text) {
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            return text;
        }
        if (length == 1) {
            return Character.toString(MASK);
        }
        return new StringBuilder()
                .appendCodePoint(text.codePointAt(0))
                .append(Character.toString(MASK).repeat(length - 1))
                .toString();
    }
}
