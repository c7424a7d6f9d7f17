/** Runnable examples of the VAN SDK; not published. */
module org.vansdk.examples {
  requires org.vansdk.core;
  requires org.vansdk.schema;
  requires org.vansdk.referral;
  requires org.vansdk.anonymisation;
  requires org.vansdk.indicators;
  requires org.vansdk.testkit;
}
