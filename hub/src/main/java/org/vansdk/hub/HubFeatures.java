package org.vansdk.hub;

import java.util.List;
import java.util.function.Function;
import org.vansdk.hub.dashboard.DashboardFeature;
import org.vansdk.hub.directory.DirectoryFeature;
import org.vansdk.hub.figures.FiguresFeature;
import org.vansdk.hub.submission.SubmissionFeature;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubFeature;

/**
 * The features a hub mounts besides the relay and the operations routes, which every hub has:
 * submissions, regional figures, the directory and the dashboard. {@link
 * Hub.Builder#defaultFeatures()} adds these; {@code van hub} uses them.
 *
 * @since 1.0
 */
public final class HubFeatures {
  private HubFeatures() {}

  /** The default features, in mounting order. */
  public static List<Function<HubContext, HubFeature>> defaults() {
    // The one place where a feature joins the default hub.
    return List.of(
        SubmissionFeature::new, FiguresFeature::new, DirectoryFeature::new, DashboardFeature::new);
  }
}
