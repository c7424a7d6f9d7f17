/**
 * Casualties: people hurt or killed in incidents, their injuries, amputations and sensory losses,
 * the derived age and Landmine Monitor groups, and indirect victims.
 */
@NullMarked
package org.vansdk.core.casualty;

import org.jspecify.annotations.NullMarked;
