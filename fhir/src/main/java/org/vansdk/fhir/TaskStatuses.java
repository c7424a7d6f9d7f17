package org.vansdk.fhir;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.vansdk.core.referral.AttemptStatus;

/**
 * The mapping of our attempt statuses to FHIR R4 Task statuses, as data: one to one, both ways
 * ({@code sent}=requested, {@code declined}=rejected, {@code not_completed}=failed; the others by
 * name). Also which statuses carry a {@code Task.statusReason}. Immutable, thread-safe.
 */
public final class TaskStatuses {

  /** Our status to the Task status. */
  public static final Map<AttemptStatus, TaskStatus> TO_TASK = table();

  /** The statuses whose reason the Task carries in {@code statusReason}. */
  public static final Set<AttemptStatus> WITH_REASON =
      Set.of(
          AttemptStatus.DECLINED,
          AttemptStatus.ON_HOLD,
          AttemptStatus.NOT_COMPLETED,
          AttemptStatus.CANCELLED);

  private TaskStatuses() {}

  private static Map<AttemptStatus, TaskStatus> table() {
    Map<AttemptStatus, TaskStatus> t = new EnumMap<>(AttemptStatus.class);
    t.put(AttemptStatus.DRAFT, TaskStatus.DRAFT);
    t.put(AttemptStatus.SENT, TaskStatus.REQUESTED);
    t.put(AttemptStatus.RECEIVED, TaskStatus.RECEIVED);
    t.put(AttemptStatus.ACCEPTED, TaskStatus.ACCEPTED);
    t.put(AttemptStatus.IN_PROGRESS, TaskStatus.INPROGRESS);
    t.put(AttemptStatus.ON_HOLD, TaskStatus.ONHOLD);
    t.put(AttemptStatus.DECLINED, TaskStatus.REJECTED);
    t.put(AttemptStatus.COMPLETED, TaskStatus.COMPLETED);
    t.put(AttemptStatus.NOT_COMPLETED, TaskStatus.FAILED);
    t.put(AttemptStatus.CANCELLED, TaskStatus.CANCELLED);
    t.put(AttemptStatus.ENTERED_IN_ERROR, TaskStatus.ENTEREDINERROR);
    if (t.size() != AttemptStatus.values().length) {
      throw new IllegalStateException("every attempt status needs a Task status");
    }
    return Collections.unmodifiableMap(t);
  }

  /**
   * Returns the Task status of an attempt status.
   *
   * @param status ours
   * @return the Task status
   */
  public static TaskStatus toTask(AttemptStatus status) {
    return TO_TASK.get(status);
  }

  /**
   * Returns our status for a Task status; empty for the Task statuses we never use ({@code ready}).
   *
   * @param status the Task status
   * @return ours, if any
   */
  public static Optional<AttemptStatus> fromTask(TaskStatus status) {
    return TO_TASK.entrySet().stream()
        .filter(e -> e.getValue() == status)
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
