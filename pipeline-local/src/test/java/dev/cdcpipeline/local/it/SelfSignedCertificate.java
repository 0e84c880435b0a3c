package dev.cdcpipeline.local.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh key pair and a self-signed certificate for a server at 127.0.0.1, made with the JDK's
 * {@code keytool} and written as the PEM files a PostgreSQL server reads ({@code ssl_cert_file},
 * {@code ssl_key_file}) and a client trusts ({@code sslrootcert}).
 *
 * @param certificate the certificate, PEM: the server's and, self-signed, its own root
 * @param privateKey the private key, PKCS #8 PEM, readable by its owner only (PostgreSQL insists)
 */
record SelfSignedCertificate(Path certificate, Path privateKey) {

    private static final String ALIAS = "server";

    static SelfSignedCertificate create(Path directory, String name) throws IOException, GeneralSecurityException, InterruptedException {
        Files.createDirectories(directory);
        Path keyStore = directory.resolve(name + ".p12");
        // Only for the moments between keytool writing the store and us reading it.
        char[] storePassword = randomPassword();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", new String(storePassword)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool could not create a certificate: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, storePassword);
        }
        Key key = store.getKey(ALIAS, storePassword);
        Certificate certificate = store.getCertificate(ALIAS);
        Files.delete(keyStore);

        Path certificateFile = Files.writeString(directory.resolve(name + ".crt"), pem("CERTIFICATE", certificate.getEncoded()));
        Path keyFile = directory.resolve(name + ".key");
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        return new SelfSignedCertificate(certificateFile, keyFile);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
