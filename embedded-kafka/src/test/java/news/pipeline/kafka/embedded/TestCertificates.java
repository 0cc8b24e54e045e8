package news.pipeline.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway public-key infrastructure for TLS tests, made at test time with the JDK's own {@code
 * keytool} and never committed: a CA; a broker certificate for {@code localhost} and {@code
 * 127.0.0.1} (subject alternative names, so clients verify the host name as in production); a
 * client certificate the CA signed; and a self-signed "stranger" nobody vouches for. Every store is
 * PKCS12 under one random password; the CA's private key is deleted once it has signed.
 */
public final class TestCertificates {
  /** Subject of the client certificate: the principal a mutual-TLS broker sees. */
  public static final String CLIENT_SUBJECT = "CN=news-pipeline-client,O=news-pipeline";

  private static final String CA = "ca";
  private static final String BROKER = "broker";
  private static final String CLIENT = "client";
  private static final String STRANGER = "stranger";
  private static final String STORE_TYPE = "PKCS12";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private final Path dir;
  private final String password;

  private TestCertificates(Path dir, String password) {
    this.dir = dir;
    this.password = password;
  }

  /** Creates the CA and the three certificates in {@code dir}; about four keytool runs. */
  public static TestCertificates create(Path dir) {
    TestCertificates pki = new TestCertificates(dir, UUID.randomUUID().toString());
    Path issuing = dir.resolve("issuing-ca.p12");
    pki.keytool(
        issuing,
        CA,
        "CN=news-pipeline test CA,O=news-pipeline",
        "-ext",
        "bc:c=ca:true,pathlen:0",
        "-ext",
        "ku:c=keyCertSign,cRLSign");
    pki.keytool(
        issuing,
        BROKER,
        "CN=localhost,O=news-pipeline",
        "-ext",
        "san=dns:localhost,ip:127.0.0.1",
        "-ext",
        "eku=serverAuth",
        "-signer",
        CA);
    pki.keytool(issuing, CLIENT, CLIENT_SUBJECT, "-ext", "eku=clientAuth", "-signer", CA);
    pki.keytool(issuing, STRANGER, "CN=stranger,O=nobody", "-ext", "eku=clientAuth");
    pki.split(issuing);
    return pki;
  }

  /** The one password of every store and key. */
  public String password() {
    return password;
  }

  /** The CA certificate alone: what a client or broker trusts. */
  public Path truststore() {
    return store(CA);
  }

  /** The broker's key and certificate chain (broker, CA). */
  public Path brokerKeystore() {
    return store(BROKER);
  }

  /** A client's key and certificate chain (client, CA), subject {@link #CLIENT_SUBJECT}. */
  public Path clientKeystore() {
    return store(CLIENT);
  }

  /** A key with a self-signed certificate: well formed, but no CA vouches for it. */
  public Path strangerKeystore() {
    return store(STRANGER);
  }

  /** What a broker's TLS listener needs: its key store and the CA as trust store. */
  public EmbeddedKafka.TlsStores brokerStores() {
    return new EmbeddedKafka.TlsStores(brokerKeystore(), truststore(), password);
  }

  private Path store(String alias) {
    return dir.resolve(alias + ".p12");
  }

  /**
   * One {@code keytool -genkeypair}: an EC P-256 key and a certificate valid for a day, signed by
   * {@code -signer} or else self-signed.
   */
  private void keytool(Path keystore, String alias, String subject, String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                // A short-lived tool: no optimising compiler, no parallel GC threads.
                "-J-XX:TieredStopAtLevel=1",
                "-J-XX:+UseSerialGC",
                "-genkeypair",
                "-keystore",
                keystore.toString(),
                "-storetype",
                STORE_TYPE,
                "-storepass",
                password,
                "-alias",
                alias,
                "-dname",
                subject,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "1"));
    command.addAll(List.of(extra));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool did not finish for " + alias);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "keytool failed for "
                + alias
                + ": "
                + new String(output, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }

  /**
   * One store per party, as each would be handed out: a key store per key, a trust store with the
   * CA's certificate only. Then the issuing store, the CA's private key with it, is deleted.
   */
  private void split(Path issuing) {
    try {
      KeyStore all = load(issuing);
      Certificate caCertificate = all.getCertificate(CA);
      KeyStore trust = empty();
      trust.setCertificateEntry(CA, caCertificate);
      save(trust, truststore());
      for (String alias : List.of(BROKER, CLIENT, STRANGER)) {
        // keytool -signer stores the chain (leaf, CA), which a TLS peer needs to see.
        Key key = all.getKey(alias, password.toCharArray());
        KeyStore own = empty();
        own.setKeyEntry(alias, key, password.toCharArray(), all.getCertificateChain(alias));
        save(own, store(alias));
      }
      Files.delete(issuing);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot split the test certificates", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the test certificates", e);
    }
  }

  private KeyStore load(Path path) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(STORE_TYPE);
    try (var in = Files.newInputStream(path)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  private static KeyStore empty() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(STORE_TYPE);
    store.load(null, null);
    return store;
  }

  private void save(KeyStore store, Path path) throws IOException, GeneralSecurityException {
    try (OutputStream out = Files.newOutputStream(path)) {
      store.store(out, password.toCharArray());
    }
  }
}
