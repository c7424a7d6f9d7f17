/** Runnable examples of the VAN SDK; not published. */
module org.vansdk.examples {
  requires org.vansdk.core;
}
