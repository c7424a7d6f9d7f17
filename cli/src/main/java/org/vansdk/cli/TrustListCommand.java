package org.vansdk.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.transport.trust.KeyUse;
import org.vansdk.transport.trust.OperatorKeys;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustListJson;
import org.vansdk.transport.trust.TrustListRegistry;
import org.vansdk.transport.trust.TrustedKey;
import org.vansdk.transport.trust.TrustedOrganisation;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code van trust-list}: the network operator's tool for the signed trust list. Every edit of a
 * signed list starts its next version (signatures dropped); {@code sign} adds an operator
 * signature; {@code verify} checks a list as a node does. Files are replaced atomically, so a
 * failed command leaves the list as it was.
 */
@Command(
    name = "trust-list",
    mixinStandardHelpOptions = true,
    description = {
      "Create, edit, sign and verify the network's trust list (organisations, endpoints and keys),",
      "as the network operator does."
    },
    subcommands = {
      TrustListCommand.New.class,
      TrustListCommand.Add.class,
      TrustListCommand.Revoke.class,
      TrustListCommand.Keygen.class,
      TrustListCommand.Sign.class,
      TrustListCommand.Verify.class
    },
    footer = {
      "",
      "Example:",
      "  van trust-list new --network ASEAN-VAN --out trust-list.json",
      "  van trust-list keygen --out operator.key",
      "  van trust-list add trust-list.json --organisation KHM-CMAA-HQ --name CMAA \\",
      "      --endpoint https://van.cmaa.example/ --kid KHM-CMAA-2026-01 --public-key <base64url> \\",
      "      --not-before 2026-01-01T00:00:00Z --not-after 2027-01-01T00:00:00Z",
      "  van trust-list sign trust-list.json --kid operator-2026 --key operator.key",
      "  van trust-list verify trust-list.json --network ASEAN-VAN --operator-key operator-2026=<base64url>"
    })
final class TrustListCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static final Clock CLOCK = Clock.systemUTC();

  static TrustList read(Path file) throws IOException {
    return TrustListJson.read(Files.readAllBytes(file));
  }

  /** Writes the list through a temporary file and an atomic move: never a half-written list. */
  static void write(TrustList list, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".trust-list", ".tmp");
    try {
      Files.write(tmp, TrustListJson.write(list));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static Instant instant(CommandSpec spec, String option, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + " must be an instant such as 2026-01-01T00:00:00Z");
    }
  }

  static byte[] base64url32(CommandSpec spec, String option, String text) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(text.strip());
      if (raw.length == 32) {
        return raw;
      }
    } catch (IllegalArgumentException e) {
      // reported below, without the text (it may be a private key)
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), option + " must be 32 bytes in unpadded base64url (43 characters)");
  }

  static void summary(CommandSpec spec, String verb, TrustList list, Path file) {
    long keys = list.organisations().stream().mapToLong(o -> o.keys().size()).sum();
    spec.commandLine()
        .getOut()
        .printf(
            "%s %s: network %s, version %d, %d organisations, %d keys, %d signatures%n",
            verb,
            file,
            list.network(),
            list.version(),
            list.organisations().size(),
            keys,
            list.signatures().size());
  }

  /** {@code van trust-list new}. */
  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = "Write an empty, unsigned trust list (version 1) for a network.")
  static final class New implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--network", required = true, description = "The network id, e.g. ASEAN-VAN.")
    String network;

    @Option(names = "--out", required = true, description = "File to write; must not exist.")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(out)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--out " + out + " exists; a trust list is never overwritten by new");
      }
      TrustList list = TrustList.draft(network, CLOCK.instant());
      write(list, out);
      summary(spec, "wrote", list, out);
      return Van.OK;
    }
  }

  /** How an added organisation is reached. */
  static final class Delivery {
    @Option(names = "--endpoint", description = "Its node's base HTTPS URL.")
    String endpoint;

    @Option(names = "--mailbox-only", description = "It has no endpoint; reached by the hub.")
    boolean mailboxOnly;
  }

  /** {@code van trust-list add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add an organisation (with --name and --endpoint or --mailbox-only), a key of a listed",
        "organisation (with --kid and --public-key), or both at once. A second key valid at the",
        "same time as the first is a rotation: both verify until the old one's --not-after."
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "The trust list file, edited in place.")
    Path file;

    @Option(
        names = "--organisation",
        required = true,
        description = "Organisation id, e.g. KHM-CMAA-HQ.")
    String organisation;

    @Option(names = "--name", description = "Name of a new organisation.")
    String name;

    @ArgGroup(exclusive = true)
    Delivery delivery;

    @Option(names = "--kid", description = "Id of the key to add, unique in the list.")
    String kid;

    @Option(names = "--public-key", description = "Its raw Ed25519 public key, base64url.")
    String publicKey;

    @Option(names = "--not-before", description = "First instant it may sign.")
    String notBefore;

    @Option(names = "--not-after", description = "Instant from which it may no longer sign.")
    String notAfter;

    @Option(
        names = "--use",
        split = ",",
        description = "What it may sign: sign_messages, sign_requests (default: both).")
    List<String> uses = List.of();

    @Override
    public Integer call() throws IOException {
      OrganisationId id;
      try {
        id = OrganisationId.parse(organisation);
      } catch (RuntimeException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--organisation must be a namespaced id such as KHM-CMAA-HQ");
      }
      TrustList list = read(file);
      Instant now = CLOCK.instant();
      boolean addsOrganisation = name != null || delivery != null;
      boolean addsKey = kid != null || publicKey != null || notBefore != null || notAfter != null;
      if (!addsOrganisation && !addsKey) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "give --name with --endpoint or --mailbox-only, or --kid with its key");
      }
      if (addsOrganisation) {
        if (name == null || delivery == null) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "a new organisation needs --name and one of --endpoint or --mailbox-only");
        }
        list = list.withOrganisation(organisation(id), now);
      }
      if (addsKey) {
        list = list.withKey(id, key(), now);
      }
      write(list, file);
      summary(spec, "updated", list, file);
      return Van.OK;
    }

    private TrustedOrganisation organisation(OrganisationId id) {
      Optional<URI> endpoint = Optional.empty();
      if (!delivery.mailboxOnly) {
        try {
          endpoint = Optional.of(new URI(delivery.endpoint));
        } catch (URISyntaxException e) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--endpoint must be an absolute https URL");
        }
      }
      try {
        return new TrustedOrganisation(id, id.value().substring(0, 3), name, endpoint, List.of());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }

    private TrustedKey key() {
      if (kid == null || publicKey == null || notBefore == null || notAfter == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "a key needs --kid, --public-key, --not-before and --not-after");
      }
      Set<KeyUse> set = EnumSet.noneOf(KeyUse.class);
      for (String u : uses.isEmpty() ? List.of("sign_messages", "sign_requests") : uses) {
        try {
          set.add(KeyUse.fromCode(u));
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--use: " + e.getMessage());
        }
      }
      try {
        return TrustedKey.of(
            KeyId.of(kid),
            base64url32(spec, "--public-key", publicKey),
            instant(spec, "--not-before", notBefore),
            instant(spec, "--not-after", notAfter),
            set);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  /** {@code van trust-list revoke}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = {
        "Revoke a key from an effective time: what it signed before then still verifies. For a",
        "compromised key, give the earliest time it may have been misused."
      })
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "The trust list file, edited in place.")
    Path file;

    @Option(names = "--kid", required = true, description = "Id of the key to revoke.")
    String kid;

    @Option(names = "--at", description = "Effective time (default: now).")
    String at;

    @Override
    public Integer call() throws IOException {
      KeyId id;
      try {
        id = KeyId.of(kid);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--kid: " + e.getMessage());
      }
      Instant now = CLOCK.instant();
      Instant effective = at == null ? now : instant(spec, "--at", at);
      TrustList list = read(file).withRevocation(id, effective, now);
      write(list, file);
      summary(spec, "updated", list, file);
      return Van.OK;
    }
  }

  /** {@code van trust-list keygen}. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Make an Ed25519 key: its private key (base64url) goes to --out, readable only by its",
        "owner; its public key is printed, for add --public-key or verify --operator-key."
      })
  static final class Keygen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--out",
        required = true,
        description = "File for the private key; must not exist.")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(out)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--out " + out + " exists; a key is never overwritten");
      }
      byte[] seed = new byte[32];
      new SecureRandom().nextBytes(seed);
      SigningKey key = SigningKey.fromRaw(KeyId.of("new"), seed);
      Files.createFile(out);
      try {
        Files.setPosixFilePermissions(
            out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the deployment protects the file
      }
      Files.writeString(
          out,
          Base64.getUrlEncoder().withoutPadding().encodeToString(seed) + "\n",
          StandardCharsets.US_ASCII);
      spec.commandLine()
          .getOut()
          .println(Base64.getUrlEncoder().withoutPadding().encodeToString(key.rawPublicKey()));
      return Van.OK;
    }
  }

  /** {@code van trust-list sign}. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = "Add (or replace) an operator signature; the content is not changed.")
  static final class Sign implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "The trust list file, edited in place.")
    Path file;

    @Option(
        names = "--kid",
        required = true,
        description = "The operator key's id, as nodes pin it.")
    String kid;

    @Option(
        names = "--key",
        required = true,
        description = "File holding the operator's private key (from keygen).")
    Path keyFile;

    @Override
    public Integer call() throws IOException {
      TrustList list = read(file);
      byte[] seed =
          base64url32(spec, "--key", Files.readString(keyFile, StandardCharsets.US_ASCII));
      SigningKey key;
      try {
        key = SigningKey.fromRaw(KeyId.of(kid), seed);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--kid: " + e.getMessage());
      }
      TrustList signed = list.signedBy(key);
      write(signed, file);
      summary(spec, "signed", signed, file);
      return Van.OK;
    }
  }

  /** {@code van trust-list verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check a trust list as a node does: valid, of the network, signed by a pinned operator",
        "key, and not older than --held-version. Exit 0 if a node would accept it, 1 if not."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "The trust list file.")
    Path file;

    @Option(names = "--network", required = true, description = "The network the node belongs to.")
    String network;

    @Option(
        names = "--operator-key",
        required = true,
        description = "A pinned operator key as KID=PUBLICKEY (base64url); repeatable.")
    Map<String, String> operatorKeys = new LinkedHashMap<>();

    @Option(names = "--held-version", description = "The version the node holds (default: none).")
    long heldVersion;

    @Override
    public Integer call() throws IOException {
      Map<KeyId, byte[]> pinned = new LinkedHashMap<>();
      operatorKeys.forEach(
          (kid, key) -> {
            try {
              pinned.put(KeyId.of(kid), base64url32(spec, "--operator-key " + kid, key));
            } catch (IllegalArgumentException e) {
              throw new CommandLine.ParameterException(
                  spec.commandLine(), "--operator-key: " + e.getMessage());
            }
          });
      TrustList list = read(file);
      TrustListRegistry registry = TrustListRegistry.of(OperatorKeys.of(pinned), network);
      registry.accept(list);
      if (list.version() < heldVersion) {
        throw new org.vansdk.transport.trust.TrustListException(
            org.vansdk.transport.trust.TrustErrors.OLDER_VERSION,
            "trust list version "
                + list.version()
                + " is older than the held version "
                + heldVersion);
      }
      summary(spec, "valid", list, file);
      return Van.OK;
    }
  }
}
