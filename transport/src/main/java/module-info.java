/**
 * The HTTP binding of the VAN referral protocol: a framework-neutral message endpoint with ready
 * adapters on the JDK's HTTP server and on Jetty 12, and a dispatcher that delivers a node's outbox
 * to its peers over HTTPS, one ordered lane per peer.
 */
module org.vansdk.transport {
  requires transitive org.vansdk.referral;
  requires org.vansdk.schema;
  requires transitive java.net.http;
  requires transitive jdk.httpserver;
  requires java.naming;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires org.slf4j;
  requires static micrometer.core;
  requires static org.bouncycastle.pkix;
  requires static org.bouncycastle.provider;
  requires static org.bouncycastle.util;
  requires static org.eclipse.jetty.server;
  requires static org.eclipse.jetty.http;
  requires static org.eclipse.jetty.io;
  requires static org.eclipse.jetty.util;

  exports org.vansdk.transport.http;
  exports org.vansdk.transport.jdk;
  exports org.vansdk.transport.jetty;
  exports org.vansdk.transport.client;
  exports org.vansdk.transport.observe;
  exports org.vansdk.transport.tls;
  exports org.vansdk.transport.node;
  exports org.vansdk.transport.trust;
  exports org.vansdk.transport.httpsig;
}
