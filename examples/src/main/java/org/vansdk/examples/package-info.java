/**
 * Small runnable programs, one per task a developer does with the SDK. The build compiles and runs
 * each one (a test per example), so they never rot.
 */
@NullMarked
package org.vansdk.examples;

import org.jspecify.annotations.NullMarked;
