package org.vansdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vansdk.hub.Hub;
import org.vansdk.hub.HubConfiguration;
import org.vansdk.transport.tls.EphemeralCertificates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code van hub}: runs the regional hub. */
@Command(
    name = "hub",
    mixinStandardHelpOptions = true,
    description = {
      "Run the regional hub: relay and mailboxes, submissions, regional figures, directory,",
      "dashboard, /health, /metrics and /openapi.json. Without --config it runs the demo",
      "network: on first start it makes, in --dir, an operator key, a key per demo organisation",
      "(keys/), a signed trust list and hub.json, and serves on an embedded H2 file there.",
      "One JSON log line per request on standard error, with no personal data. Ctrl-C or",
      "SIGTERM stops it gracefully: requests in flight finish."
    },
    footer = {
      "",
      "Configuration (--config FILE, strict JSON; files relative to it):",
      "  {\"listen\": {\"host\", \"port\"}, \"tls\": {\"keyStore\", \"trustStore\", \"passwordVariable\"},",
      "   \"database\": {\"url\", \"user\", \"passwordVariable\"},",
      "   \"trustList\": {\"file\", \"network\", \"refreshSeconds\",",
      "                 \"operatorKeys\": [{\"keyId\", \"publicKey\"}]},",
      "   \"operators\": [ids], \"focalPoints\": [ids], \"maxBodyBytes\": n}",
      "Environment: VAN_HUB_DB_URL, VAN_HUB_DB_USER, VAN_HUB_DB_PASSWORD override \"database\".",
      "Options override both.",
      "",
      "Exit codes: 0 stopped, 1 the configuration is unusable, 2 usage errors.",
      "Examples:",
      "  van hub",
      "  van hub --tls --port 8443",
      "  VAN_HUB_DB_PASSWORD=… van hub --db jdbc:postgresql://localhost/van --db-user van",
      "  van hub --config /etc/van/hub.json"
    })
final class HubCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The hub's configuration (default: the demo's, made in --dir).")
  Path config;

  @Option(
      names = "--dir",
      defaultValue = "van-hub",
      paramLabel = "DIR",
      description =
          "The demo's folder: keys, trust list, configuration, H2 file (default ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Listen address (default 127.0.0.1).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "Listen port (default 8080).")
  Integer port;

  @Option(
      names = "--tls",
      description =
          "Serve HTTPS; without a \"tls\" member in the configuration, with a throw-away"
              + " certificate made at start (its CA is written to DIR/hub-ca.p12).")
  boolean tls;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description = "The database: jdbc:h2:file:… or jdbc:postgresql://host/db (overrides all).")
  String db;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "The database user (password from VAN_HUB_DB_PASSWORD).")
  String dbUser;

  @Spec CommandSpec spec;

  private final Map<String, String> environment;

  HubCommand() {
    this(System.getenv());
  }

  HubCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path file = config != null ? config : HubDemo.ensure(dir, Clock.systemUTC());
    HubConfiguration c = HubConfiguration.read(file, environment::get);
    PrintWriter err = spec.commandLine().getErr();
    Hub.Builder b =
        c.applyTo(Hub.builder())
            .defaultFeatures()
            .log(
                line -> {
                  synchronized (err) {
                    err.println(line);
                    err.flush();
                  }
                });
    if (host != null || port != null) {
      b.listen(host == null ? "127.0.0.1" : host, port == null ? 8080 : port);
    }
    if (db != null) {
      b.database(
          db,
          dbUser == null ? "" : dbUser,
          environment.getOrDefault(HubConfiguration.DB_PASSWORD, ""));
    }
    if (tls) {
      EphemeralCertificates ca = new EphemeralCertificates();
      char[] password = password();
      ca.writeTrustStore(dir.resolve("hub-ca.p12"), password);
      b.tls(ca.context("localhost"));
      spec.commandLine()
          .getOut()
          .printf(
              "TLS: throw-away certificate; its CA is in %s (password %s)%n",
              dir.resolve("hub-ca.p12"), new String(password));
    }
    Hub hub = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  hub.close();
                  stopped.countDown();
                },
                "van-hub-stop"));
    PrintWriter out = spec.commandLine().getOut();
    String base = hub.uri().toString();
    out.printf("hub serving %s on %s%n", base, hub.database());
    out.printf("  dashboard  %s%n", base);
    out.printf("  health     %shealth%n", base);
    out.printf("  metrics    %smetrics%n", base);
    out.printf("  API        %sopenapi.json%n", base);
    out.printf("  config     %s%n", file);
    if (config == null) {
      out.printf(
          "  demo       trust list %s, organisation keys in %s%n",
          dir.resolve("trust-list.json"), dir.resolve("keys"));
    }
    out.println("stop with Ctrl-C");
    out.flush();
    stopped.await();
    return Van.OK;
  }

  private static char[] password() {
    SecureRandom random = new SecureRandom();
    char[] p = new char[16];
    for (int i = 0; i < p.length; i++) {
      p[i] = (char) ('a' + random.nextInt(26));
    }
    return p;
  }
}
