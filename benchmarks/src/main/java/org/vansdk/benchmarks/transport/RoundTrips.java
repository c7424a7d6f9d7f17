package org.vansdk.benchmarks.transport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests each node's store makes to its database server (statements executed, a batch
 * counted once, and commits): on PostgreSQL each is a round trip the node waits for, so their
 * number a message says much of what a message costs there.
 */
final class RoundTrips {

  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

  private RoundTrips() {}

  /** The connection, counting its round trips under {@code node}. */
  static Connection counted(Connection c, String node) {
    LongAdder count = COUNTS.computeIfAbsent(node, k -> new LongAdder());
    return proxy(Connection.class, c, count);
  }

  /** Forgets the counters (the nodes' databases are gone). */
  static void clear() {
    COUNTS.clear();
  }

  /** The counts so far, by node. */
  static Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    COUNTS.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static <T> T proxy(Class<T> type, T target, LongAdder count) {
    InvocationHandler h =
        (p, m, args) -> {
          Object result;
          try {
            result = m.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          countIfRoundTrip(m, count);
          if (result instanceof PreparedStatement ps) {
            return proxy(PreparedStatement.class, ps, count);
          }
          if (result instanceof Statement s) {
            return proxy(Statement.class, s, count);
          }
          return result;
        };
    return type.cast(
        Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, h));
  }

  private static void countIfRoundTrip(Method m, LongAdder count) {
    String name = m.getName();
    if (name.startsWith("execute") || name.equals("commit") || name.equals("rollback")) {
      count.increment();
    }
  }
}
