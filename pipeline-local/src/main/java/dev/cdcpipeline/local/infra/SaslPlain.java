package dev.cdcpipeline.local.infra;

import java.util.Map;

/**
 * Kafka's SASL/PLAIN authentication over an unencrypted connection (SASL_PLAINTEXT): the broker
 * settings of a listener that accepts one client account, and the client settings that log in
 * with it. PLAIN sends the password as it is: over a network, use SASL_SSL; on the loopback
 * interface it is what a test of authentication needs.
 */
public final class SaslPlain {

    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "PLAIN";
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private SaslPlain() {}

    /**
     * The client settings for {@code account}, as a Kafka client (or the pipeline's
     * {@code kafka.properties.*}) takes them.
     */
    public static Map<String, String> clientProperties(Credentials account) {
        return Map.of("security.protocol", SECURITY_PROTOCOL, "sasl.mechanism", MECHANISM, "sasl.jaas.config", jaasConfig(account));
    }

    /** The JAAS line that logs in as {@code account}: a secret, since it holds the password. */
    public static String jaasConfig(Credentials account) {
        return LOGIN_MODULE + " required username=\"" + quoted(account.user()) + "\" password=\"" + quoted(account.password()) + "\";";
    }

    /**
     * The broker settings for a listener named {@code SASL_PLAINTEXT} that accepts {@code client},
     * and {@code broker} as the broker's own account on it (the listener also serves the
     * broker's connections to itself).
     */
    static Map<String, String> listenerProperties(Credentials broker, Credentials client) {
        String prefix = "listener.name." + SECURITY_PROTOCOL.toLowerCase() + "." + MECHANISM.toLowerCase() + ".";
        // PlainLoginModule on the broker: username/password are its own login, user_<name> the accounts it accepts.
        String jaas = LOGIN_MODULE + " required username=\"" + quoted(broker.user()) + "\" password=\"" + quoted(broker.password()) + "\""
                + " user_" + broker.user() + "=\"" + quoted(broker.password()) + "\""
                + " user_" + client.user() + "=\"" + quoted(client.password()) + "\";";
        return Map.of(
                "sasl.enabled.mechanisms", MECHANISM,
                "sasl.mechanism.inter.broker.protocol", MECHANISM,
                prefix + "sasl.jaas.config", jaas);
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
