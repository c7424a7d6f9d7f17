/**
 * The hub's dashboard: a page, its script, style, labels in six languages and the charts library,
 * all served by the hub from the class path ({@link org.vansdk.hub.dashboard.DashboardFeature});
 * the page draws the regional figures and the service directory from the hub's JSON API.
 */
@NullMarked
package org.vansdk.hub.dashboard;

import org.jspecify.annotations.NullMarked;
