/**
 * The {@code van} command line: validate, generate, anonymise, indicators, import, export, node,
 * schemas, demo, hub.
 */
module org.vansdk.cli {
  requires org.vansdk.core;
  requires org.vansdk.schema;
  requires org.vansdk.testkit;
  requires org.vansdk.anonymisation;
  requires org.vansdk.referral;
  requires org.vansdk.transport;
  requires org.vansdk.indicators;
  requires org.vansdk.exchange;
  requires org.vansdk.ingest;
  requires org.vansdk.hub;
  // van node and the demo serve on Jetty and make throw-away certificates with bcpkix
  requires org.eclipse.jetty.server;
  requires org.bouncycastle.pkix;
  requires info.picocli;

  opens org.vansdk.cli to
      info.picocli;
}
