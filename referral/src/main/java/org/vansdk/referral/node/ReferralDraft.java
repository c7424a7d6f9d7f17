package org.vansdk.referral.node;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.message.Confidentiality;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the referrer prepares before sending: the referral (the need), the attempt id, the target
 * service, the data categories the referral needs, and the survivor's personal data grouped by
 * category (only the requested and consented categories are sent).
 */
@Value.Immutable
@VanStyle
public abstract class ReferralDraft {

  /** The referral this attempt tries to meet. */
  public abstract Referral referral();

  /** The new attempt's id. */
  public abstract AttemptId attemptId();

  /** The target service, looked up in the directory. */
  public abstract ServiceId targetService();

  /** The data categories the referral needs; each must be consented or sending is refused. */
  public abstract Set<DataCategory> requestedCategories();

  /** Personal data per category; categories not requested or not consented are dropped. */
  @Value.Redacted
  public abstract Map<DataCategory, ObjectNode> personalData();

  /**
   * A note to the provider, tagged with its language. Free text is personal data until proven
   * otherwise: the note leaves only under a consent that covers every category of {@link
   * #noteCategories()}, and never after the consent is withdrawn.
   */
  @Value.Redacted
  public abstract Optional<LocalizedText> note();

  /**
   * The data categories the note counts as. By default every category: a free-text note may hold a
   * name (identity), a phone number (contact), a diagnosis (medical) or anything else, so an
   * unqualified note leaves only under a consent that covers all seven categories. A caller who
   * knows what the note holds (e.g. a form field for the medical history) narrows this, and takes
   * responsibility for the note holding nothing else. Ignored when there is no note.
   */
  @Value.Default
  public Set<DataCategory> noteCategories() {
    return EnumSet.allOf(DataCategory.class);
  }

  @Value.Check
  void check() {
    if (note().isPresent() && noteCategories().isEmpty()) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "draft "
              + attemptId()
              + ": a note counts as at least one data category (free text is personal data until"
              + " proven otherwise); leave noteCategories at its default, every category, or name"
              + " the categories the note holds");
    }
  }

  /** The attempt this one replaces (a re-referral after a decline). */
  public abstract Optional<AttemptId> replaces();

  /** How carefully the receiver must handle the referral. */
  @Value.Default
  public Confidentiality confidentiality() {
    return Confidentiality.RESTRICTED;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReferralDraft}. */
  public static final class Builder extends ImmutableReferralDraft.Builder {}
}
