package org.vansdk.testkit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JDBC connection wrapper that records each request the store makes to the database server: a
 * statement executed (a batch counts once: the driver sends it in one go), a savepoint set or
 * released, a commit or a rollback. On PostgreSQL each is a round trip to the server, made while
 * the node holds its lock. Wrap the connection a store is given ({@code JdbcReferralStore.using}),
 * then read {@link #trips()} after the work to measure. Thread-safe.
 *
 * @since 1.0
 */
public final class RoundTripCounter {

  private static final Set<String> EXECUTE =
      Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate");
  private static final Set<String> CONNECTION_TRIPS =
      Set.of("setSavepoint", "releaseSavepoint", "commit", "rollback");

  private final List<String> trips = new ArrayList<>();

  /** The requests recorded so far, as SQL text or connection method names. */
  public synchronized List<String> trips() {
    return List.copyOf(trips);
  }

  /** How many requests were recorded so far. */
  public synchronized int count() {
    return trips.size();
  }

  /** Forgets what was recorded. */
  public synchronized void reset() {
    trips.clear();
  }

  private synchronized void record(String what) {
    trips.add(what);
  }

  /** A counter that has recorded nothing. */
  public RoundTripCounter() {}

  /** The connection, wrapped so that its round trips are recorded. */
  public Connection wrap(Connection c) {
    return proxy(
        Connection.class,
        c,
        (proxy, method, args) -> {
          String name = method.getName();
          if (CONNECTION_TRIPS.contains(name)) {
            record(name);
          }
          Object result = invoke(method, c, args);
          if (result instanceof PreparedStatement ps) {
            String sql = (String) args[0];
            return proxy(PreparedStatement.class, ps, statementHandler(ps, sql));
          }
          if (result instanceof Statement s) {
            return proxy(Statement.class, s, statementHandler(s, "(statement)"));
          }
          return result;
        });
  }

  private InvocationHandler statementHandler(Statement target, String sql) {
    return (proxy, method, args) -> {
      if (EXECUTE.contains(method.getName())) {
        record(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
      }
      return invoke(method, target, args);
    };
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
